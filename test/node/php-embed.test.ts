import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/server.js';

const execFileAsync = promisify(execFile);
const php = spawnSync('php', ['--version']).status === 0;

/** The README's PHP include, exactly as printed, run with Debian's php-cli against the real server. */
describe('the README’s PHP server-side include', { skip: !php && 'no php-cli on this machine (apt-get install php-cli)' }, () => {
  let server: TestServer;
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const snippet = /```php\n([\s\S]*?)```/.exec(readme)?.[1];
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  /** Runs the snippet with its cache in `cache`; answers what it printed. (Not spawnSync: the server answers from this process.) */
  const run = async (cache: string, url: string) => {
    const file = join(cache, 'page.php');
    writeFileSync(file, snippet!.replace('https://YOUR-API', url));
    const { stdout } = await execFileAsync('php', [file], { env: { ...process.env, TMPDIR: cache }, encoding: 'utf8', timeout: 20_000 });
    return stdout;
  };

  it('prints the server-rendered hotline, then its cached copy while the API is unreachable', async () => {
    assert.ok(snippet, 'the README has a PHP snippet');
    const cache = mkdtempSync(join(tmpdir(), 'lindungi-php-'));
    const first = await run(cache, server.url);
    assert.match(first, /^<lindungi-hotline lang="id" corridor="ID-KH"><template shadowroot="open" shadowrootmode="open">/);
    assert.ok(first.includes('href="tel:117"'));
    const requests = server.requests.length;
    // Within five minutes the copy is used without asking the API again.
    assert.equal(await run(cache, server.url), first);
    assert.equal(server.requests.length, requests);
    // The API unreachable (every connection cut), the copy older than five minutes: the last good
    // copy, never an error in the page.
    const old = new Date(Date.now() - 10 * 60_000);
    for (const name of readdirSync(cache).filter((f) => f.startsWith('lindungi-'))) utimesSync(join(cache, name), old, old);
    server.faults.dropRate = 1;
    try {
      assert.equal(await run(cache, server.url), first);
      // No copy and no API: nothing, rather than a broken page.
      assert.equal(await run(mkdtempSync(join(tmpdir(), 'lindungi-php-')), server.url), '');
    } finally {
      server.faults.dropRate = 0;
    }
  });
});
