/**
 * `npm run desk -- <command>`: manage the people who work on the case desk, and the data key, on
 * the server's own database (the same environment variables as the server).
 *
 *   operator add --name "Sari" --role handler   prints a one-time token; only its hash is kept
 *   operator list                               who has access, and who was revoked
 *   operator revoke <id>                        takes effect on the operator's next request
 *   purge                                       the retention purge, now (the server also runs it hourly)
 *   rotate-key                                  re-encrypts every sealed value with LINDUNGI_DATA_KEY;
 *                                               the old key is given in LINDUNGI_DATA_KEY_PREVIOUS
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv, purgeExpired } from './main.js';
import { loadDataKey, loadPreviousKeys, openWith, seal } from './crypto.js';
import { hashToken, ROLES } from './desk.js';
import { openStore } from './store/index.js';
import type { Role } from './desk.js';
import type { ReportStore } from './store/contract.js';

const USAGE = `Usage:
  npm run desk -- operator add --name "<name>" --role <${ROLES.join('|')}>
  npm run desk -- operator list
  npm run desk -- operator revoke <id>
  npm run desk -- purge
  LINDUNGI_DATA_KEY=<new> LINDUNGI_DATA_KEY_PREVIOUS=<old> npm run desk -- rotate-key`;

/**
 * Run one desk command; answers the exit code. Output goes to `print` (the token only once).
 */
export async function runDeskCommand(argv: string[], io: { env?: NodeJS.ProcessEnv; print?: (line: string) => void } = {}) {
  const print = io.print ?? ((line) => console.log(line));
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string' } } });
  const [topic, command, id] = positionals;
  const alone = positionals.length === 1 && (topic === 'purge' || topic === 'rotate-key');
  if (!alone && (topic !== 'operator' || !['add', 'list', 'revoke'].includes(command ?? ''))) {
    print(USAGE);
    return 2;
  }
  const config = configFromEnv(io.env ?? process.env);
  if (topic === 'rotate-key' && (!config.dataKey || !config.previousDataKeys)) {
    print('rotate-key needs the new key in LINDUNGI_DATA_KEY and the old one in LINDUNGI_DATA_KEY_PREVIOUS.');
    return 2;
  }
  // The command reads the key the server uses; it never makes one (a key beside the data opens the data).
  let dataKey: Buffer;
  try {
    dataKey = loadDataKey(config.dataKey, join(config.dataDir, 'dev-data-key'), () => undefined, { generate: false });
  } catch (error) {
    print(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const store = await openStore(config.databaseUrl ?? config.dbFile, { seal: (plaintext) => seal(dataKey, plaintext) });
  try {
    const at = new Date().toISOString();
    if (topic === 'purge') {
      const retentionDays = config.operator?.retentionDays ?? config.retentionDays;
      print(
        `Purged the personal data of ${(await purgeExpired(store, retentionDays, new Date())).length} report(s) ended more than ${retentionDays} days ago.`,
      );
      return 0;
    }
    if (topic === 'rotate-key') return await rotateKey(store, dataKey, loadPreviousKeys(config.previousDataKeys), print);
    if (command === 'add') {
      const name = values.name?.trim();
      const role = values.role as Role;
      if (!name || name.length > 100 || !ROLES.includes(role)) {
        print(`A name (1–100 characters) and a role (${ROLES.join(', ')}) are needed.\n${USAGE}`);
        return 2;
      }
      const token = randomBytes(32).toString('base64url');
      const operator = { id: `op-${randomUUID().slice(0, 8)}`, name, role, tokenHash: hashToken(token), createdAt: at, revokedAt: null };
      await store.addOperator(operator);
      await store.audit({ at, operatorId: null, action: 'operator-add', ticket: null, detail: JSON.stringify({ id: operator.id, role }) });
      print(`Operator ${operator.id} (${name}, ${role}) added.`);
      print(`Token (shown only now; give it to ${name} privately): ${token}`);
      return 0;
    }
    if (command === 'list') {
      for (const o of await store.listOperators()) print(`${o.id}\t${o.role}\t${o.name}\tadded ${o.createdAt}${o.revokedAt ? `\trevoked ${o.revokedAt}` : ''}`);
      return 0;
    }
    if (!id || !(await store.revokeOperator(id, at))) {
      print(`No active operator with the id "${id ?? ''}".`);
      return 1;
    }
    await store.audit({ at, operatorId: null, action: 'operator-revoke', ticket: null, detail: JSON.stringify({ id }) });
    print(`Operator ${id} revoked.`);
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * Re-encrypt every sealed value with the current key, in one transaction. A value already under the
 * current key is left as it is (running it twice is harmless); a value no key opens stops the
 * rotation before anything is written.
 */
async function rotateKey(store: ReportStore, current: Buffer, previous: Buffer[], print: (line: string) => void) {
  const keys = [current, ...previous];
  let unchanged = 0;
  let changed;
  try {
    changed = await store.resealAll((sealed) => {
      const { plaintext, keyIndex } = openWith(keys, sealed);
      if (keyIndex === 0) {
        unchanged++;
        return undefined;
      }
      return seal(current, plaintext);
    });
  } catch (error) {
    print(`Key rotation stopped, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  await store.audit({ at: new Date().toISOString(), operatorId: null, action: 'rotate-key', ticket: null, detail: JSON.stringify({ values: changed }) });
  print(`Re-encrypted ${changed} value(s) with the new key (${unchanged} already used it). LINDUNGI_DATA_KEY_PREVIOUS can now be removed.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runDeskCommand(process.argv.slice(2));
