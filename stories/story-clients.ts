/**
 * Clients that put a widget in each of its states, through the SDK's real pack sources: a loader
 * that never finishes (loading), a file that does not exist (error), a saved copy (offline).
 */
import { createContentClient as createClient, shippedPackUrl, type ContentPack, type Hotline } from '../src/sdk/index.js';

async function shippedPack(): Promise<ContentPack> {
  return (await (await fetch(shippedPackUrl('ID-KH'))).json()) as ContentPack;
}

export const loadingClient = () => createClient({ pack: () => new Promise<ContentPack>(() => {}) });
export const errorClient = () => createClient({ pack: '/content/not-published-yet.json' });
export const offlineClient = () => createClient({ pack: async () => ({ pack: await shippedPack(), offline: true, savedAt: '2026-11-20T08:15:00Z' }) });
export const emptyClient = () => createClient({ pack: async () => ({ ...(await shippedPack()), hotlines: [], rights: [], safety: [] }) });

/** Example data: a right with very long texts, to check wrapping (Khmer has no spaces between words). */
export const longTextClient = () =>
  createClient({
    pack: async () => {
      const pack = await shippedPack();
      const right = pack.rights.find((r) => r.id === 'keep-documents')!;
      const long = (text: Record<string, string>) => Object.fromEntries(Object.entries(text).map(([k, v]) => [k, `${v} ${v} ${v}`]));
      right.title = long({ ...right.title });
      right.summary = long({ ...right.summary });
      right.details = long({ ...(right.details ?? right.summary) });
      return pack;
    },
  });

/** Example lines for showing opening hours. They are clearly marked as examples, never real numbers. */
const example = (id: string, hours: Hotline['hours'], emergency: boolean): Hotline => ({
  id,
  country: 'KH',
  organisation: {
    en: `Example line (${id}) — not a real number`,
    id: `Contoh saluran (${id}) — bukan nomor sungguhan`,
    km: `ខ្សែឧទាហរណ៍ (${id}) — មិនមែនជាលេខពិតទេ`,
    ms: `Talian contoh (${id}) — bukan nombor sebenar`,
    ar: `خط مثال (${id}) — ليس رقمًا حقيقيًا`,
  },
  channels: [{ type: 'phone', value: '+85500000000', display: '+855 00 000 000', reach: 'international' }],
  hours,
  languages: ['km', 'en'],
  emergency,
  source: { url: 'https://example.org/', publisher: 'example.org' },
  verified: '2026-11-27',
});

export const exampleHoursClient = () =>
  createClient({
    pack: async () => {
      const pack = await shippedPack();
      return {
        ...pack,
        hotlines: [
          example('24-7', { type: 'always' }, true),
          example('office-hours', { type: 'weekly', timeZone: 'Asia/Phnom_Penh', periods: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00' }] }, false),
          ...pack.hotlines,
        ],
      };
    },
  });

/** A client whose API answers a report's status from memory (example data). Its content is the shipped pack. */
const reportClient = (status: object) => () =>
  createClient({
    api: 'https://reports.example',
    fetch: async (input) =>
      new URL(input instanceof Request ? input.url : input).pathname.startsWith('/v1/content/')
        ? fetch(shippedPackUrl('ID-KH'))
        : new Response(JSON.stringify({ ticket: 'LDG-7K4M-Q9TX', updated: '2026-11-21T09:30:00Z', ...status }), {
            headers: { 'Content-Type': 'application/json' },
          }),
  });

/** A report just received: nobody has checked it yet. */
export const receivedReportClient = reportClient({
  status: 'received',
  stages: [
    { id: 'received', status: 'current', date: '2026-11-20T08:00:00Z' },
    { id: 'verified', status: 'upcoming' },
    { id: 'in-handling', status: 'upcoming' },
    { id: 'resolved', status: 'upcoming' },
  ],
});

/** A report the caseworkers are handling, with the dates and the notes they wrote for the reporter. */
export const handledReportClient = reportClient({
  status: 'in-handling',
  stages: [
    { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
    { id: 'verified', status: 'done', date: '2026-11-19T04:00:00Z', note: 'We have checked your report and passed it to the embassy.' },
    { id: 'in-handling', status: 'current', date: '2026-11-21T09:30:00Z', note: 'The embassy has contacted the company.' },
    { id: 'resolved', status: 'upcoming' },
  ],
  latestNote: {
    text: 'The embassy has contacted the company.',
    at: '2026-11-21T09:30:00Z',
    stage: 'in-handling',
    by: { id: 'Contoh Pusat Bantuan Pekerja Migran', en: 'Example Migrant Workers Help Desk', km: 'Example Migrant Workers Help Desk' },
  },
});

/** A resolved report: every stage is done. */
export const resolvedReportClient = reportClient({
  status: 'resolved',
  stages: [
    { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
    { id: 'verified', status: 'done', date: '2026-11-19T04:00:00Z' },
    { id: 'in-handling', status: 'done', date: '2026-11-21T09:30:00Z' },
    { id: 'resolved', status: 'done', date: '2026-11-25T10:00:00Z', note: 'Your wages were paid.' },
  ],
  latestNote: { text: 'Your wages were paid.', at: '2026-11-25T10:00:00Z', stage: 'resolved', by: 'Example Migrant Workers Help Desk' },
});

/** A report closed by the caseworkers after it was checked, with the reason they gave the reporter. */
export const closedReportClient = reportClient({
  status: 'closed',
  stages: [
    { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
    { id: 'verified', status: 'done', date: '2026-11-19T04:00:00Z' },
    { id: 'closed', status: 'ended', date: '2026-11-20T04:00:00Z', note: 'We already have this report under another ticket.' },
  ],
  latestNote: {
    text: 'We already have this report under another ticket.',
    at: '2026-11-20T04:00:00Z',
    stage: 'closed',
    by: 'Example Migrant Workers Help Desk',
  },
});

/** A withdrawn report. */
export const withdrawnReportClient = reportClient({
  status: 'withdrawn',
  stages: [
    { id: 'received', status: 'done', date: '2026-11-20T08:00:00Z' },
    { id: 'withdrawn', status: 'ended', date: '2026-11-21T09:30:00Z' },
  ],
});
