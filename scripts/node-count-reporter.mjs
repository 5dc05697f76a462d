// node:test reporter that writes {"passed": N, "failed": N} (tests only, not suites).
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    const type = event.data?.details?.type;
    if (event.type === 'test:pass' && type !== 'suite') passed++;
    if (event.type === 'test:fail' && type !== 'suite') failed++;
  }
  yield JSON.stringify({ passed, failed });
}
