import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createClient,
  LindungiApiError,
  LindungiNotConfiguredError,
  LindungiValidationError,
  memoryStorage,
  OutboxChangeEvent,
  readPhone,
  toE164,
  type OutboxEntry,
} from '../../src/sdk/index.js';
import { open } from '../../build/server/crypto.js';
import { configFromEnv, DEMO_OPERATOR } from '../../build/server/main.js';
import { UI_LOCALES as LOCALES } from '../../src/internal/locale.js';
import { CONSENT_VERSION, draft, startTestServer, TEST_DATA_KEY, TEST_OPERATOR } from '../support/server.js';

const named = () => draft({ contact: { anonymous: false, name: 'Siti Rahma', method: 'whatsapp', value: '+6281299887766' } });

describe('who receives reports (GET /v1/operator)', () => {
  it('names the operator, its retention and where data is stored; the SDK validates the answer', async () => {
    const server = await startTestServer();
    try {
      assert.deepEqual(await (await fetch(`${server.url}/v1/operator`)).json(), TEST_OPERATOR);
      const client = createClient({ api: server.url, storage: memoryStorage() });
      assert.deepEqual(await client.operator(), TEST_OPERATOR);
      await assert.rejects(createClient().operator(), LindungiNotConfiguredError);
    } finally {
      await server.dispose();
    }
  });

  it('without an operator: says so at start, answers 404, and refuses reports rather than pretend to take them', async () => {
    const server = await startTestServer({ operator: undefined });
    try {
      assert.ok(
        server.logs.some((l) => l.startsWith('No operator is configured')),
        server.logs.join('\n'),
      );
      const operator = await fetch(`${server.url}/v1/operator`);
      assert.equal(operator.status, 404);
      assert.equal((await operator.json()).error.code, 'not_found');
      const client = createClient({ api: server.url, storage: memoryStorage() });
      await assert.rejects(client.operator(), (e: unknown) => e instanceof LindungiApiError && e.status === 404);
      await assert.rejects(client.reports.submit(draft()), (e: unknown) => e instanceof LindungiApiError && e.status === 404);
      assert.equal(await server.store.count(), 0);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});

describe('the operator in each language', () => {
  it('takes the name and contact per language from the environment; the plain one stands in for the others', () => {
    const config = configFromEnv({
      LINDUNGI_OPERATOR_NAME: 'Migrant Care',
      LINDUNGI_OPERATOR_NAME_KM: 'មជ្ឈមណ្ឌលជំនួយ Migrant Care',
      LINDUNGI_OPERATOR_CONTACT: 'help@example.org',
      LINDUNGI_OPERATOR_CONTACT_ID: 'help@example.org (Senin–Jumat)',
    });
    const plain = (text: string) => Object.fromEntries(LOCALES.map((l) => [l, text]));
    assert.deepEqual(config.operator?.name, { ...plain('Migrant Care'), km: 'មជ្ឈមណ្ឌលជំនួយ Migrant Care' });
    assert.deepEqual(config.operator?.contact, { ...plain('help@example.org'), id: 'help@example.org (Senin–Jumat)' });
    // Without any language of its own, a plain text as before.
    assert.equal(configFromEnv({ LINDUNGI_OPERATOR_NAME: 'Migrant Care', LINDUNGI_OPERATOR_CONTACT: 'help@example.org' }).operator?.name, 'Migrant Care');
  });

  it('the demonstration operator of npm start is written in every shipped language, so no consent text mixes languages', async () => {
    assert.deepEqual(Object.keys(DEMO_OPERATOR.name).sort(), [...LOCALES].sort());
    assert.deepEqual(Object.keys(DEMO_OPERATOR.contact).sort(), [...LOCALES].sort());
    const server = await startTestServer({ operator: { ...DEMO_OPERATOR } });
    try {
      const client = createClient({ api: server.url, storage: memoryStorage() });
      const operator = await client.operator();
      assert.match(String((operator.name as Record<string, string>).id), /^Server demonstrasi Lindungi/);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});

describe('consent that can be proved', () => {
  it("refuses a consent version that is not the pack's current one, naming consent.version", async () => {
    const server = await startTestServer();
    try {
      const response = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'consent-old-01' },
        body: JSON.stringify(draft({ consent: { version: '2025-01-01.1', given: true } })),
      });
      assert.equal(response.status, 400);
      assert.deepEqual((await response.json()).error.issues, [{ path: 'consent.version', message: `not the current consent text (${CONSENT_VERSION})` }]);
      assert.equal(await server.store.count(), 0);
    } finally {
      await server.dispose();
    }
  });

  it('stores the version, who consented and when', async () => {
    const server = await startTestServer();
    try {
      const before = new Date().toISOString();
      const client = createClient({ api: server.url, storage: memoryStorage() });
      const adult = await client.reports.submit(draft());
      const child = await client.reports.submit(draft({ consent: { version: CONSENT_VERSION, given: true, by: 'guardian' } }));
      assert.ok('ticket' in adult && 'ticket' in child);
      const rowOf = async (ticket: string) => (await server.store.rawRow(ticket))!;
      assert.equal((await rowOf(adult.ticket)).consent_version, CONSENT_VERSION);
      assert.equal((await rowOf(adult.ticket)).consent_by, 'reporter');
      assert.equal((await rowOf(child.ticket)).consent_by, 'guardian');
      const at = (await rowOf(child.ticket)).consent_given_at as string;
      assert.ok(at >= before && at <= new Date().toISOString(), at);
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});

describe('withdrawal by the reporter', () => {
  it('withdraws with the key made on the device: contact details gone at once, status withdrawn, no key in events', async () => {
    const server = await startTestServer();
    try {
      const client = createClient({ api: server.url, storage: memoryStorage() });
      const events: OutboxEntry[] = [];
      client.reports.addEventListener('change', (e) => events.push((e as OutboxChangeEvent).entry));
      const sent = await client.reports.submit(named());
      assert.ok('ticket' in sent);
      assert.notEqual((await server.store.rawRow(sent.ticket))!.contact_sealed, null);
      // Only a hash of the key reaches the database.
      const hash = (await server.store.rawRow(sent.ticket))!.withdrawal_key_hash as string;
      assert.match(hash, /^[A-Za-z0-9_-]{43}$/);

      assert.deepEqual(await client.reports.withdraw(sent.ticket.toLowerCase()), { ticket: sent.ticket, status: 'withdrawn' });
      const row = (await server.store.rawRow(sent.ticket))!;
      assert.equal(row.status, 'withdrawn');
      assert.equal(row.contact_sealed, null);
      assert.ok(row.withdrawn_at);
      const status = await client.reports.status(sent.ticket);
      assert.equal(status.status, 'withdrawn');
      assert.deepEqual(
        status.stages.map((s) => [s.id, s.status]),
        [
          ['received', 'done'],
          ['withdrawn', 'ended'],
        ],
      );
      const [entry] = await client.reports.entries();
      assert.equal(entry.state, 'withdrawn');
      assert.deepEqual(
        events.map((e) => e.state),
        ['pending', 'sent', 'withdrawn'],
      );
      for (const e of events)
        assert.deepEqual(
          Object.keys(e).filter((k) => /key/i.test(k)),
          [],
        );
      // A second withdrawal of the same report is not an error, and there is nothing left to withdraw on the device.
      await assert.rejects(client.reports.withdraw(sent.ticket), (e: unknown) => (e as { code?: string }).code === 'not-on-device');
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });

  it('without the key, or with another key, answers 403 and changes nothing', async () => {
    const server = await startTestServer();
    try {
      const client = createClient({ api: server.url, storage: memoryStorage() });
      const sent = await client.reports.submit(named());
      assert.ok('ticket' in sent);
      const before = (await server.store.rawRow(sent.ticket))!;
      for (const headers of [{}, { 'Withdrawal-Key': 'a'.repeat(43) }, { 'Withdrawal-Key': 'not a key!' }] as Record<string, string>[]) {
        const response: Response = await fetch(`${server.url}/v1/reports/${sent.ticket}`, { method: 'DELETE', headers });
        assert.equal(response.status, 403, JSON.stringify(headers));
        assert.equal((await response.json()).error.code, 'forbidden');
      }
      assert.deepEqual(await server.store.rawRow(sent.ticket), before);
      assert.equal((await fetch(`${server.url}/v1/reports/LDG-2222-2222`, { method: 'DELETE', headers: { 'Withdrawal-Key': 'a'.repeat(43) } })).status, 404);
      // A device that did not send the report has no key for it.
      const other = createClient({ api: server.url, storage: memoryStorage() });
      await assert.rejects(other.reports.withdraw(sent.ticket), (e: unknown) => (e as { code?: string }).code === 'not-on-device');
      assert.ok(!server.logs.join('\n').includes('Withdrawal'), 'no key in the logs');
      client.reports.stop();
      other.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});

describe('phone and WhatsApp numbers in one form (E.164), read by their shape', () => {
  it('reads a national number as the one corridor country it is valid in, and guesses nothing else', () => {
    const cases: [string, string | undefined, ReturnType<typeof readPhone>][] = [
      // An Indonesian mobile written as at home: only Indonesia has such a number (not Cambodia, the destination).
      ['0812 3456 7890', undefined, { state: 'valid', e164: '+6281234567890', country: 'ID', national: '0812-3456-7890' }],
      // Cambodian mobiles with a leading 0, 9 and 10 digits.
      ['012 345 678', undefined, { state: 'valid', e164: '+85512345678', country: 'KH', national: '012 345 678' }],
      ['012 345 6789', undefined, { state: 'valid', e164: '+855123456789', country: 'KH', national: '012 345 6789' }],
      ['(097) 123 4567', undefined, { state: 'choose', fits: ['ID', 'KH'] }],
      ['097 123 4567', 'KH', { state: 'valid', e164: '+855971234567', country: 'KH', national: '097 123 4567' }],
      ['+855 12 345 678', undefined, { state: 'valid', e164: '+85512345678', country: 'KH', national: '012 345 678' }],
      ['+62 812-3456-7890', undefined, { state: 'valid', e164: '+6281234567890', country: 'ID', national: '0812-3456-7890' }],
      ['0062 812 3456 7890', undefined, { state: 'valid', e164: '+6281234567890', country: 'ID', national: '0812-3456-7890' }],
      // Too short for either country: not guessed, and not valid in the country chosen.
      ['0812 345', undefined, { state: 'choose', fits: [] }],
      ['0812 345', 'ID', { state: 'invalid', country: 'ID' }],
      ['0812 3456 7890', 'KH', { state: 'invalid', country: 'KH' }],
      ['+62 12', undefined, { state: 'invalid' }],
      ['call me', undefined, { state: 'invalid' }],
      // Outside the corridor the number's own country code is all there is to read.
      ['+60 12 345 6789', undefined, { state: 'valid', e164: '+60123456789', national: '+60123456789' }],
    ];
    for (const [input, country, expected] of cases) assert.deepEqual(readPhone(input, country), expected, `${input} (${country})`);
    assert.equal(toE164('0812 3456 7890'), '+6281234567890');
    assert.equal(toE164('097 123 4567'), undefined);
  });

  it('the SDK and the server apply the same rule: the number is stored as E.164, an unclear one needs its country', async () => {
    const server = await startTestServer();
    try {
      const client = createClient({ api: server.url, storage: memoryStorage() });
      await assert.rejects(
        client.reports.submit(draft({ contact: { anonymous: false, method: 'phone', value: '097 123 4567' } })),
        (e: unknown) => e instanceof LindungiValidationError && e.issues[0].path === 'contact.country',
      );
      await assert.rejects(
        client.reports.submit(draft({ contact: { anonymous: false, method: 'phone', value: '0812 3456 7890', country: 'KH' } })),
        (e: unknown) => e instanceof LindungiValidationError && e.issues[0].path === 'contact.value',
      );
      const sent = await client.reports.submit(draft({ contact: { anonymous: false, method: 'whatsapp', value: '0812 3456 7890' } }));
      assert.ok('ticket' in sent);
      const sealed = (await server.store.rawRow(sent.ticket))!.contact_sealed as string;
      const contact = JSON.parse(open(Buffer.from(TEST_DATA_KEY, 'base64'), sealed));
      assert.equal(contact.value, '+6281234567890');
      // The server refuses what the SDK refuses, for a client that skips the SDK.
      for (const [contact, path] of [
        [{ anonymous: false, method: 'phone', value: '097 123 4567' }, 'contact.country'],
        [{ anonymous: false, method: 'phone', value: '0812 345', country: 'ID' }, 'contact.value'],
      ] as const) {
        const direct = await fetch(`${server.url}/v1/reports`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(draft({ contact })),
        });
        assert.equal(direct.status, 400);
        assert.equal((await direct.json()).error.issues[0].path, path);
      }
      client.reports.stop();
    } finally {
      await server.dispose();
    }
  });
});
