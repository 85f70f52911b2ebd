/** Debian's browsers, launched the same way by every end-to-end test, and axe run in a page. */
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** Firefox ESR, driven over WebDriver BiDi (puppeteer-core), where the machine has it. */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const hasFirefox = existsSync(FIREFOX);
export const launchFirefox = () => puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** The WCAG 2.2 A and AA violations axe finds on a Playwright page (which must allow the script). */
export async function wcagViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'],
    });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}
