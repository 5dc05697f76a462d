// AmElement.emit(name, …) makes the analyzer list a dynamic event called "name": drop it.
function dropDynamicEvents() {
  return {
    name: 'drop-dynamic-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const d of mod.declarations ?? []) {
          if (d.events) d.events = d.events.filter((e) => e.name && e.name !== 'name');
        }
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts', 'src/base/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.testing.ts', '**/*.stories.ts', '**/*.define.ts', '**/*.styles.ts', '**/locales/**'],
  outdir: '.',
  litelement: true,
  plugins: [dropDynamicEvents()],
};
