import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runDeskCommand } from '../../build/server/desk-cli.js';
import { draft, readRows, startTestServer, storedText, type TestServer } from '../support/server.js';
import * as v from 'valibot';
import {
  createClient,
  memoryStorage,
  DeskAuditPageSchema,
  DeskOperatorSchema,
  DeskReportPageSchema,
  DeskReportSchema,
  DeskRevealSchema,
  DeskSessionSchema,
  DeskSignedOutSchema,
  DeskStatusAnswerSchema,
} from '../../src/sdk/index.js';

/** The case desk against the real server and its SQLite file; operators made by the shipped command. */
describe('case desk API', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const env = () => server.cliEnv;

  async function addOperator(name: string, role: string): Promise<{ id: string; token: string }> {
    const lines: string[] = [];
    assert.equal(await runDeskCommand(['operator', 'add', '--name', name, '--role', role], { env: env(), print: (l) => lines.push(l) }), 0, lines.join('\n'));
    return { id: lines[0].match(/Operator (op-[\w-]+)/)![1], token: lines[1].match(/: ([\w-]{43})$/)![1] };
  }

  const desk = (path: string, token?: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json', ...init.headers },
    });

  async function submit(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(draft(overrides)),
    });
    assert.equal(response.status, 201);
    return (await response.json()).ticket;
  }

  before(async () => {
    server = await startTestServer({ deskFailuresPerMinute: 1000 });
    for (const role of ['viewer', 'handler', 'admin']) {
      const made = await addOperator(`Test ${role}`, role);
      tokens[role] = made.token;
      ids[role] = made.id;
    }
  });
  after(() => server.dispose());

  it('answers each role on each endpoint: 401 without a valid token, 403 below the role, 200 at or above it', async () => {
    const ticket = await submit({ contact: { anonymous: false, method: 'email', value: 'rina@example.org' } });
    const revoked = await addOperator('Gone', 'admin');
    assert.equal(await runDeskCommand(['operator', 'revoke', revoked.id], { env: env(), print: () => undefined }), 0);
    const endpoints: Array<[string, string, RequestInit, string]> = [
      ['list', '/v1/desk/reports', {}, 'viewer'],
      ['read', `/v1/desk/reports/${ticket}`, {}, 'viewer'],
      ['reveal', `/v1/desk/reports/${ticket}/reveal`, { method: 'POST' }, 'handler'],
      ['audit', '/v1/desk/audit', {}, 'admin'],
      ['export', '/v1/desk/export', {}, 'admin'],
      // An empty change: past the role check it is refused as invalid (400), so nothing changes.
      ['status', `/v1/desk/reports/${ticket}/status`, { method: 'POST', body: '{}' }, 'handler'],
    ];
    const who: Array<[string, string | undefined]> = [
      ['no token', undefined],
      ['bad token', 'x'.repeat(43)],
      ['revoked', revoked.token],
      ['viewer', tokens.viewer],
      ['handler', tokens.handler],
      ['admin', tokens.admin],
    ];
    const table: string[] = [];
    for (const [name, path, init, needed] of endpoints) {
      for (const [label, token] of who) {
        const response = await desk(path, token, init);
        const allowed = ['viewer', 'handler', 'admin'].indexOf(label) >= ['viewer', 'handler', 'admin'].indexOf(needed);
        const expected = !token || label === 'bad token' || label === 'revoked' ? 401 : !allowed ? 403 : name === 'status' ? 400 : 200;
        table.push(`${name} ${label}: ${response.status}`);
        assert.equal(response.status, expected, `${name} as ${label}`);
        if (response.status >= 400)
          assert.match((await response.json()).error.code, expected === 401 ? /^unauthorized$/ : expected === 400 ? /^invalid$/ : /^forbidden$/);
        else await response.arrayBuffer();
      }
    }
    // No token ever reaches a log line.
    for (const token of Object.values(tokens)) assert.ok(!server.logs.some((line) => line.includes(token)));
  });

  it('answers every desk endpoint in the shape of the shared schema the desk page and the OpenAPI document use', async () => {
    const ticket = await submit({ contact: { anonymous: false, name: 'Rina', method: 'whatsapp', value: '+6281299887766' } });
    /** Parses an answer with its schema: a field the server adds, drops or retypes fails here, by path. */
    const shaped = async <S extends v.GenericSchema>(schema: S, response: Response) => {
      assert.equal(response.status, 200, await response.clone().text());
      const parsed = v.safeParse(schema, await response.json());
      assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(v.flatten(parsed.issues)));
      return parsed.output as v.InferOutput<S>;
    };
    const strict = <S extends v.ObjectSchema<v.ObjectEntries, undefined>>(schema: S): v.StrictObjectSchema<S['entries'], undefined> =>
      v.strictObject(schema.entries);
    const session = await shaped(
      DeskSessionSchema,
      await desk('/v1/desk/session', undefined, { method: 'POST', headers: { Origin: server.url }, body: JSON.stringify({ token: tokens.handler }) }),
    );
    assert.equal(session.operator.role, 'handler');
    assert.equal((await shaped(strict(DeskOperatorSchema), await desk('/v1/desk/me', tokens.viewer))).role, 'viewer');
    const page = await shaped(strict(DeskReportPageSchema), await desk('/v1/desk/reports?limit=100', tokens.viewer));
    const listed = page.reports.find((r) => r.ticket === ticket);
    assert.ok(listed && v.is(strict(DeskReportPageSchema.entries.reports.item), listed), 'a listed report has only the summary fields');
    const report = await shaped(strict(DeskReportSchema), await desk(`/v1/desk/reports/${ticket}`, tokens.viewer));
    assert.equal(report.stages[0]?.stage, 'received');
    assert.equal(
      (await shaped(strict(DeskRevealSchema), await desk(`/v1/desk/reports/${ticket}/reveal`, tokens.handler, { method: 'POST' }))).contact?.name,
      'Rina',
    );
    const moved = await shaped(
      strict(DeskStatusAnswerSchema),
      await desk(`/v1/desk/reports/${ticket}/status`, tokens.handler, { method: 'POST', body: JSON.stringify({ status: 'verified' }) }),
    );
    assert.equal(moved.status, 'verified');
    const audit = await shaped(strict(DeskAuditPageSchema), await desk('/v1/desk/audit?limit=5', tokens.admin));
    assert.equal(audit.entries.length, 5);
    const exported = (await (await desk('/v1/desk/export', tokens.admin)).text()).trim().split('\n');
    for (const line of exported) assert.ok(v.is(strict(DeskReportSchema), JSON.parse(line)), line.slice(0, 80));
    const signedOut = await desk('/v1/desk/session', undefined, { method: 'DELETE', headers: { Origin: server.url } });
    await shaped(DeskSignedOutSchema, signedOut);
  });

  it('revocation takes effect on the next request', async () => {
    const sari = await addOperator('Sari', 'handler');
    assert.equal((await desk('/v1/desk/reports', sari.token)).status, 200);
    await runDeskCommand(['operator', 'revoke', sari.id], { env: env(), print: () => undefined });
    assert.equal((await desk('/v1/desk/reports', sari.token)).status, 401);
  });

  it('moves a report along its stages; the worker sees each date and public note, nothing personal, and the internal note is sealed at rest', async () => {
    const ticket = await submit({ description: 'Held in a compound in Bavet', inDanger: true });
    const move = (body: object, token = tokens.handler) => desk(`/v1/desk/reports/${ticket}/status`, token, { method: 'POST', body: JSON.stringify(body) });
    assert.equal((await move({ status: 'verified', publicNote: 'We have checked your report.' }, tokens.viewer)).status, 403);
    assert.equal(
      (await move({ status: 'verified', publicNote: 'We have checked your report.', internalNote: 'Caller confirmed: Bavet, building C' })).status,
      200,
    );
    assert.equal((await move({ status: 'in-handling', publicNote: 'The embassy has your case.' })).status, 200);
    assert.equal((await move({ status: 'verified' })).status, 409, 'a status moves forward only');
    assert.equal((await move({ status: 'closed' })).status, 400, 'closing needs a reason');

    const status = await (await fetch(`${server.url}/v1/reports/${ticket}`)).json();
    assert.equal(status.status, 'in-handling');
    assert.deepEqual(
      status.stages.map((s: { id: string; status: string; note?: string; date?: string }) => [s.id, s.status, s.note ?? null, !!s.date]),
      [
        ['received', 'done', null, true],
        ['verified', 'done', 'We have checked your report.', true],
        ['in-handling', 'current', 'The embassy has your case.', true],
        ['resolved', 'upcoming', null, false],
      ],
    );
    assert.deepEqual(status.latestNote, { text: 'The embassy has your case.', at: status.stages[2].date, stage: 'in-handling', by: 'Test operator' });
    const text = JSON.stringify(status);
    for (const secret of ['Bavet', 'building C', 'compound']) assert.ok(!text.includes(secret), `the worker's status shows ${secret}`);

    // The desk reads the internal note back; the database file and its WAL never hold it in plain text.
    const read = await (await desk(`/v1/desk/reports/${ticket}`, tokens.viewer)).json();
    assert.equal(read.description, 'Held in a compound in Bavet');
    assert.equal(read.stages.find((s: { stage: string }) => s.stage === 'verified').internalNote, 'Caller confirmed: Bavet, building C');
    for (const [where, text] of await storedText(server)) assert.ok(!text.includes('building C'), `${where} holds the internal note`);

    assert.equal((await move({ status: 'closed', reason: 'Person is safe and back home', publicNote: 'You are home; we closed the case.' })).status, 200);
    const closed = await (await fetch(`${server.url}/v1/reports/${ticket}`)).json();
    assert.equal(closed.status, 'closed');
    assert.deepEqual(
      closed.stages.map((s: { id: string; status: string; note?: string }) => [s.id, s.status, s.note ?? null]),
      [
        ['received', 'done', null],
        ['verified', 'done', 'We have checked your report.'],
        ['in-handling', 'done', 'The embassy has your case.'],
        ['closed', 'ended', 'You are home; we closed the case.'],
      ],
    );
    assert.equal(closed.latestNote.text, 'You are home; we closed the case.');
    assert.equal((await move({ status: 'resolved' })).status, 409, 'a closed report no longer changes');
  });

  it('tells the worker every status truthfully: the stage that matches the status is current, none after it done, a closed or withdrawn report ends on its own final state', async () => {
    const move = (ticket: string, body: object) => desk(`/v1/desk/reports/${ticket}/status`, tokens.handler, { method: 'POST', body: JSON.stringify(body) });
    const read = async (ticket: string) =>
      (await (await fetch(`${server.url}/v1/reports/${ticket}`)).json()) as { status: string; stages: { id: string; status: string; date?: string }[] };
    const shape = (s: Awaited<ReturnType<typeof read>>) => s.stages.map((stage) => `${stage.id}:${stage.status}${stage.date ? '@' : ''}`).join(' ');
    const ticket = await submit();
    const seen: Record<string, string> = { received: shape(await read(ticket)) };
    for (const next of ['verified', 'in-handling', 'resolved']) {
      assert.equal((await move(ticket, { status: next })).status, 200);
      seen[next] = shape(await read(ticket));
    }
    const closedEarly = await submit();
    assert.equal((await move(closedEarly, { status: 'verified' })).status, 200);
    assert.equal((await move(closedEarly, { status: 'closed', reason: 'duplicate', publicNote: 'We already have this report.' })).status, 200);
    seen.closed = shape(await read(closedEarly));
    const withdrawn = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'Withdrawal-Key': 'k'.repeat(43) },
      body: JSON.stringify(draft()),
    });
    const withdrawnTicket = (await withdrawn.json()).ticket;
    assert.equal((await move(withdrawnTicket, { status: 'verified' })).status, 200);
    assert.equal((await fetch(`${server.url}/v1/reports/${withdrawnTicket}`, { method: 'DELETE', headers: { 'Withdrawal-Key': 'k'.repeat(43) } })).status, 200);
    seen.withdrawn = shape(await read(withdrawnTicket));
    // The SDK reads each of these answers, validated against the one schema.
    const client = createClient({ api: server.url, storage: memoryStorage() });
    const fresh = await client.reports.status(await submit());
    assert.deepEqual(
      fresh.stages.map((stage) => stage.status),
      ['current', 'upcoming', 'upcoming', 'upcoming'],
    );
    assert.deepEqual(
      (await client.reports.status(ticket)).stages.map((stage) => stage.status),
      ['done', 'done', 'done', 'done'],
    );
    const sdkClosed = await client.reports.status(closedEarly);
    assert.deepEqual(sdkClosed.stages.at(-1), { id: 'closed', status: 'ended', date: sdkClosed.stages.at(-1)!.date, note: 'We already have this report.' });
    assert.deepEqual(sdkClosed.latestNote, { text: 'We already have this report.', at: sdkClosed.stages.at(-1)!.date, stage: 'closed', by: 'Test operator' });
    assert.deepEqual(
      (await client.reports.status(withdrawnTicket)).stages.map((stage) => `${stage.id}:${stage.status}`),
      ['received:done', 'verified:done', 'withdrawn:ended'],
    );
    client.reports.stop();
    assert.deepEqual(seen, {
      received: 'received:current@ verified:upcoming in-handling:upcoming resolved:upcoming',
      verified: 'received:done@ verified:current@ in-handling:upcoming resolved:upcoming',
      'in-handling': 'received:done@ verified:done@ in-handling:current@ resolved:upcoming',
      resolved: 'received:done@ verified:done@ in-handling:done@ resolved:done@',
      closed: 'received:done@ verified:done@ closed:ended@',
      withdrawn: 'received:done@ verified:done@ withdrawn:ended@',
    });
  });

  it('reveals contact details only on request, one audit entry per reveal, and the audit log holds no value', async () => {
    const ticket = await submit({ contact: { anonymous: false, name: 'Rina', method: 'whatsapp', value: '+6281299887766' } });
    const read = await (await desk(`/v1/desk/reports/${ticket}`, tokens.viewer)).json();
    assert.ok(!JSON.stringify(read).includes('6281299887766'), 'reading a report shows no contact details');
    const before = (await (await desk('/v1/desk/audit?limit=1000', tokens.admin)).json()).entries.length;
    for (let i = 0; i < 2; i++) {
      const revealed = await (await desk(`/v1/desk/reports/${ticket}/reveal`, tokens.handler, { method: 'POST' })).json();
      assert.deepEqual(revealed.contact, { method: 'whatsapp', value: '+6281299887766', name: 'Rina' });
    }
    const entries = (await (await desk('/v1/desk/audit?limit=1000', tokens.admin)).json()).entries as Array<{
      action: string;
      ticket: string;
      operatorId: string;
      detail: unknown;
    }>;
    // Between the two reads of the log (each on the log itself): exactly the two reveals.
    const added = entries.slice(before).filter((e) => e.action !== 'audit-read');
    assert.deepEqual(
      added.map((e) => [e.action, e.ticket, e.operatorId, e.detail]),
      [
        ['reveal', ticket, ids.handler, { fields: ['method', 'name', 'value'] }],
        ['reveal', ticket, ids.handler, { fields: ['method', 'name', 'value'] }],
      ],
    );
    assert.ok(entries.some((e) => e.action === 'read' && e.ticket === ticket && e.operatorId === ids.viewer));
    assert.ok(entries.some((e) => e.action === 'operator-add'));
    assert.ok(!JSON.stringify(entries).includes('6281299887766'));
    // The whole log as JSON Lines, for an auditor: the same entries, in order.
    const jsonl = await desk('/v1/desk/audit?format=jsonl', tokens.admin);
    assert.match(jsonl.headers.get('Content-Type')!, /^application\/x-ndjson/);
    const lines = (await jsonl.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      lines.slice(0, entries.length).map((e) => e.seq),
      entries.map((e) => (e as unknown as { seq: number }).seq),
    );
    assert.ok(lines.every((e, i) => i === 0 || e.seq > lines[i - 1].seq));
  });

  it('a withdrawal stops processing: the desk shows the report withdrawn with nothing personal left, on disk too', async () => {
    const key = 'k'.repeat(43);
    const response = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'Withdrawal-Key': key },
      body: JSON.stringify(
        draft({
          description: 'Withdrawn words',
          location: { country: 'KH', place: 'Withdrawn place' },
          employerOrAgency: 'Withdrawn agency',
          contact: { anonymous: false, method: 'email', value: 'withdrawn@example.org' },
        }),
      ),
    });
    const { ticket } = await response.json();
    await desk(`/v1/desk/reports/${ticket}/status`, tokens.handler, {
      method: 'POST',
      body: JSON.stringify({ status: 'verified', internalNote: 'Withdrawn note' }),
    });
    const sealed = [(await server.store.rawRow(ticket))!.description, (await server.store.rawRow(ticket))!.contact_sealed] as string[];
    assert.equal((await fetch(`${server.url}/v1/reports/${ticket}`, { method: 'DELETE', headers: { 'Withdrawal-Key': key } })).status, 200);

    const read = await (await desk(`/v1/desk/reports/${ticket}`, tokens.viewer)).json();
    assert.equal(read.status, 'withdrawn');
    assert.equal(read.description, null);
    assert.equal(read.locationPlace, null);
    assert.equal(read.employerOrAgency, null);
    assert.equal(read.stages.find((s: { stage: string }) => s.stage === 'verified').internalNote, null);
    assert.equal((await (await desk(`/v1/desk/reports/${ticket}/reveal`, tokens.handler, { method: 'POST' })).json()).contact, null);
    for (const [where, text] of await storedText(server)) {
      for (const secret of ['Withdrawn words', 'Withdrawn place', 'Withdrawn agency', 'withdrawn@example.org', 'Withdrawn note', ...sealed]) {
        assert.ok(!text.includes(secret), `${where} still holds ${secret.slice(0, 20)}`);
      }
    }
    const audit = (await (await desk('/v1/desk/audit?limit=1000', tokens.admin)).json()).entries as Array<{ action: string; ticket: string }>;
    assert.ok(audit.some((e) => e.action === 'withdraw' && e.ticket === ticket));
    assert.equal(
      (await desk(`/v1/desk/reports/${ticket}/status`, tokens.handler, { method: 'POST', body: JSON.stringify({ status: 'in-handling' }) })).status,
      409,
    );
  });

  it('exports every report as JSON Lines for admins, contact details only with the flag, each export audited', async () => {
    const ticket = await submit({ description: 'For the partner system', contact: { anonymous: false, method: 'email', value: 'export@example.org' } });
    assert.equal((await desk('/v1/desk/export', tokens.handler)).status, 403);
    const plain = await desk('/v1/desk/export', tokens.admin);
    assert.match(plain.headers.get('Content-Type')!, /^application\/x-ndjson/);
    const rows = (await plain.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(rows.length, await server.store.count());
    const row = rows.find((r) => r.ticket === ticket);
    assert.equal(row.description, 'For the partner system');
    assert.ok(!('contact' in row));
    const withContact = (await (await desk('/v1/desk/export?contact=true', tokens.admin)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(withContact.find((r) => r.ticket === ticket).contact, { method: 'email', value: 'export@example.org' });
    const audit = (await (await desk('/v1/desk/audit?limit=1000', tokens.admin)).json()).entries as Array<{
      action: string;
      detail: { contact: boolean; tickets: string[] };
    }>;
    const exports = audit.filter((e) => e.action === 'export').slice(-2);
    assert.deepEqual(
      exports.map((e) => e.detail.contact),
      [false, true],
    );
    // Each export names every report it carried.
    for (const e of exports) assert.deepEqual([...e.detail.tickets].sort(), rows.map((r) => r.ticket).sort());
  });

  it('lists newest first with a cursor, filters, and in-danger reports first on request; no free text or contact in the list', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await submit({ category: 'detention', inDanger: i === 1, description: `List ${i}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await (await desk(`/v1/desk/reports?category=detention&limit=2${cursor ? `&cursor=${cursor}` : ''}`, tokens.viewer)).json();
      assert.ok(page.reports.length <= 2);
      seen.push(...page.reports.map((r: { ticket: string }) => r.ticket));
      assert.ok(!JSON.stringify(page).includes('List '), 'no description in the list');
      cursor = page.next;
    } while (cursor);
    assert.deepEqual(seen, [...made].reverse());
    const danger = await (await desk('/v1/desk/reports?category=detention&dangerFirst=true&limit=1', tokens.viewer)).json();
    assert.equal(danger.reports[0].ticket, made[1]);
    assert.equal(danger.reports[0].inDanger, true);
    const second = await (await desk(`/v1/desk/reports?category=detention&dangerFirst=true&limit=10&cursor=${danger.next}`, tokens.viewer)).json();
    assert.deepEqual(
      second.reports.map((r: { ticket: string }) => r.ticket),
      [made[4], made[3], made[2], made[0]],
    );
    const onlyDanger = await (await desk('/v1/desk/reports?category=detention&inDanger=true', tokens.viewer)).json();
    assert.deepEqual(
      onlyDanger.reports.map((r: { ticket: string }) => r.ticket),
      [made[1]],
    );
  });

  it('answers 400 and nothing else to SQL injection and oversized values in every filter', async () => {
    const count = await server.store.count();
    const bad = ["' OR 1=1 --", 'x'.repeat(5000), '"; DROP TABLE reports; --', '%00'];
    for (const filter of ['status', 'category', 'inDanger', 'corridor', 'from', 'to', 'dangerFirst', 'cursor', 'limit', 'unknownFilter']) {
      for (const value of bad) {
        const response = await desk(`/v1/desk/reports?${filter}=${encodeURIComponent(value)}`, tokens.viewer);
        assert.equal(response.status, 400, `${filter}=${value.slice(0, 20)}`);
        const body = await response.json();
        assert.equal(body.error.code, 'invalid');
        assert.ok(body.error.issues.length > 0);
      }
    }
    assert.equal(await server.store.count(), count);
  });

  it('seals notes to the reporter and close reasons at rest, and erases them at withdrawal and purge: the reporter then sees the withdrawn state, not the note', async () => {
    const key = 'n'.repeat(43);
    const response = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'Withdrawal-Key': key },
      body: JSON.stringify(draft()),
    });
    const withdrawn = (await response.json()).ticket as string;
    const move = (ticket: string, body: object) => desk(`/v1/desk/reports/${ticket}/status`, tokens.handler, { method: 'POST', body: JSON.stringify(body) });
    assert.equal(
      (await move(withdrawn, { status: 'verified', publicNote: 'We will call you on +62 812 5555 0101 at the shelter on Jalan Mawar' })).status,
      200,
    );
    const closed = await submit();
    assert.equal(
      (await move(closed, { status: 'closed', reason: 'Moved to the safe house on Jalan Kenanga', publicNote: 'Ask for Bu Ratna at Jalan Kenanga' })).status,
      200,
    );
    // On disk (every table, and the WAL): ciphertext only. Read back: the texts as written.
    for (const [where, text] of await storedText(server)) {
      for (const secret of ['Jalan Mawar', '5555 0101', 'Jalan Kenanga', 'Bu Ratna'])
        assert.ok(!text.includes(secret), `${where} holds "${secret}" in plain text`);
    }
    const status = await (await fetch(`${server.url}/v1/reports/${withdrawn}`)).json();
    assert.equal(status.latestNote.text, 'We will call you on +62 812 5555 0101 at the shelter on Jalan Mawar');
    const read = await (await desk(`/v1/desk/reports/${closed}`, tokens.viewer)).json();
    assert.equal(read.closedReason, 'Moved to the safe house on Jalan Kenanga');
    assert.equal(read.stages.at(-1).publicNote, 'Ask for Bu Ratna at Jalan Kenanga');

    // Withdrawn: the note is gone from the store and from the public answer.
    assert.equal((await fetch(`${server.url}/v1/reports/${withdrawn}`, { method: 'DELETE', headers: { 'Withdrawal-Key': key } })).status, 200);
    const after = await (await fetch(`${server.url}/v1/reports/${withdrawn}`)).json();
    assert.equal(after.latestNote, undefined);
    assert.ok(after.stages.every((stage: { note?: string }) => stage.note === undefined));
    assert.equal(after.stages.at(-1).id, 'withdrawn');
    assert.deepEqual(
      (await server.store.stages(withdrawn)).map((stage) => stage.publicNote),
      [null, null],
    );
  });

  it('the retention purge erases notes to the reporter and close reasons too', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const clocked = await startTestServer({ now: () => now, deskFailuresPerMinute: 1000 });
    try {
      const lines: string[] = [];
      await runDeskCommand(['operator', 'add', '--name', 'H', '--role', 'handler'], { env: clocked.cliEnv, print: (l) => lines.push(l) });
      const token = lines[1].match(/: ([\w-]{43})$/)![1];
      const ticket = (
        await (
          await fetch(`${clocked.url}/v1/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
            body: JSON.stringify(draft()),
          })
        ).json()
      ).ticket as string;
      const change = await fetch(`${clocked.url}/v1/desk/reports/${ticket}/status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'closed', reason: 'Sent to Jalan Melati', publicNote: 'Call +62 812 7777 1234' }),
      });
      assert.equal(change.status, 200);
      now = new Date('2026-07-01T00:00:00Z');
      assert.deepEqual(await clocked.purge(), [ticket]);
      assert.equal((await clocked.store.rawRow(ticket))!.closed_reason, null);
      assert.deepEqual(
        (await clocked.store.stages(ticket)).map((stage) => stage.publicNote),
        [null, null],
      );
      const status = await (await fetch(`${clocked.url}/v1/reports/${ticket}`)).json();
      assert.equal(status.latestNote, undefined);
      assert.equal(status.stages.at(-1).id, 'closed');
    } finally {
      await clocked.dispose();
    }
  });

  it('purges personal data and free texts the retention period after a report ends, and not before (injected clock)', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const clocked = await startTestServer({ now: () => now, deskFailuresPerMinute: 1000 }); // TEST_OPERATOR: 180 days
    try {
      const lines: string[] = [];
      const env = clocked.cliEnv;
      await runDeskCommand(['operator', 'add', '--name', 'H', '--role', 'handler'], { env, print: (l) => lines.push(l) });
      const token = lines[1].match(/: ([\w-]{43})$/)![1];
      const post = async (description: string) =>
        (
          await (
            await fetch(`${clocked.url}/v1/reports`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
              body: JSON.stringify(
                draft({ description, contact: { anonymous: false, method: 'email', value: `${description.replace(/ /g, '')}@example.org` } }),
              ),
            })
          ).json()
        ).ticket as string;
      const ended = await post('Ended long ago');
      const open = await post('Still open');
      const resolve = (ticket: string) =>
        fetch(`${clocked.url}/v1/desk/reports/${ticket}/status`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
          body: JSON.stringify({ status: 'resolved', publicNote: 'Done' }),
        });
      assert.equal((await resolve(ended)).status, 200);
      now = new Date('2026-06-29T00:00:00Z'); // 179 days later
      assert.deepEqual(await clocked.purge(), []);
      now = new Date('2026-07-01T00:00:00Z'); // 181 days later
      assert.deepEqual(await clocked.purge(), [ended]);
      const row = (await clocked.store.rawRow(ended))!;
      assert.equal(row.contact_sealed, null);
      assert.equal(row.description, '');
      assert.equal(row.purged_at, now.toISOString());
      assert.notEqual((await clocked.store.rawRow(open))!.contact_sealed, null, 'a report still open keeps its data');
      // The worker's status stays readable; the purge is on the audit log.
      assert.equal((await (await fetch(`${clocked.url}/v1/reports/${ended}`)).json()).status, 'resolved');
      assert.deepEqual(await clocked.purge(), [], 'purged once');
      assert.ok(clocked.logs.includes('retention: personal data of 1 report(s) purged after 180 days'));
      // The same purge by command (the real clock: nothing more has ended long enough ago).
      const said: string[] = [];
      assert.equal(await runDeskCommand(['purge'], { env, print: (l) => said.push(l) }), 0);
      assert.match(said[0], /^Purged the personal data of \d+ report\(s\) ended more than 180 days ago\.$/);
    } finally {
      await clocked.dispose();
    }
  });

  it('exchanges a token for an HttpOnly, SameSite=Strict session cookie that lasts 8 hours and ends on sign-out', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const clocked = await startTestServer({ now: () => now, deskFailuresPerMinute: 1000, trustProxy: 1 });
    try {
      const env = clocked.cliEnv;
      const lines: string[] = [];
      await runDeskCommand(['operator', 'add', '--name', 'Dewi', '--role', 'viewer'], { env, print: (l) => lines.push(l) });
      const token = lines[1].match(/: ([\w-]{43})$/)![1];
      // As the desk page sends them: JSON, from its own origin.
      const signIn = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${clocked.url}/v1/desk/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: clocked.url, ...headers },
          body: JSON.stringify(body),
        });
      assert.equal((await signIn({ token: 'n'.repeat(43) })).status, 401);
      const signedIn = await signIn({ token });
      assert.equal(signedIn.status, 200);
      assert.deepEqual((await signedIn.json()).operator.name, 'Dewi');
      const cookie = signedIn.headers.get('Set-Cookie')!;
      assert.match(cookie, /^lindungi_desk=[\w-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/);
      // Over HTTPS (through the trusted proxy): a __Host- cookie, Secure, for this host only.
      const httpsOrigin = `https://${new URL(clocked.url).host}`;
      assert.match(
        (await signIn({ token }, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.9', Origin: httpsOrigin })).headers.get('Set-Cookie')!,
        /^__Host-lindungi_desk=[\w-]{43}; Max-Age=28800; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
      const session = cookie.split(';')[0];
      const me = () => fetch(`${clocked.url}/v1/desk/me`, { headers: { Cookie: session } });
      assert.equal((await me()).status, 200);
      assert.equal((await fetch(`${clocked.url}/v1/desk/reports`, { headers: { Cookie: session } })).status, 200);
      // In use every 20 minutes: valid until 8 hours after sign-in, not a minute longer.
      for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
        now = new Date(Date.parse('2026-03-01T08:00:00Z') + minutes * 60_000);
        assert.equal((await me()).status, 200, `still valid after ${minutes} minutes in use`);
      }
      now = new Date('2026-03-01T15:59:00Z');
      assert.equal((await me()).status, 200, 'still valid before 8 hours');
      now = new Date('2026-03-01T16:01:00Z');
      assert.equal((await me()).status, 401, 'expired after 8 hours');
      // Left alone for more than 30 minutes, a session ends too; the next retention pass deletes it.
      now = new Date('2026-03-01T18:00:00Z');
      const idle = (await signIn({ token })).headers.get('Set-Cookie')!.split(';')[0];
      const idleMe = () => fetch(`${clocked.url}/v1/desk/me`, { headers: { Cookie: idle } });
      now = new Date('2026-03-01T18:29:00Z');
      assert.equal((await idleMe()).status, 200, 'used again within 30 minutes');
      now = new Date('2026-03-01T19:00:00Z');
      assert.equal((await idleMe()).status, 401, 'idle for 31 minutes');
      const sessionsBefore = (await readRows(clocked, 'SELECT COUNT(*) AS n FROM desk_sessions'))[0].n;
      await clocked.purge();
      const sessionsAfter = (await readRows(clocked, 'SELECT COUNT(*) AS n FROM desk_sessions'))[0].n;
      assert.ok(Number(sessionsBefore) > 0);
      assert.equal(Number(sessionsAfter), 0, 'ended sessions are deleted, not only refused');

      now = new Date('2026-03-02T08:00:00Z');
      const again = (await signIn({ token })).headers.get('Set-Cookie')!.split(';')[0];
      assert.equal((await fetch(`${clocked.url}/v1/desk/me`, { headers: { Cookie: again } })).status, 200);
      const out = await fetch(`${clocked.url}/v1/desk/session`, {
        method: 'DELETE',
        headers: { Cookie: again, 'Content-Type': 'application/json', Origin: clocked.url },
      });
      assert.match(out.headers.get('Set-Cookie')!, /^lindungi_desk=; Max-Age=0/);
      assert.equal((await fetch(`${clocked.url}/v1/desk/me`, { headers: { Cookie: again } })).status, 401, 'signed out');
      assert.ok(!clocked.logs.some((l) => l.includes(token) || l.includes(again.split('=')[1])));
    } finally {
      await clocked.dispose();
    }
  });

  it('limits failed sign-in attempts per address (10 a minute by default)', async () => {
    const strict = await startTestServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await fetch(`${strict.url}/v1/desk/reports`, { headers: { Authorization: `Bearer ${'y'.repeat(43)}` } })).status);
      assert.deepEqual(statuses, [...Array(10).fill(401), 429, 429]);
    } finally {
      await strict.dispose();
    }
  });

  it('puts every sign-in on the audit log: successes with the operator, failures, and each lockout once, with a hashed address; reading the log too', async () => {
    const strict = await startTestServer({ trustProxy: 1 });
    try {
      const lines: string[] = [];
      await runDeskCommand(['operator', 'add', '--name', 'Rina', '--role', 'admin'], { env: strict.cliEnv, print: (l) => lines.push(l) });
      const id = lines[0].match(/Operator (op-[\w-]+)/)![1];
      const good = lines[1].match(/: ([\w-]{43})$/)![1];
      const from = (address: string, token: string) =>
        fetch(`${strict.url}/v1/desk/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: strict.url, 'X-Forwarded-For': address },
          body: JSON.stringify({ token }),
        });
      // The sign-in page asking who is signed in, with no credential: not a failed sign-in, not counted.
      for (let i = 0; i < 12; i++) assert.equal((await fetch(`${strict.url}/v1/desk/me`, { headers: { 'X-Forwarded-For': '198.51.100.7' } })).status, 401);
      assert.equal((await from('198.51.100.7', good)).status, 200);
      for (let i = 0; i < 12; i++) await from('203.0.113.50', 'z'.repeat(43));
      const log = (await strict.store.listAudit({ limit: 1000 })).filter((e) => e.action === 'sign-in');
      const seen = log.map((e) => ({ operatorId: e.operatorId, ...JSON.parse(e.detail!) }));
      assert.deepEqual(
        seen.map((e) => `${e.outcome}:${e.via}:${e.operatorId ?? '-'}`),
        ['success:session:' + id, ...Array(10).fill('failure:session:-'), 'locked:session:-'],
      );
      // The address is kept as a keyed hash: the same address gives the same value, and no address is stored.
      assert.equal(new Set(seen.slice(1).map((e) => e.address)).size, 1);
      assert.notEqual(seen[0].address, seen[1].address);
      const text = JSON.stringify(await strict.store.listAudit({ limit: 1000 }));
      for (const address of ['198.51.100.7', '203.0.113.50']) assert.ok(!text.includes(address), `the log holds ${address}`);
      // Reading the log is on the log.
      assert.equal((await fetch(`${strict.url}/v1/desk/audit`, { headers: { Authorization: `Bearer ${good}` } })).status, 200);
      const last = (await strict.store.listAudit({ limit: 1000 })).at(-1)!;
      assert.deepEqual([last.action, last.operatorId], ['audit-read', id]);
    } finally {
      await strict.dispose();
    }
  });
});

describe('the desk contract shared by the server and the desk page', () => {
  it('moves a report forward only, closes it from any open stage, and never changes a final one', async () => {
    const { nextStatuses, FINAL_STATUSES } = await import('../../src/sdk/desk-schema.js');
    assert.deepEqual(nextStatuses('received'), ['verified', 'in-handling', 'resolved', 'closed']);
    assert.deepEqual(nextStatuses('verified'), ['in-handling', 'resolved', 'closed']);
    assert.deepEqual(nextStatuses('in-handling'), ['resolved', 'closed']);
    for (const status of FINAL_STATUSES) assert.deepEqual(nextStatuses(status), [], status);
    assert.deepEqual(nextStatuses('not-a-status'), []);
  });
});
