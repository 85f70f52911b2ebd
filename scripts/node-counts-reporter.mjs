/**
 * A node:test reporter that writes `{ passed, failed, failures }` (tests, not suites) as JSON;
 * `failures` names each failed test with its file.
 */
export default async function* countsReporter(source) {
  let passed = 0;
  const failures = [];
  const name = (event) => {
    const where = event.data.file ? `${relativePath(event.data.file)}: ` : '';
    const message = event.data.details?.error?.cause?.message ?? event.data.details?.error?.message;
    return `${where}${event.data.name}${message ? ` — ${String(message).split('\n')[0].slice(0, 300)}` : ''}`;
  };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that fails outside its tests (a hook) still counts as a failure.
      if (event.type === 'test:fail' && event.data.details.error?.failureType !== 'subtestsFailed') failures.push(name(event));
      continue;
    }
    if (event.data.skip || event.data.todo) continue;
    if (event.type === 'test:pass') passed++;
    else failures.push(name(event));
  }
  yield JSON.stringify({ passed, failed: failures.length, failures });
}

const relativePath = (file) => (file.startsWith(process.cwd()) ? file.slice(process.cwd().length + 1) : file);
