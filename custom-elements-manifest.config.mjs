export default {
  globs: ['components/**/*.ts', 'src/base/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.define.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
