import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LindungiValidationError, parseContentPack, parseWith, ReportDraftSchema } from 'lindungi/sdk';
import { runDeskCommand } from '../../build/server/desk-cli.js';
import { draft, startTestServer, type TestServer } from '../support/server.js';
import { shippedPackJson } from '../support/pack.js';

// Property-based tests (fast-check) against the real server: generated bad input never makes it
// fail (no 5xx, no crash), every refusal names where the problem is, and the SDK's validator
// refuses exactly what the server refuses: one schema, proven on generated input.
// Seeded, so a failure is reproduced by the same run; FUZZ_SEED changes the seed.

const seed = Number(process.env.FUZZ_SEED ?? 20261128);

/** A failure's report, short enough to read: the error and the start of the counterexample. */
const short = (details: fc.RunDetails<any>) => {
  if (!details.failed) return;
  throw new Error(
    `${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance).slice(0, 400)}\ncounterexample (start): ${JSON.stringify(details.counterexample)?.slice(0, 400)}\nseed ${details.seed}, path ${details.counterexamplePath}`,
  );
};
const REPORT_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** Strings that break naive code: huge, astral, combining, control, bidi, NUL, lone surrogates. */
const nastyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e\u2066',
    'a\u0301\u0301\u0301',
    '\ud800',
    '𝕳𝖊𝖑𝖕',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '__proto__',
    '1e309',
    'NaN',
  ),
  fc.integer({ min: 0, max: 70_000 }).map((n) => 'x'.repeat(n)),
);
const anyValue = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(nastyString, fc.jsonValue(), { maxKeys: 3 }),
);

/** A valid draft with one to three generated changes: a field retyped, removed, added, or nested. */
const payload = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.record({
          op: fc.constant('set' as const),
          path: fc.constantFrom(
            'corridor',
            'category',
            'description',
            'occurredOn',
            'location',
            'location.country',
            'location.place',
            'employerOrAgency',
            'inDanger',
            'contact',
            'contact.anonymous',
            'contact.method',
            'contact.value',
            'contact.name',
            'consent',
            'consent.version',
            'consent.given',
            'consent.by',
            'locale',
          ),
          value: anyValue,
        }),
        fc.record({
          op: fc.constant('delete' as const),
          path: fc.constantFrom(
            'corridor',
            'category',
            'description',
            'inDanger',
            'contact',
            'consent',
            'locale',
            'location',
            'consent.given',
            'contact.anonymous',
          ),
        }),
        fc.record({ op: fc.constant('extra' as const), path: nastyString, value: anyValue }),
        fc.record({
          op: fc.constant('named' as const),
          path: fc.constant('contact'),
          value: fc.record({
            anonymous: fc.constant(false),
            method: fc.constantFrom('phone', 'whatsapp', 'email', 'telegram'),
            value: nastyString,
            name: fc.option(nastyString, { nil: undefined }),
          }),
        }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.boolean(),
  )
  .map(([changes]) => {
    const body: Record<string, unknown> = structuredClone(draft());
    for (const change of changes) {
      const keys = change.path.split('.');
      let target = body;
      for (const key of keys.slice(0, -1)) {
        if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
        target = target[key] as Record<string, unknown>;
      }
      const last = keys.at(-1)!;
      if (change.op === 'delete') delete target[last];
      else if (change.op === 'extra') Object.defineProperty(body, change.path, { value: change.value, enumerable: true, configurable: true, writable: true });
      else target[last] = change.value;
    }
    return body;
  });

/** How the payload reaches the server: as JSON, as broken JSON, with a wrong type, with a bad key. */
const request = fc.record({
  payload,
  shape: fc.constantFrom('json', 'json', 'json', 'json', 'broken-json', 'wrong-content-type', 'not-an-object'),
  // Header values are bytes: anything a client can send, from printable ASCII and Latin-1.
  key: fc.oneof(
    fc.constant('ok'),
    fc.constant('ok'),
    fc.constant('ok'),
    fc.constant(''),
    fc.constant('short'),
    fc.stringMatching(/^[\x21-\x7e\xa0-\xff]{0,300}$/),
    fc.integer({ min: 0, max: 20_000 }).map((n) => 'k'.repeat(n)),
  ),
});

describe('fuzzing the API with generated bad input', () => {
  let server: TestServer;
  let token: string;
  let ticket: string;
  const seen = { requests: 0, status: new Map<number, number>(), sdkAgreed: 0 };

  before(async () => {
    server = await startTestServer({ bodyLimitBytes: 64 * 1024 });
    const lines: string[] = [];
    await runDeskCommand(['operator', 'add', '--name', 'Fuzz', '--role', 'admin'], { env: server.cliEnv, print: (l) => lines.push(l) });
    token = lines[1].match(/: ([\w-]{43})$/)![1]!;
    const created = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'fuzz-target-1' },
      body: JSON.stringify(draft()),
    });
    ticket = (await created.json()).ticket;
  });
  after(async () => {
    console.log(
      `fuzz: ${seen.requests} requests, statuses ${JSON.stringify(Object.fromEntries(seen.status))}, SDK and server agreed on ${seen.sdkAgreed} JSON payloads`,
    );
    await server.dispose();
  });

  const count = (status: number) => {
    seen.requests++;
    seen.status.set(status, (seen.status.get(status) ?? 0) + 1);
  };

  it(`POST /v1/reports: ${REPORT_RUNS} generated reports → no 5xx, every 400 names a path, and the SDK refuses exactly what the server refuses`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ payload: body, shape, key }) => {
        const text =
          shape === 'broken-json' ? JSON.stringify(body).slice(0, -1 - (n % 7)) : shape === 'not-an-object' ? JSON.stringify([body]) : JSON.stringify(body);
        const response = await fetch(`${server.url}/v1/reports`, {
          method: 'POST',
          headers: {
            'Content-Type': shape === 'wrong-content-type' ? 'text/plain' : 'application/json',
            'Idempotency-Key': key === 'ok' ? `fuzz-${seed}-${n++}` : key,
          },
          body: text,
        });
        count(response.status);
        assert.ok(response.status < 500, `${response.status} for ${text.slice(0, 200)}`);
        // Node's HTTP parser refuses headers over 16 kB itself (431, no body): a client error all the same.
        if (response.status === 431) return;
        const answer = (await response.json()) as { error?: { issues?: { path: string; message: string }[] } };
        if (response.status === 400) {
          assert.ok(answer.error?.issues?.length, 'a 400 lists its issues');
          for (const issue of answer.error.issues) assert.equal(typeof issue.path, 'string');
        }
        // One schema: for a well-formed request, the SDK's validator and the server agree.
        if (key === 'ok' && shape !== 'broken-json' && response.status !== 413) {
          const candidate = shape === 'not-an-object' ? [body] : body;
          let sdkAccepts = true;
          try {
            parseWith(ReportDraftSchema, candidate, 'report');
          } catch (error) {
            if (!(error instanceof LindungiValidationError)) throw error;
            sdkAccepts = false;
          }
          // The server also knows the pack (corridor, categories, the current consent text), which the SDK validates in the form.
          const packOnly =
            response.status === 400 && answer.error!.issues!.every((i) => /^unknown (corridor|category) |^not the current consent text/.test(i.message));
          assert.equal(
            sdkAccepts,
            response.status === 201 || response.status === 200 || packOnly,
            `SDK ${sdkAccepts ? 'accepts' : 'refuses'}, server ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`,
          );
          seen.sdkAgreed++;
        }
      }),
      { numRuns: REPORT_RUNS, seed, endOnFailure: true, reporter: short },
    );
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200, 'the server still answers');
  });

  it('GET /v1/desk/reports: 2000 generated filter sets → no 5xx, every 400 names a path', async () => {
    const keys = fc.constantFrom('status', 'category', 'inDanger', 'corridor', 'from', 'to', 'dangerFirst', 'cursor', 'limit', 'x', '__proto__', '');
    const values = fc.oneof(
      nastyString,
      fc.constantFrom(
        'received',
        'closed',
        'true',
        'false',
        'ID-KH',
        '2026-11-28',
        '2026-02-30',
        '0',
        '100',
        '101',
        '-1',
        'eyJjIjoxfQ',
        'eyJjIjoiYSIsInQiOiJiIn0',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(keys, values), { maxLength: 5 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const response = await fetch(`${server.url}/v1/desk/reports?${query}`, { headers: { Authorization: `Bearer ${token}` } });
        count(response.status);
        assert.ok(response.status < 500, `${response.status} for ?${query.slice(0, 200)}`);
        // Node's HTTP parser refuses a request line over 16 kB itself (431, no body).
        if (response.status === 431) return;
        const answer = await response.json();
        if (response.status === 400)
          assert.ok(
            answer.error.issues.every((i: { path: string }) => typeof i.path === 'string' && i.path.length > 0),
            JSON.stringify(answer),
          );
        else assert.equal(response.status, 200);
      }),
      { numRuns: 2000, seed, endOnFailure: true, reporter: short },
    );
  });

  it('POST /v1/desk/reports/{ticket}/status: 2000 generated changes → no 5xx, every 400 names a path', async () => {
    const body = fc.oneof(
      fc.record(
        {
          status: fc.oneof(fc.constantFrom('verified', 'in-handling', 'resolved', 'closed', 'received', 'withdrawn'), nastyString),
          publicNote: fc.option(nastyString, { nil: undefined }),
          internalNote: fc.option(nastyString, { nil: undefined }),
          reason: fc.option(nastyString, { nil: undefined }),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    // Each run on a fresh ticket now and then, so forward moves and the ended states are both reached.
    let target = ticket;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('json', 'json', 'json', 'broken'), async (change, shape) => {
        if (run++ % 50 === 0) {
          const created = await fetch(`${server.url}/v1/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `fuzz-status-${seed}-${run}` },
            body: JSON.stringify(draft()),
          });
          target = (await created.json()).ticket;
        }
        const text = shape === 'broken' ? `${JSON.stringify(change)}}` : JSON.stringify(change);
        const response = await fetch(`${server.url}/v1/desk/reports/${target}/status`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: text,
        });
        count(response.status);
        assert.ok(response.status < 500, `${response.status} for ${text.slice(0, 200)}`);
        const answer = await response.json();
        if (response.status === 400)
          assert.ok(answer.error.issues.length > 0 && answer.error.issues.every((i: { path: string }) => typeof i.path === 'string'), JSON.stringify(answer));
        // A body past the limit (64 kB) is refused before it is read, on every route.
        else if (response.status === 413) assert.ok(Buffer.byteLength(text) > 64 * 1024, `413 for a body of ${Buffer.byteLength(text)} bytes`);
        else assert.ok([200, 409].includes(response.status), `${response.status}`);
      }),
      { numRuns: 2000, seed, endOnFailure: true, reporter: short },
    );
  });
});

describe('fuzzing content packs', () => {
  it('2000 generated malformed packs → the validator refuses each with the path of a problem', async () => {
    const pack = shippedPackJson();
    /** Every path of a value in the pack, to pick one to break. */
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (path.length) paths.push(path);
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(pack, []);
    const breaking = fc.record({
      path: fc.constantFrom(...paths),
      value: fc.oneof(
        fc.constant(undefined),
        fc.constant(null),
        fc.integer(),
        fc.constant(''),
        fc.constant({}),
        fc.constant([]),
        fc.constant('not-a-date'),
        fc.constant(-1),
      ),
    });
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(breaking, ({ path, value }) => {
        const broken = structuredClone(pack);
        let target = broken;
        for (const key of path.slice(0, -1)) target = target[key];
        const last = path.at(-1)!;
        const original = target[last];
        if (value === undefined) delete target[last];
        else target[last] = value;
        try {
          parseContentPack(broken);
          accepted++;
        } catch (error) {
          assert.ok(error instanceof LindungiValidationError, String(error));
          assert.ok(error.issues.length > 0 && error.issues.every((i) => typeof i.path === 'string'), JSON.stringify(error.issues));
          refused++;
          return;
        }
        // Some changes are harmless (an optional field removed, a text given as a plain string): the pack stays valid.
        void original;
      }),
      { numRuns: 2000, seed, reporter: short },
    );
    console.log(`content packs: ${refused} refused with a path, ${accepted} still valid after a harmless change`);
    assert.ok(refused > 1000);
  });
});
