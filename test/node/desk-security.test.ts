import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runDeskCommand } from '../../build/server/desk-cli.js';
import { draft, startTestServer, type TestServer } from '../support/server.js';

/**
 * What the server refuses, against the real server on its store: cookie writes from another
 * origin or not as JSON, bodies past the limit on any route, answers with case data kept in a
 * cache, and what it promises browsers (HSTS over HTTPS, its built files readable by partner pages).
 */
describe('the server keeps what it promises', () => {
  let server: TestServer;
  let token: string;
  let cookie: string;

  const signIn = async (origin = server.url) => {
    const response = await fetch(`${server.url}/v1/desk/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ token }),
    });
    return response;
  };
  const submit = async () =>
    (
      await (
        await fetch(`${server.url}/v1/reports`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(draft({ contact: { anonymous: false, method: 'email', value: 'rina@example.org' } })),
        })
      ).json()
    ).ticket as string;

  before(async () => {
    server = await startTestServer({ deskFailuresPerMinute: 1000 });
    const lines: string[] = [];
    await runDeskCommand(['operator', 'add', '--name', 'Sari', '--role', 'admin'], { env: server.cliEnv, print: (l) => lines.push(l) });
    token = lines[1].match(/: ([\w-]{43})$/)![1]!;
    const signedIn = await signIn();
    assert.equal(signedIn.status, 200);
    cookie = signedIn.headers.get('Set-Cookie')!.split(';')[0]!;
  });
  after(() => server.dispose());

  it("refuses cookie writes that are not JSON (415) or not from the desk's own origin (403), and changes nothing", async () => {
    const ticket = await submit();
    const close = (headers: Record<string, string>, body = JSON.stringify({ status: 'closed', reason: 'forged' })) =>
      fetch(`${server.url}/v1/desk/reports/${ticket}/status`, { method: 'POST', headers: { Cookie: cookie, ...headers }, body });
    // What a form or a page on another port of the same host can send with the cookie.
    const attempts: Array<[string, Record<string, string>, number]> = [
      ['a form (text/plain)', { 'Content-Type': 'text/plain', Origin: 'http://127.0.0.1:1' }, 415],
      ['a form from the same origin, not JSON', { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url }, 415],
      ['JSON from another port', { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:1' }, 403],
      ['JSON marked same-site by the browser', { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-site' }, 403],
      ['JSON marked cross-site', { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }, 403],
      ['JSON with no origin at all', { 'Content-Type': 'application/json' }, 403],
    ];
    for (const [what, headers, status] of attempts) assert.equal((await close(headers)).status, status, what);
    const reveal = await fetch(`${server.url}/v1/desk/reports/${ticket}/reveal`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: 'http://localhost:9' },
    });
    assert.equal(reveal.status, 403);
    assert.equal((await server.store.rawRow(ticket))!.status, 'received', 'nothing was closed');
    assert.ok(!(await server.store.listAudit({ limit: 1000 })).some((e) => e.ticket === ticket && e.action === 'reveal'), 'nothing was revealed');
    // The desk page itself: same origin, JSON.
    assert.equal((await close({ 'Content-Type': 'application/json', Origin: server.url, 'Sec-Fetch-Site': 'same-origin' })).status, 200);
    // A bearer token cannot be sent by another site: API clients are not held to the page's rule.
    const other = await submit();
    const byToken = await fetch(`${server.url}/v1/desk/reports/${other}/status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'verified' }),
    });
    assert.equal(byToken.status, 200);
  });

  it("refuses a sign-in that is not JSON from the desk's own origin (no sign-in forced by another site)", async () => {
    const plain = await fetch(`${server.url}/v1/desk/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: server.url },
      body: JSON.stringify({ token }),
    });
    assert.equal(plain.status, 415);
    assert.equal(plain.headers.get('Set-Cookie'), null);
    const foreign = await signIn('http://127.0.0.1:1');
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('Set-Cookie'), null);
  });

  it('marks every answer with a report, a note or case data no-store', async () => {
    const ticket = await submit();
    const desk = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
    const answers: Array<[string, Response]> = [
      ['report status', await fetch(`${server.url}/v1/reports/${ticket}`)],
      [
        'report sent',
        await fetch(`${server.url}/v1/reports`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(draft()),
        }),
      ],
      ['desk list', await desk('/v1/desk/reports')],
      ['desk report', await desk(`/v1/desk/reports/${ticket}`)],
      ['reveal', await desk(`/v1/desk/reports/${ticket}/reveal`, { method: 'POST' })],
      ['export', await desk('/v1/desk/export?contact=true')],
      ['audit', await desk('/v1/desk/audit')],
      ['me', await desk('/v1/desk/me')],
      ['sign-in', await signIn()],
      ['not found', await fetch(`${server.url}/v1/reports/LDG-ZZZZ-ZZZZ`)],
    ];
    for (const [what, response] of answers) {
      assert.equal(response.headers.get('Cache-Control'), 'no-store', what);
      await response.arrayBuffer();
    }
    // Public content stays cacheable and revalidated.
    assert.equal((await fetch(`${server.url}/v1/content/ID-KH`)).headers.get('Cache-Control'), 'no-cache');
  });

  it('sends HSTS over HTTPS (through the trusted proxy), and not over plain HTTP', async () => {
    const proxied = await startTestServer({ trustProxy: 1 });
    try {
      const https = await fetch(`${proxied.url}/v1/content/ID-KH`, { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.9' } });
      assert.equal(https.headers.get('Strict-Transport-Security'), 'max-age=31536000; includeSubDomains');
      const page = await fetch(`${proxied.url}/desk/`, { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.9' } });
      assert.equal(page.headers.get('Strict-Transport-Security'), 'max-age=31536000; includeSubDomains');
      assert.equal((await fetch(`${proxied.url}/v1/content/ID-KH`)).headers.get('Strict-Transport-Security'), null);
    } finally {
      await proxied.dispose();
    }
    // Without a trusted proxy, a client's own X-Forwarded-Proto is not believed.
    assert.equal((await fetch(`${server.url}/v1/content/ID-KH`, { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get('Strict-Transport-Security'), null);
  });

  it('lets partner pages load its built files from another origin (never with credentials); its pages keep their own rules', async () => {
    const script = await fetch(`${server.url}/dist/cdn/lindungi.js`, { headers: { Origin: 'https://partner.example' } });
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('Access-Control-Allow-Origin'), '*');
    assert.equal(script.headers.get('Access-Control-Allow-Credentials'), null);
    assert.equal(script.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
    for (const path of ['/desk/', '/', '/dist/desk/desk.js']) {
      const response = await fetch(`${server.url}${path}`, { headers: { Origin: 'https://partner.example' } });
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), null, path);
      await response.arrayBuffer();
    }
  });

  it('counts ticket lookups that miss per address: after 10 a minute, every lookup from it is refused for a while', async () => {
    const guarded = await startTestServer({ trustProxy: 1 });
    try {
      const ticket = (
        await (
          await fetch(`${guarded.url}/v1/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
            body: JSON.stringify(draft()),
          })
        ).json()
      ).ticket as string;
      const look = (t: string, address: string) => fetch(`${guarded.url}/v1/reports/${t}`, { headers: { 'X-Forwarded-For': address } });
      const guesses: number[] = [];
      for (let i = 0; i < 12; i++) guesses.push((await look(`LDG-AAAA-${String(i).padStart(4, 'A')}`, '203.0.113.77')).status);
      assert.deepEqual(guesses, [...Array(10).fill(404), 429, 429]);
      // A real ticket is refused too from that address (a 200 would tell the guesser it found one)…
      const blocked = await look(ticket, '203.0.113.77');
      assert.equal(blocked.status, 429);
      assert.ok(Number(blocked.headers.get('Retry-After')) > 0);
      // …but not from another.
      assert.equal((await look(ticket, '198.51.100.8')).status, 200);
      const withdrawals = await fetch(`${guarded.url}/v1/reports/LDG-BBBB-BBBB`, {
        method: 'DELETE',
        headers: { 'X-Forwarded-For': '203.0.113.77', 'Withdrawal-Key': 'k'.repeat(43) },
      });
      assert.equal(withdrawals.status, 429);
    } finally {
      await guarded.dispose();
    }
  });

  // Last, on a server of its own: the connections it cuts are not reused by the other tests.
  it('reads no body past the limit on any route, streamed or chunked: 413, and memory stays flat', async () => {
    const own = await startTestServer();
    try {
      const chunk = new Uint8Array(1024 * 1024).fill(120);
      const chunked = (megabytes: number) =>
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (megabytes-- > 0) controller.enqueue(chunk);
            else controller.close();
          },
        });
      // A small body over the limit is answered, not cut: the client reads the 413 itself.
      const over = await fetch(`${own.url}/v1/desk/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: own.url },
        body: JSON.stringify({ token: 'x'.repeat(70 * 1024) }),
      });
      assert.equal(over.status, 413);
      assert.equal((await over.json()).error.code, 'too_large');
      const before = process.memoryUsage().rss;
      for (const path of ['/v1/desk/session', `/v1/desk/reports/LDG-AAAA-AAAA/status`, '/v1/reports']) {
        const streamed = await fetch(`${own.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: own.url, Cookie: cookie, 'Idempotency-Key': crypto.randomUUID() },
          body: chunked(200),
          duplex: 'half',
        } as RequestInit).catch((error: Error) => error);
        // The server answers 413 as soon as the limit is passed (the client may see the connection end first).
        if (streamed instanceof Error) assert.match(String((streamed.cause as Error | undefined) ?? streamed), /other side closed|socket|reset|EPIPE/i, path);
        else assert.equal(streamed.status, 413, path);
        const declared = await fetch(`${own.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: own.url, Cookie: cookie },
          body: 'x'.repeat(2 * 1024 * 1024),
        }).catch((error: Error) => error);
        if (declared instanceof Error) assert.match(String((declared.cause as Error | undefined) ?? declared), /other side closed|socket|reset|EPIPE/i, path);
        else assert.equal(declared.status, 413, `${path} with Content-Length`);
      }
      // The server still answers (a connection the client had open may have been cut: one retry).
      const health = await fetch(`${own.url}/healthz`).catch(() => fetch(`${own.url}/healthz`));
      assert.equal(health.status, 200, 'the server still answers');
      const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
      assert.ok(grown < 150, `the process grew by ${grown.toFixed(0)} MB for 600 MB sent`);
    } finally {
      await own.dispose();
    }
  });
});
