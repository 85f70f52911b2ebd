/** A node:test reporter that writes `{ passed, failed }` (tests, not suites) as JSON. */
export default async function* countsReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that fails outside its tests (a hook) still counts as a failure.
      if (event.type === 'test:fail' && event.data.details.error?.failureType !== 'subtestsFailed') failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) continue;
    if (event.type === 'test:pass') passed++;
    else failed++;
  }
  yield JSON.stringify({ passed, failed });
}
