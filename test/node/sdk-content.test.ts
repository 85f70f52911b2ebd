import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, createContentClient, withReporting, LindungiError, LindungiValidationError } from '../../src/sdk/index.js';

describe('SDK content in Node (no DOM)', () => {
  it('reads the shipped pack from the file system', async () => {
    const client = createClient();
    const pack = await client.content();
    assert.equal(pack.corridor.id, 'ID-KH');
    const hotlines = await client.hotlines();
    // The destination's lines first (Cambodia by default), then the origin's.
    assert.deepEqual(
      hotlines.map((h) => h.id),
      ['cambodia-police-117', 'kbri-phnom-penh', 'kp2mi-call-centre', 'sp4n-lapor'],
    );
    assert.equal((await client.timeline('agreement-id-kh'))?.stages[0]?.status, 'current');
    assert.equal((await client.rights()).length, 13);
  });

  it('reports through a client of its own, leaving the shared content client as it was', async () => {
    const shared = createContentClient({ api: 'http://127.0.0.1:9/' });
    const reporting = withReporting(shared);
    assert.equal('reports' in shared, false, 'the content client every widget shares is not changed');
    assert.equal('operator' in shared, false);
    assert.equal(withReporting(shared), reporting, 'one content client, one outbox');
    assert.equal(reporting.api, shared.api);
    assert.equal(reporting.corridor, shared.corridor);
    assert.equal(withReporting(reporting), reporting, 'a reporting client is answered as it is');
    // Content still comes through the shared client's one load.
    const local = createContentClient();
    const [a, b] = await Promise.all([withReporting(local).content(), local.content()]);
    assert.equal(a, b);
  });

  it('returns the same load for concurrent requests', async () => {
    const client = createClient();
    const [a, b] = await Promise.all([client.content(), client.content()]);
    assert.equal(a, b);
  });

  it('refuses an unknown corridor with a typed error', async () => {
    await assert.rejects(
      createClient({ corridor: 'ID-XX' }).content(),
      (error: unknown) => error instanceof LindungiError && error.code === 'unknown-corridor',
    );
  });

  it('validates a pack given as an object', async () => {
    await assert.rejects(
      createClient({ pack: { schemaVersion: 1 } }).content(),
      (error: unknown) => error instanceof LindungiValidationError && error.issues.some((i) => i.path === 'corridor' && i.message === 'missing'),
    );
  });
});
