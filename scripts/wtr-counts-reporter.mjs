import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/**
 * Writes how many browser tests passed and failed, and the names of those that failed, for the
 * summary of `npm test`.
 */
export function countsReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      const failures = [];
      const visit = (suite, path, where) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failures.push(`${where}: ${[...path, test.name].join(' › ')}${test.error?.message ? ` — ${firstLine(test.error.message)}` : ''}`);
        }
        for (const child of suite.suites ?? []) visit(child, [...path, child.name], where);
      };
      for (const session of sessions) {
        const where = relative(process.cwd(), session.testFile);
        if (session.testResults) visit(session.testResults, [], where);
        // A file that could not even load counts as a failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) {
          const errors = session.errors?.length ? session.errors : [{ message: 'the file did not run' }];
          for (const error of errors) failures.push(`${where}: ${firstLine(error.message ?? String(error))}`);
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ passed, failed: failures.length, failures }));
    },
  };
}

const firstLine = (text) => String(text).split('\n')[0].slice(0, 300);
