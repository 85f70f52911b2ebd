/**
 * Clients that put the report form in each of its states: an example API answered in memory
 * (example data, nothing is sent anywhere) and a device store holding a draft, a queued report or
 * a sent one, as the form itself leaves them.
 */
import { createClient, memoryStorage, shippedPackUrl, type KeyValueStorage, type LindungiClient, type Operator } from '../src/sdk/index.js';

export const EXAMPLE_OPERATOR: Operator = {
  name: 'Example Migrant Workers Help Desk',
  contact: 'help@example.org',
  privacyUrl: 'https://example.org/privacy',
  retentionDays: 180,
  dataLocation: 'ID',
  demonstration: false,
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

interface ExampleApi {
  /** The operator the API names; without one it answers 404 (reporting not set up). */
  operator?: Operator | null | undefined;
  /** Every report POST fails as if the device were offline. */
  offline?: boolean | undefined;
  /** Every report POST is refused for good (400), as a server that will not take it answers. */
  refuse?: boolean | undefined;
  /** Status of the example report. */
  status?: 'received' | 'withdrawn' | undefined;
}

/** An API answered in memory: content is the shipped pack, reports get an example ticket. */
export function exampleFetch(api: ExampleApi = {}): typeof fetch {
  let withdrawn = api.status === 'withdrawn';
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const method = init?.method ?? 'GET';
    if (url.pathname.startsWith('/v1/content/')) return fetch(shippedPackUrl('ID-KH'));
    if (url.pathname === '/v1/operator')
      return api.operator === null ? json({ error: { code: 'not_found', message: 'No operator' } }, 404) : json(api.operator ?? EXAMPLE_OPERATOR);
    if (url.pathname === '/v1/reports' && method === 'POST') {
      if (api.offline) throw new TypeError('Failed to fetch');
      if (api.refuse)
        return json({ error: { code: 'invalid', message: 'The report is not valid', issues: [{ path: 'corridor', message: 'Unknown corridor' }] } }, 400);
      return json({ ticket: 'LDG-7K4M-Q9TX', status: 'received' }, 201);
    }
    if (url.pathname.startsWith('/v1/reports/') && method === 'DELETE') {
      withdrawn = true;
      return json({ ticket: 'LDG-7K4M-Q9TX', status: 'withdrawn' });
    }
    if (url.pathname.startsWith('/v1/reports/')) {
      // As the reference server answers: received is in progress; withdrawn ends on its own final state.
      return json({
        ticket: 'LDG-7K4M-Q9TX',
        status: withdrawn ? 'withdrawn' : 'received',
        stages: withdrawn
          ? [
              { id: 'received', status: 'done', date: '2026-11-20T08:00:00Z' },
              { id: 'withdrawn', status: 'ended', date: '2026-11-21T09:30:00Z' },
            ]
          : [
              { id: 'received', status: 'current', date: '2026-11-20T08:00:00Z' },
              { id: 'verified', status: 'upcoming' },
              { id: 'in-handling', status: 'upcoming' },
              { id: 'resolved', status: 'upcoming' },
            ],
        updated: '2026-11-21T09:30:00Z',
      });
    }
    return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
  };
}

/** Example answers, as the form keeps them. */
export const exampleAnswers = {
  inDanger: 'no',
  category: 'document-retention',
  description: 'The agency kept my passport when I arrived and says I must pay to get it back.',
  occurredOn: '2026-10-01',
  occurredUnknown: false,
  country: 'KH',
  place: 'Sihanoukville',
  employer: 'Example Agency',
  contact: 'whatsapp',
  name: 'Sari',
  contactValue: '+62 812 3456 7890',
  contactCountry: '',
  consent: false,
};

/** A device store holding `entries` (key → value), as the SDK writes them. */
function seeded(entries: Record<string, unknown>): KeyValueStorage {
  const storage = memoryStorage();
  for (const [key, value] of Object.entries(entries)) void storage.set(key, value);
  return storage;
}

const DRAFT_KEY = 'draft:report-form:ID-KH';

/** The form's client with the example API and a device store holding `device`. */
export function formClient(api: ExampleApi = {}, device: Record<string, unknown> = {}): LindungiClient {
  return createClient({ api: 'https://reports.example', fetch: exampleFetch(api), storage: seeded(device), retry: { baseMs: 3_600_000 } });
}

/** The form at `step` with `answers` (no "draft restored" note: as if the reader got there now). */
export const atStep =
  (step: string, answers: object = exampleAnswers, api: ExampleApi = {}) =>
  () =>
    formClient(api, { [DRAFT_KEY]: { value: { step, answers } } });

/** A draft the reader left earlier, restored with its note. */
export const restoredDraft = () =>
  formClient({}, { [DRAFT_KEY]: { value: { step: 'what', answers: { ...exampleAnswers, contact: undefined } }, savedAt: '2026-11-27T19:05:00Z' } });

/** A report kept on the device while offline. */
export const queuedReport = () =>
  formClient(
    { offline: true },
    {
      [DRAFT_KEY]: { value: { outcome: { localId: 'local-example', state: 'queued' } } },
      'outbox:local-example': {
        localId: 'local-example',
        state: 'pending',
        createdAt: '2026-11-28T08:00:00Z',
        attempts: 1,
        nextAttemptAt: Date.now() + 3_600_000,
      },
    },
  );

/** A report the server has, with its ticket. */
export const sentReport =
  (status: 'received' | 'withdrawn' = 'received') =>
  () =>
    formClient(
      { status },
      {
        [DRAFT_KEY]: { value: { outcome: { localId: 'local-example', ticket: 'LDG-7K4M-Q9TX', state: status === 'withdrawn' ? 'withdrawn' : 'sent' } } },
        'outbox:local-example': {
          localId: 'local-example',
          state: status === 'withdrawn' ? 'withdrawn' : 'sent',
          ticket: 'LDG-7K4M-Q9TX',
          status,
          createdAt: '2026-11-28T08:00:00Z',
          attempts: 1,
        },
      },
    );

/** A report the organisation's server refused for good (kept as the form left it). */
export const refusedReport = () => formClient({}, { [DRAFT_KEY]: { value: { outcome: { localId: 'local-example', state: 'failed' } } } });

/** An API that names no operator: reporting is not set up. */
export const noOperator = () => formClient({ operator: null });
