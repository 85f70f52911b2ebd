import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countsReporter } from './scripts/wtr-counts-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/** `WTR_BROWSER=firefox`: the same suite in Firefox ESR. */
const firefox = process.env.WTR_BROWSER === 'firefox';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  port: 8765,
  // One page at a time: keyboard, focus and clipboard tests need the focused page.
  concurrency: 1,
  testsFinishTimeout: 300_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2022' })],
  browsers: [
    firefox
      ? chromeLauncher({
          // Debian's Firefox ESR over WebDriver BiDi (puppeteer-core); no downloaded browser.
          // The driver cannot emulate media over BiDi: this run's reader prefers dark colours
          // throughout (the colour-scheme test checks that), and print is applied by the test.
          launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true, extraPrefsFirefox: { 'ui.systemUsesDarkTheme': 1 } },
        })
      : chromeLauncher({
          launchOptions: {
            executablePath: chromiumPath,
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
  reporters: [defaultReporter(), countsReporter(firefox ? '.tmp/wtr-counts-firefox.json' : '.tmp/wtr-counts.json')],
};
