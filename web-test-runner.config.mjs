// Tests run in real headless Chromium (Debian's package or CHROMIUM_PATH); see scripts/chromium.mjs.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { plainSummaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { findChromium } from './scripts/chromium.mjs';

const executablePath = findChromium();
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ci = process.env.CI === 'true';

export default {
  files: process.env.WTR_FILES
    ? process.env.WTR_FILES.split(',')
    : ['src/**/*.test.ts', 'components/**/*.test.ts', 'test/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args } })],
  middleware: [
    function mswWorker(context, next) {
      // The service worker must be served from the root so its scope covers the test pages.
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  reporters: [ci ? summaryReporter({ flatten: false }) : defaultReporter(), plainSummaryReporter()],
  filterBrowserLogs: ({ args: logArgs }) => !String(logArgs[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 600000,
};
