import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';

const root = new URL('../..', import.meta.url).pathname;

/**
 * A folder holding the package as `npm pack` makes it, installed in its `node_modules/lindungi`.
 * It is inside the project, so apps in it find Vite, Vue, Svelte and Angular in the project's
 * node_modules, as a partner's app has them in its own. Call after `npm run build`.
 */
export function packedWorkspace(): string {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const workspace = mkdtempSync(join(root, '.tmp', 'frameworks-'));
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workspace], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as { filename: string }[];
  mkdirSync(join(workspace, 'node_modules'));
  execFileSync('tar', ['-xzf', join(workspace, filename), '-C', join(workspace, 'node_modules')]);
  renameSync(join(workspace, 'node_modules', 'package'), join(workspace, 'node_modules', 'lindungi'));
  return workspace;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** Serve the built app in `folder` at `origin/name/` in `page`, beside the API (same origin). */
export async function serveApp(page: Page, origin: string, name: string, folder: string): Promise<void> {
  await page.route(`${origin}/${name}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.slice(name.length + 2) || 'index.html';
    return route.fulfill({ contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(join(folder, path)) });
  });
}
