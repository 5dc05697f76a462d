// The host-portal demo: served by `npm start`, running on the built-in Crossbar emulator (MSW).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  publicDir: '../public',
  server: { port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? 'localhost', open: false },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
