import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../server/main.js';

export type TestServer = Awaited<ReturnType<typeof startServer>> & {
  dataDir: string;
  logs: string[];
  requests: string[];
  /** Stop the server; `dispose()` also removes its data. */
  dispose(): Promise<void>;
};

/** The data key of test servers (32 bytes, base64), so tests can open what was sealed. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** The version of the shipped pack's consent text: the only one the server accepts. */
export const CONSENT_VERSION: string = JSON.parse(readFileSync(new URL('../../../content/ID-KH.json', import.meta.url), 'utf8')).consent.version;

/** Who receives reports on test servers. */
export const TEST_OPERATOR = { name: 'Test operator', contact: 'reports@example.org', retentionDays: 180, dataLocation: 'ID', demonstration: false };

/** The real Lindungi API on a random loopback port, with its own SQLite file in a temporary folder. */
export async function startTestServer(overrides: Parameters<typeof startServer>[0] = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'lindungi-test-'));
  const logs: string[] = [];
  const requests: string[] = [];
  const server = await startServer({
    port: 0,
    dataDir: dir,
    dbFile: join(dir, 'lindungi.sqlite'),
    dataKey: TEST_DATA_KEY,
    rateLimitPerMinute: 100_000,
    operator: TEST_OPERATOR,
    log: (line) => logs.push(line),
    onRequest: (path) => requests.push(path),
    ...overrides,
  });
  return {
    ...server,
    dataDir: dir,
    logs,
    requests,
    dispose: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid report draft; `overrides` replace top-level fields. */
export function draft(overrides: Record<string, unknown> = {}) {
  return {
    corridor: 'ID-KH',
    category: 'unpaid-wages',
    description: 'My wages have not been paid for three months.',
    occurredOn: '2026-10-01',
    location: { country: 'KH', place: 'Sihanoukville' },
    employerOrAgency: 'PT Contoh Agency',
    inDanger: false,
    contact: { anonymous: true },
    consent: { version: CONSENT_VERSION, given: true },
    locale: 'id',
    ...overrides,
  } as const;
}
