import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import Database from 'better-sqlite3';
import { open } from '../../build/server/crypto.js';
import { clientAddress } from '../../build/server/app.js';
import { draft, readRows, startTestServer, storedText, STORE_KIND, TEST_DATA_KEY, type TestServer } from '../support/server.js';
import { parseContentPack } from '../../src/sdk/index.js';

/** A raw HTTP GET (Node's fetch would decode the body): status, headers and the bytes on the wire. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const post = (server: TestServer, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('API server', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ corsOrigins: ['https://partner.example'] })));
  after(() => server.dispose());

  it('answers every refusal in the one error shape of the schema (ApiErrorSchema), as the OpenAPI document says', async () => {
    const { ApiErrorSchema } = await import('../../src/sdk/index.js');
    const v = await import('valibot');
    const refusals = [
      await post(server, 'not json', { 'Idempotency-Key': 'error-shape-1' }),
      await post(server, '{}'),
      await post(server, '{}', { 'Idempotency-Key': 'error-shape-2', 'Withdrawal-Key': 'short' }),
      await fetch(`${server.url}/v1/reports/LDG-0000-0000`),
      await fetch(`${server.url}/v1/content/XX-YY`),
      await fetch(`${server.url}/v1/desk/reports`),
    ];
    for (const response of refusals) {
      assert.ok(response.status >= 400, String(response.status));
      const body: unknown = await response.json();
      assert.ok(v.is(ApiErrorSchema, body), JSON.stringify(body));
    }
    const documented = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as {
      components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } };
    };
    assert.deepEqual(documented.components.schemas.Error.properties.error.properties.code.enum, [
      'invalid',
      'conflict',
      'unauthorized',
      'forbidden',
      'too_large',
      'rate_limited',
      'not_found',
      'internal',
    ]);
  });

  it('answers the content in one locale only: a smaller valid pack with its own ETag; a locale the pack lacks gets its fallback, and a malformed one 400', async () => {
    const whole = await fetch(`${server.url}/v1/content/ID-KH`);
    const wholeBytes = (await whole.text()).length;
    const first = await fetch(`${server.url}/v1/content/ID-KH?locale=km`);
    assert.equal(first.status, 200);
    const etag = first.headers.get('ETag')!;
    assert.notEqual(etag, whole.headers.get('ETag'));
    const body = await first.text();
    const slice = parseContentPack(JSON.parse(body));
    assert.deepEqual(slice.locales, ['km']);
    assert.deepEqual(Object.keys(slice.rights[0]!.title as object), ['km']);
    assert.ok(body.length < wholeBytes / 2, `${body.length} of ${wholeBytes} characters`);
    assert.equal((await fetch(`${server.url}/v1/content/ID-KH?locale=km`, { headers: { 'If-None-Match': etag } })).status, 304);
    // The whole pack's ETag does not stand for a slice.
    assert.equal((await fetch(`${server.url}/v1/content/ID-KH?locale=km`, { headers: { 'If-None-Match': whole.headers.get('ETag')! } })).status, 200);
    // French is not in the pack: the Indonesian a French reader would be shown; a region falls to its language.
    assert.deepEqual((await (await fetch(`${server.url}/v1/content/ID-KH?locale=fr`)).json()).locales, ['id']);
    assert.deepEqual((await (await fetch(`${server.url}/v1/content/ID-KH?locale=ms-MY`)).json()).locales, ['ms']);
    const refused = await fetch(`${server.url}/v1/content/ID-KH?locale=${encodeURIComponent('<km>')}`);
    assert.equal(refused.status, 400);
    const error = (await refused.json()).error;
    assert.equal(error.code, 'invalid');
    assert.match(error.message, /is not a locale code/);
  });

  it('answers health, content with an ETag (then 304), and 404 in the error shape', async () => {
    assert.deepEqual(await (await fetch(`${server.url}/healthz`)).json(), { ok: true, database: 'ok', store: server.store.kind });
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

  it('caches hashed CDN files forever, and revalidates the entries and the chunks a page preloads by name', async () => {
    const cdn = join(import.meta.dirname, '../../dist/cdn');
    const hashed = readdirSync(join(cdn, 'chunks')).find((f) => /^[\w-]{8}\.js$/.test(f));
    assert.ok(hashed, 'a chunk named by its hash');
    const cache = async (path: string) => {
      const response = await fetch(`${server.url}/dist/cdn/${path}`);
      assert.equal(response.status, 200, path);
      return response.headers.get('Cache-Control');
    };
    assert.equal(await cache(`chunks/${hashed}`), 'public, max-age=31536000, immutable');
    // A stable name changes content from release to release: a cached copy would be stale.
    for (const path of ['lindungi.js', 'chunks/lindungi.content.js', 'chunks/lindungi.reports.js', 'locales/lindungi.id.js'])
      assert.equal(await cache(path), 'no-cache', path);
  });

  it('stores a report once per Idempotency-Key, 409 for a different body, readable tickets', async () => {
    const body = JSON.stringify(draft());
    const a = await post(server, body, { 'Idempotency-Key': 'same-key-0001' });
    assert.equal(a.status, 201);
    const { ticket, status } = await a.json();
    assert.match(ticket, /^LDG-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(status, 'received');
    const before = await server.store.count();
    const again = await post(server, body, { 'Idempotency-Key': 'same-key-0001' });
    assert.equal(again.status, 200);
    assert.equal((await again.json()).ticket, ticket);
    assert.equal(await server.store.count(), before);
    const other = await post(server, JSON.stringify(draft({ description: 'Something else' })), { 'Idempotency-Key': 'same-key-0001' });
    assert.equal(other.status, 409);
    assert.equal((await other.json()).error.code, 'conflict');

    const statusResponse = await (await fetch(`${server.url}/v1/reports/${ticket}`)).json();
    // Just received: nobody has checked it yet, so "received" is the stage in progress.
    assert.deepEqual(statusResponse.stages, [
      { id: 'received', status: 'current', date: statusResponse.updated },
      { id: 'verified', status: 'upcoming' },
      { id: 'in-handling', status: 'upcoming' },
      { id: 'resolved', status: 'upcoming' },
    ]);
    assert.deepEqual(Object.keys(statusResponse).sort(), ['stages', 'status', 'ticket', 'updated']);
  });

  it('rejects bad requests with 400 and the path of each problem', async () => {
    const cases: [string, Record<string, string>, string[]][] = [
      ['{not json', { 'Idempotency-Key': 'bad-0000001' }, [': not JSON']],
      [JSON.stringify(draft()), {}, ['Idempotency-Key: missing']],
      [
        JSON.stringify(draft({ inDanger: 'yes', category: 7 })),
        { 'Idempotency-Key': 'bad-0000002' },
        ['category: Invalid type: Expected string but received 7', 'inDanger: not true or false'],
      ],
      [JSON.stringify(draft({ description: 'x'.repeat(5001) })), { 'Idempotency-Key': 'bad-0000003' }, ['description: longer than 5000 characters']],
      [JSON.stringify({ ...draft(), isAdmin: true }), { 'Idempotency-Key': 'bad-0000004' }, ['isAdmin: unknown field']],
      [JSON.stringify(draft({ occurredOn: '2999-01-01' })), { 'Idempotency-Key': 'bad-0000005' }, ['occurredOn: in the future']],
      [
        JSON.stringify(draft({ contact: { anonymous: false, method: 'email', value: 'not-an-email' } })),
        { 'Idempotency-Key': 'bad-0000006' },
        ['contact.value: not an email address'],
      ],
      [JSON.stringify(draft({ category: 'lottery-win' })), { 'Idempotency-Key': 'bad-0000007' }, ['category: unknown category "lottery-win"']],
      [JSON.stringify(draft({ consent: { version: '1', given: false } })), { 'Idempotency-Key': 'bad-0000008' }, ['consent.given: consent must be given']],
    ];
    const before = await server.store.count();
    for (const [body, headers, expected] of cases) {
      const response = await post(server, body, headers);
      assert.equal(response.status, 400, body.slice(0, 80));
      const json = await response.json();
      assert.equal(json.error.code, 'invalid');
      assert.deepEqual(
        json.error.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`),
        expected,
      );
    }
    assert.equal(await server.store.count(), before, 'no invalid report was stored');
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
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/healthz',
      '/v1/content/{corridor}',
      '/v1/desk/audit',
      '/v1/desk/export',
      '/v1/desk/me',
      '/v1/desk/reports',
      '/v1/desk/reports/{ticket}',
      '/v1/desk/reports/{ticket}/reveal',
      '/v1/desk/reports/{ticket}/status',
      '/v1/desk/session',
      '/v1/embed/{corridor}/{widget}',
      '/v1/openapi.json',
      '/v1/operator',
      '/v1/reports',
      '/v1/reports/{ticket}',
    ]);
    assert.deepEqual(Object.keys(doc.paths['/v1/reports/{ticket}']).sort(), ['delete', 'get']);
    assert.deepEqual(doc.components.schemas.Operator.required.sort(), ['contact', 'demonstration', 'name', 'retentionDays']);
    const report = doc.components.schemas.ReportDraft;
    assert.deepEqual(report.required.sort(), ['category', 'consent', 'contact', 'corridor', 'description', 'inDanger', 'locale'].sort());
    assert.equal(report.properties.description.maxLength, 5000);
    assert.ok(doc.components.schemas.ContentPack.properties.hotlines);
  });

  it('names each operation once, says which need a token or the desk session, and documents the rate limit on every /v1 route', async () => {
    const doc = await (await fetch(`${server.url}/v1/openapi.json`)).json();
    // The copy in the package (for generators) is the document the server serves.
    assert.deepEqual(JSON.parse(readFileSync(new URL('../../dist/openapi.json', import.meta.url), 'utf8')), doc);
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { operationId: string; security: unknown[]; responses: Record<string, unknown> }>>,
    ).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
    const ids = operations.map((op) => op.operationId);
    assert.equal(new Set(ids).size, ids.length, `operationIds: ${ids.join(', ')}`);
    assert.ok(ids.every((id) => /^[a-z][A-Za-z]+$/.test(id)));
    for (const op of operations) {
      const desk = op.path.startsWith('/v1/desk/') && op.path !== '/v1/desk/session';
      assert.deepEqual(op.security, desk ? [{ operatorToken: [] }, { deskSession: [] }] : [], `${op.method} ${op.path}`);
      if (op.path.startsWith('/v1/')) assert.ok(op.responses['429'], `${op.method} ${op.path} documents 429`);
    }
    assert.equal(doc.components.securitySchemes.deskSession.in, 'cookie');
    assert.equal(doc.info.license.identifier, 'Apache-2.0');
  });

  it('documents exactly the routes the server serves, each with the schemas it validates', async () => {
    const doc = await (await fetch(`${server.url}/v1/openapi.json`)).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    assert.deepEqual(documented, [...server.routes].sort());
    // The list's filters are the server's own: a filter the document names is accepted, one it does not is refused.
    const list = doc.paths['/v1/desk/reports'].get;
    const names = list.parameters.map((p: { name: string }) => p.name);
    assert.deepEqual(names, ['status', 'category', 'inDanger', 'corridor', 'from', 'to', 'dangerFirst', 'cursor', 'limit']);
    assert.deepEqual(list.parameters[0].schema.enum, ['received', 'verified', 'in-handling', 'resolved', 'closed', 'withdrawn']);
    assert.equal(list.responses[200].content['application/json'].schema.$ref, '#/components/schemas/DeskReportPage');
    assert.deepEqual(doc.components.schemas.DeskReport.required.includes('stages'), true);
    const withdrawal = doc.paths['/v1/reports/{ticket}'].delete.parameters.find((p: { name: string }) => p.name === 'Withdrawal-Key');
    assert.equal(new RegExp(withdrawal.schema.pattern).test('short'), false);
    assert.equal(new RegExp(withdrawal.schema.pattern).test('a'.repeat(43)), true);
  });

  it('keeps every personal field out of the database file and the logs, and each sealed value opens again', async () => {
    const phone = '+6281299887766';
    const email = 'siti.rahma@example.id';
    const description = 'Paspor saya ditahan oleh mandor Pak Wiryo di gedung B';
    const place = 'Kompleks Golden Fortune, Sihanoukville';
    const employer = 'PT Maju Sentosa Penempatan';
    const tickets: string[] = [];
    for (const [method, value, key] of [
      ['phone', phone, 'pii-0000001'],
      ['email', email, 'pii-0000002'],
    ] as const) {
      const body = draft({
        description,
        location: { country: 'KH', place },
        employerOrAgency: employer,
        contact: { anonymous: false, name: 'Siti Rahma', method, value },
      });
      const response = await post(server, JSON.stringify(body), { 'Idempotency-Key': key });
      assert.equal(response.status, 201);
      tickets.push((await response.json()).ticket);
    }
    const stored = await storedText(server);
    assert.ok(
      stored.some(([, text]) => text.includes(tickets[0])),
      'the store was read',
    );
    const secrets = [phone, '81299887766', email, 'Siti Rahma', description, 'Pak Wiryo', place, 'Golden Fortune', employer, 'Maju Sentosa'];
    for (const [where, text] of stored) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} found in ${where}`);
    }
    const logs = server.logs.join('\n');
    for (const secret of secrets) assert.ok(!logs.includes(secret), `${secret} found in the logs`);
    assert.ok(server.logs.some((l) => l.startsWith('POST /v1/reports 201')));

    // What is stored opens again with the data key, and only with it.
    {
      const row = (await readRows(server, 'SELECT * FROM reports WHERE ticket = ?', [tickets[0]]))[0] as Record<string, string>;
      const key = Buffer.from(TEST_DATA_KEY, 'base64');
      assert.equal(open(key, row.description), description);
      assert.equal(open(key, row.location_place), place);
      assert.equal(open(key, row.employer_or_agency), employer);
      assert.deepEqual(JSON.parse(open(key, row.contact_sealed)), { name: 'Siti Rahma', method: 'phone', value: phone });
      assert.throws(() => open(Buffer.alloc(32, 9), row.description), /No data key opens/);
      // One bit of the ciphertext flipped (not its base64 text: the last character may carry unused bits).
      const [version, iv, tag, data] = row.description.split('.');
      const flipped = Buffer.from(data, 'base64url');
      flipped[0] ^= 1;
      const tampered = [version, iv, tag, flipped.toString('base64url')].join('.');
      assert.throws(() => open(key, tampered));
    }
  });

  it('serves content and files compressed, with an ETag per encoding and Vary: Accept-Encoding', async () => {
    const plain = await rawGet(`${server.url}/v1/content/ID-KH`);
    const br = await rawGet(`${server.url}/v1/content/ID-KH`, { 'Accept-Encoding': 'gzip, deflate, br' });
    const gz = await rawGet(`${server.url}/v1/content/ID-KH`, { 'Accept-Encoding': 'gzip' });
    const refused = await rawGet(`${server.url}/v1/content/ID-KH`, { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(refused.headers['content-encoding'], undefined);
    for (const r of [plain, br, gz])
      assert.deepEqual(
        String(r.headers.vary)
          .split(/,\s*/)
          .filter((v) => v === 'Accept-Encoding'),
        ['Accept-Encoding'],
      );
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);
    assert.deepEqual(gunzipSync(gz.body), plain.body);
    assert.ok(br.body.length < plain.body.length / 3, `brotli body ${br.body.length} bytes of ${plain.body.length}`);
    const tags = new Set([plain, br, gz].map((r) => r.headers.etag));
    assert.equal(tags.size, 3, 'each encoding has its own ETag');
    // A tag of any encoding revalidates: the bodies decode to the same bytes.
    const revalidated = await rawGet(`${server.url}/v1/content/ID-KH`, { 'Accept-Encoding': 'br', 'If-None-Match': String(gz.headers.etag) });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.etag, br.headers.etag);

    // Static files (the demo page's bundle) and larger API JSON too.
    const bundle = await rawGet(`${server.url}/demo/demo.css`, { 'Accept-Encoding': 'br' });
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers['content-encoding'], 'br');
    assert.equal(bundle.headers.vary, 'Accept-Encoding');
    assert.deepEqual(brotliDecompressSync(bundle.body), readFileSync(join(import.meta.dirname, '../../demo/demo.css')));
    const again = await rawGet(`${server.url}/demo/demo.css`, { 'Accept-Encoding': 'gzip', 'If-None-Match': String(bundle.headers.etag) });
    assert.equal(again.status, 304);
    const openapi = await rawGet(`${server.url}/v1/openapi.json`, { 'Accept-Encoding': 'gzip' });
    assert.equal(openapi.headers['content-encoding'], 'gzip');
    assert.equal(JSON.parse(gunzipSync(openapi.body).toString()).openapi, '3.1.0');
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

  it('keys the rate limit on the address the trusted proxy saw, so a forged X-Forwarded-For does not escape it', async () => {
    // Behind one proxy that appends the address it saw: the client's own entries are left of it.
    assert.equal(clientAddress('203.0.113.9', '10.0.0.2', 1), '203.0.113.9');
    assert.equal(clientAddress('1.2.3.4, 203.0.113.9', '10.0.0.2', 1), '203.0.113.9');
    assert.equal(clientAddress('1.2.3.4, 203.0.113.9, 10.0.0.3', '10.0.0.2', 2), '203.0.113.9');
    assert.equal(clientAddress('1.2.3.4', '10.0.0.2', 2), '10.0.0.2');
    assert.equal(clientAddress('1.2.3.4', '10.0.0.2', 0), '10.0.0.2');

    const server = await startTestServer({ rateLimitPerMinute: 3, trustProxy: 1 });
    try {
      const statuses = [];
      // The proxy saw 198.51.100.7 each time; the client writes a new address of its own on every request.
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${server.url}/v1/content/ID-KH`, { headers: { 'X-Forwarded-For': `192.0.2.${i}, 198.51.100.7` } });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      // Another client behind the same proxy has its own budget.
      assert.equal((await fetch(`${server.url}/v1/content/ID-KH`, { headers: { 'X-Forwarded-For': '198.51.100.8' } })).status, 200);
    } finally {
      await server.dispose();
    }
  });

  // Only SQLite databases predate encryption at rest: PostgreSQL support began with the encrypted schema.
  if (STORE_KIND === 'sqlite')
    it('encrypts the free texts of reports stored by an earlier version, leaving no plaintext in the file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lindungi-legacy-'));
      // A database as the first schema version wrote it: free texts in plain text.
      const db = new Database(join(dir, 'lindungi.sqlite'));
      db.exec(`CREATE TABLE reports (
      ticket TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, body_hash TEXT NOT NULL, corridor TEXT NOT NULL,
      category TEXT NOT NULL, description TEXT NOT NULL, occurred_on TEXT, location_country TEXT, location_place TEXT,
      employer_or_agency TEXT, in_danger INTEGER NOT NULL, anonymous INTEGER NOT NULL, contact_sealed TEXT,
      consent_version TEXT NOT NULL, locale TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    ) STRICT`);
      db.pragma('user_version = 1');
      db.prepare(
        `INSERT INTO reports VALUES ('LDG-2222-3333', 'legacy-key-1', 'h', 'ID-KH', 'unpaid-wages', 'Gaji ditahan oleh Pak Legacy', NULL, 'KH', 'Gedung Legacy Tower', 'PT Legacy Agency', 0, 1, NULL, 'v1', 'id', 'received', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      ).run();
      db.close();
      const again = await startTestServer({}, dir);
      try {
        for (const file of readdirSync(dir).filter((f) => f.startsWith('lindungi.sqlite'))) {
          const bytes = readFileSync(join(dir, file)).toString('latin1');
          for (const secret of ['Pak Legacy', 'Legacy Tower', 'PT Legacy Agency']) assert.ok(!bytes.includes(secret), `${secret} left in ${file}`);
        }
        const raw = new Database(join(dir, 'lindungi.sqlite'), { readonly: true });
        const row = raw.prepare(`SELECT description FROM reports WHERE ticket = 'LDG-2222-3333'`).get() as { description: string };
        raw.close();
        assert.equal(open(Buffer.from(TEST_DATA_KEY, 'base64'), row.description), 'Gaji ditahan oleh Pak Legacy');
        assert.equal((await fetch(`${again.url}/v1/reports/LDG-2222-3333`)).status, 200);
      } finally {
        await again.dispose();
      }
    });

  it('keeps reports across a restart', async () => {
    const server = await startTestServer();
    const response = await post(server, JSON.stringify(draft()), { 'Idempotency-Key': 'restart-0001' });
    const { ticket } = await response.json();
    await server.close();
    const again = await startTestServer({}, server.dataDir);
    try {
      assert.equal(await again.store.count(), 1);
      assert.equal((await fetch(`${again.url}/v1/reports/${ticket}`)).status, 200);
    } finally {
      await again.dispose();
    }
  });
});
