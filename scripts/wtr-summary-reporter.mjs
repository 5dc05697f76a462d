// Prints "N passed, N failed" as the last line of a web-test-runner run, counting files that failed to load as failed.
import { writeFileSync } from 'node:fs';

function count(result, acc) {
  if (!result) return acc;
  for (const t of result.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of result.suites ?? []) count(s, acc);
  return acc;
}

export function plainSummaryReporter() {
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        count(s.testResults, acc);
        const empty = !s.testResults?.tests?.length && !s.testResults?.suites?.length;
        if (!s.passed && s.errors?.length && empty) acc.failed++;
      }
      if (process.env.WTR_SUMMARY_FILE) writeFileSync(process.env.WTR_SUMMARY_FILE, JSON.stringify(acc));
      const line = `${acc.passed} passed, ${acc.failed} failed` + (acc.skipped ? `, ${acc.skipped} skipped` : '');
      process.once('exit', () => process.stdout.write(`${line}\n`));
    },
  };
}
