import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draft, startTestServer, type TestServer } from './support/server.js';

const post = (server: TestServer, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('API server', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ corsOrigins: ['https://partner.example'] })));
  after(() => server.dispose());

  it('answers health, content with an ETag (then 304), and 404 in the error shape', async () => {
    assert.deepEqual(await (await fetch(`${server.url}/healthz`)).json(), { ok: true });
    const first = await fetch(`${server.url}/v1/content/ID-KH`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('Cache-Control'), 'no-cache');
    const etag = first.headers.get('ETag')!;
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal((await first.json()).corridor.id, 'ID-KH');
    const second = await fetch(`${server.url}/v1/content/ID-KH`, { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
    assert.equal(await second.text(), '');
    const missing = await fetch(`${server.url}/v1/content/ID-XX`);
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error.code, 'not_found');
  });

  it('stores a report once per Idempotency-Key, 409 for a different body, readable tickets', async () => {
    const body = JSON.stringify(draft());
    const a = await post(server, body, { 'Idempotency-Key': 'same-key-0001' });
    assert.equal(a.status, 201);
    const { ticket, status } = await a.json();
    assert.match(ticket, /^LDG-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(status, 'received');
    const before = server.store.count();
    const again = await post(server, body, { 'Idempotency-Key': 'same-key-0001' });
    assert.equal(again.status, 200);
    assert.equal((await again.json()).ticket, ticket);
    assert.equal(server.store.count(), before);
    const other = await post(server, JSON.stringify(draft({ description: 'Something else' })), { 'Idempotency-Key': 'same-key-0001' });
    assert.equal(other.status, 409);
    assert.equal((await other.json()).error.code, 'conflict');

    const statusResponse = await (await fetch(`${server.url}/v1/reports/${ticket}`)).json();
    assert.deepEqual(statusResponse.stages, [
      { id: 'received', status: 'done' },
      { id: 'verified', status: 'current' },
      { id: 'in-handling', status: 'upcoming' },
      { id: 'resolved', status: 'upcoming' },
    ]);
    assert.deepEqual(Object.keys(statusResponse).sort(), ['stages', 'status', 'ticket', 'updated']);
  });

  it('rejects bad requests with 400 and the path of each problem', async () => {
    const cases: [string, Record<string, string>, string[]][] = [
      ['{not json', { 'Idempotency-Key': 'bad-0000001' }, [': not JSON']],
      [JSON.stringify(draft()), {}, ['Idempotency-Key: missing']],
      [JSON.stringify(draft({ inDanger: 'yes', category: 7 })), { 'Idempotency-Key': 'bad-0000002' }, ['category: Invalid type: Expected string but received 7', 'inDanger: not true or false']],
      [JSON.stringify(draft({ description: 'x'.repeat(5001) })), { 'Idempotency-Key': 'bad-0000003' }, ['description: longer than 5000 characters']],
      [JSON.stringify({ ...draft(), isAdmin: true }), { 'Idempotency-Key': 'bad-0000004' }, ['isAdmin: unknown field']],
      [JSON.stringify(draft({ occurredOn: '2999-01-01' })), { 'Idempotency-Key': 'bad-0000005' }, ['occurredOn: in the future']],
      [JSON.stringify(draft({ contact: { anonymous: false, method: 'email', value: 'not-an-email' } })), { 'Idempotency-Key': 'bad-0000006' }, ['contact.value: not an email address']],
      [JSON.stringify(draft({ category: 'lottery-win' })), { 'Idempotency-Key': 'bad-0000007' }, ['category: unknown category "lottery-win"']],
      [JSON.stringify(draft({ consent: { version: '1', given: false } })), { 'Idempotency-Key': 'bad-0000008' }, ['consent.given: consent must be given']],
    ];
    const before = server.store.count();
    for (const [body, headers, expected] of cases) {
      const response = await post(server, body, headers);
      assert.equal(response.status, 400, body.slice(0, 80));
      const json = await response.json();
      assert.equal(json.error.code, 'invalid');
      assert.deepEqual(json.error.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`), expected);
    }
    assert.equal(server.store.count(), before, 'no invalid report was stored');
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await post(server, JSON.stringify(draft({ description: 'x'.repeat(70_000) })), { 'Idempotency-Key': 'big-0000001' });
    assert.equal(response.status, 413);
    assert.equal((await response.json()).error.code, 'too_large');
  });

  it('allows only listed origins (CORS) and sends security headers', async () => {
    const allowed = await fetch(`${server.url}/v1/content/ID-KH`, { headers: { Origin: 'https://partner.example' } });
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://partner.example');
    assert.equal(allowed.headers.get('Access-Control-Expose-Headers'), 'ETag,Retry-After');
    const other = await fetch(`${server.url}/v1/content/ID-KH`, { headers: { Origin: 'https://elsewhere.example' } });
    assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(other.headers.get('X-Content-Type-Options'), 'nosniff');
    const preflight = await fetch(`${server.url}/v1/reports`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/);
  });

  it('publishes an OpenAPI 3.1 document generated from the shared schemas', async () => {
    const doc = await (await fetch(`${server.url}/v1/openapi.json`)).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), ['/healthz', '/v1/content/{corridor}', '/v1/reports', '/v1/reports/{ticket}']);
    const report = doc.components.schemas.ReportDraft;
    assert.deepEqual(report.required.sort(), ['category', 'consent', 'contact', 'corridor', 'description', 'inDanger', 'locale'].sort());
    assert.equal(report.properties.description.maxLength, 5000);
    assert.ok(doc.components.schemas.ContentPack.properties.hotlines);
  });

  it('keeps contact details out of the database file and the logs', async () => {
    const phone = '+6281299887766';
    const email = 'siti.rahma@example.id';
    for (const [method, value, key] of [['phone', phone, 'pii-0000001'], ['email', email, 'pii-0000002']] as const) {
      const response = await post(server, JSON.stringify(draft({ contact: { anonymous: false, name: 'Siti Rahma', method, value } })), { 'Idempotency-Key': key });
      assert.equal(response.status, 201);
    }
    const files = readdirSync(server.dataDir).filter((f) => f.startsWith('lindungi.sqlite'));
    assert.ok(files.includes('lindungi.sqlite'));
    for (const file of files) {
      const bytes = readFileSync(join(server.dataDir, file)).toString('latin1');
      for (const secret of [phone, '81299887766', email, 'Siti Rahma']) assert.ok(!bytes.includes(secret), `${secret} found in ${file}`);
    }
    const logs = server.logs.join('\n');
    for (const secret of [phone, email, 'Siti Rahma']) assert.ok(!logs.includes(secret), `${secret} found in the logs`);
    assert.ok(server.logs.some((l) => l.startsWith('POST /v1/reports 201')));
  });
});

describe('API server limits', () => {
  it('answers 429 with Retry-After past the per-client rate', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/v1/content/ID-KH`)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const limited = await fetch(`${server.url}/v1/content/ID-KH`);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
      assert.equal((await limited.json()).error.code, 'rate_limited');
    } finally {
      await server.dispose();
    }
  });

  it('keeps reports across a restart', async () => {
    const server = await startTestServer();
    const response = await post(server, JSON.stringify(draft()), { 'Idempotency-Key': 'restart-0001' });
    const { ticket } = await response.json();
    await server.close();
    const again = await startTestServer({}, server.dataDir);
    try {
      assert.equal(again.store.count(), 1);
      assert.equal((await fetch(`${again.url}/v1/reports/${ticket}`)).status, 200);
    } finally {
      await again.dispose();
    }
  });
});
