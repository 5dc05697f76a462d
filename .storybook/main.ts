import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // Storybook's own bundles (its manager, docs, axe for the a11y panel) are large by nature; this is a design tool,
  // not what a host loads. Keep Vite's size warning and its table of every asset out of the build log.
  viteFinal: (vite) => ({
    ...vite,
    logLevel: 'warn',
    build: { ...vite.build, chunkSizeWarningLimit: 1500, reportCompressedSize: false },
  }),
};
export default config;
