// @ts-check
/**
 * `npm run desk -- <command>`: manage the people who work on the case desk, on the server's own
 * database (the same environment variables as the server).
 *
 *   operator add --name "Sari" --role handler   prints a one-time token; only its hash is kept
 *   operator list                               who has access, and who was revoked
 *   operator revoke <id>                        takes effect on the operator's next request
 *   purge                                       the retention purge, now (the server also runs it hourly)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv, purgeExpired } from './main.js';
import { loadDataKey, seal } from './crypto.js';
import { hashToken, ROLES } from './desk.js';
import { openSqliteStore } from './store.js';

const USAGE = `Usage:
  npm run desk -- operator add --name "<name>" --role <${ROLES.join('|')}>
  npm run desk -- operator list
  npm run desk -- operator revoke <id>
  npm run desk -- purge`;

/**
 * Run one desk command; answers the exit code. Output goes to `print` (the token only once).
 * @param {string[]} argv @param {{ env?: NodeJS.ProcessEnv; print?: (line: string) => void }} [io]
 */
export function runDeskCommand(argv, io = {}) {
  const print = io.print ?? ((line) => console.log(line));
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string' } } });
  const [topic, command, id] = positionals;
  const purging = topic === 'purge' && positionals.length === 1;
  if (!purging && (topic !== 'operator' || !['add', 'list', 'revoke'].includes(command ?? ''))) {
    print(USAGE);
    return 2;
  }
  const config = configFromEnv(io.env ?? process.env);
  const dataKey = loadDataKey(config.dataKey, join(config.dataDir, 'dev-data-key'), () => undefined);
  const store = openSqliteStore(config.dbFile, { seal: (plaintext) => seal(dataKey, plaintext) });
  try {
    const at = new Date().toISOString();
    if (purging) {
      const retentionDays = config.operator?.retentionDays ?? config.retentionDays;
      print(`Purged the personal data of ${purgeExpired(store, retentionDays, new Date()).length} report(s) ended more than ${retentionDays} days ago.`);
      return 0;
    }
    if (command === 'add') {
      const name = values.name?.trim();
      const role = /** @type {import('./desk.js').Role} */ (values.role);
      if (!name || name.length > 100 || !ROLES.includes(role)) {
        print(`A name (1–100 characters) and a role (${ROLES.join(', ')}) are needed.\n${USAGE}`);
        return 2;
      }
      const token = randomBytes(32).toString('base64url');
      const operator = { id: `op-${randomUUID().slice(0, 8)}`, name, role, tokenHash: hashToken(token), createdAt: at, revokedAt: null };
      store.addOperator(operator);
      store.audit({ at, operatorId: null, action: 'operator-add', ticket: null, detail: JSON.stringify({ id: operator.id, role }) });
      print(`Operator ${operator.id} (${name}, ${role}) added.`);
      print(`Token (shown only now; give it to ${name} privately): ${token}`);
      return 0;
    }
    if (command === 'list') {
      for (const o of store.listOperators()) print(`${o.id}\t${o.role}\t${o.name}\tadded ${o.createdAt}${o.revokedAt ? `\trevoked ${o.revokedAt}` : ''}`);
      return 0;
    }
    if (!id || !store.revokeOperator(id, at)) {
      print(`No active operator with the id "${id ?? ''}".`);
      return 1;
    }
    store.audit({ at, operatorId: null, action: 'operator-revoke', ticket: null, detail: JSON.stringify({ id }) });
    print(`Operator ${id} revoked.`);
    return 0;
  } finally {
    store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = runDeskCommand(process.argv.slice(2));
