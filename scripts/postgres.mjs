/**
 * A throwaway PostgreSQL server from Debian's `postgresql` package: a new data directory in a
 * temporary folder, a free loopback port, a database `lindungi` owned by a role `lindungi` that is
 * not a superuser (the grants the server needs, as the README's deployment section describes).
 *
 *   node scripts/postgres.mjs <command…>   runs the command with LINDUNGI_TEST_DATABASE_URL set,
 *                                          then stops the server and removes its folder
 *
 * `startPostgres()` does the same for scripts (the API benchmark).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's programs, or undefined without the package. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return version && existsSync(join(root, version, 'bin', 'initdb')) ? join(root, version, 'bin') : undefined;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });

/**
 * Start a throwaway server. Answers the URL of the `lindungi` role's database and `stop()`.
 * Tests run without fsync (speed; the data is thrown away). `durable: true` writes as SQLite's
 * default does here: fsync on, commits not each waited for (synchronous_commit off), for benchmarks.
 * @param {{ durable?: boolean }} [options]
 * @returns {Promise<{ url: string; adminUrl: string; stop: () => void }>}
 */
export async function startPostgres(options = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql).');
  const dir = mkdtempSync(join(tmpdir(), 'lindungi-pg-'));
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: the package's own `postgres` user runs it then.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (program, args) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 ${options.durable ? '-c synchronous_commit=off' : '-c fsync=off'}`,
    'start',
  ]);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const psql = (sql) => run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql]);
    // The server's role: it owns its database and nothing else; not a superuser, no CREATEDB, no CREATEROLE.
    psql("CREATE ROLE lindungi LOGIN PASSWORD 'lindungi' NOSUPERUSER NOCREATEDB NOCREATEROLE");
    psql('CREATE DATABASE lindungi OWNER lindungi');
    psql('REVOKE ALL ON DATABASE lindungi FROM PUBLIC');
  } catch (error) {
    stop();
    throw error;
  }
  return {
    url: `postgres://lindungi:lindungi@127.0.0.1:${port}/lindungi`,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv.slice(2);
  if (!command.length) {
    console.error('Usage: node scripts/postgres.mjs <command…>');
    process.exit(2);
  }
  const pg = await startPostgres();
  console.log(`PostgreSQL for this run: ${pg.url}`);
  let status;
  try {
    const result = spawnSync(command[0], command.slice(1), {
      stdio: 'inherit',
      shell: command.length === 1,
      env: { ...process.env, LINDUNGI_TEST_DATABASE_URL: pg.url },
    });
    status = result.status ?? 1;
  } finally {
    pg.stop();
  }
  process.exit(status);
}
