import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countsReporter } from './scripts/wtr-counts-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/** Debian's Chromium, with the flags that keep it from reaching for the network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Test pages run side by side; none of them may be throttled as a background tab.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  port: 8765,
  // One page at a time: keyboard, focus and clipboard tests need the focused page.
  concurrency: 1,
  testsFinishTimeout: 300_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [...chromiumArgs, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'lindungi-wtr-'))}`],
      },
      async createPage({ context }) {
        // The copy buttons need the clipboard, as a reader's browser grants it on a click.
        await context.overridePermissions('http://localhost:8765', ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
        return context.newPage();
      },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), countsReporter('.tmp/wtr-counts.json')],
};
