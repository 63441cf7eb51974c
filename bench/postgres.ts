// A throw-away PostgreSQL cluster for Terraform's `pg` backend: Debian's server binaries (found under
// /usr/lib/postgresql/*/bin, /usr/local/bin or PATH), initdb into a fresh temp directory (as the
// `postgres` user when running as root, since initdb refuses root), served on a free 127.0.0.1 port
// with trust authentication for local connections only, and stopped and removed at the end. Used by
// the benchmark (an apply on a remote backend) and the reliability suite (two applies on one lock).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable` */
  readonly connStr: string;
  /** Runs SQL with psql and returns its unaligned output. */
  query(sql: string): string;
  stop(): void;
}

const INSTALL_HINT = 'install PostgreSQL (Debian: apt-get install -y postgresql; .ci/run does this)';

/** Directory holding initdb and pg_ctl, newest version first. */
export function postgresBinDir(): string | undefined {
  const candidates: string[] = [];
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join('/usr/lib/postgresql', v, 'bin')));
  }
  candidates.push('/usr/local/bin', '/usr/bin', ...(process.env.PATH ?? '').split(':').filter(Boolean));
  return candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function pgRun(asPostgres: boolean, bin: string, args: readonly string[]): string {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, [...args]];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000, cwd: '/' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (exit ${String(r.status)}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim().slice(0, 2000)}`);
  return r.stdout;
}

/** initdb + pg_ctl start on a free loopback port. */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`no PostgreSQL server binaries (initdb, pg_ctl) found; ${INSTALL_HINT}`);
  const psql = ['/usr/bin/psql', join(bin, 'psql')].find((p) => existsSync(p));
  if (!psql) throw new Error(`psql not found; ${INSTALL_HINT}`);
  const asPostgres = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'imco-pg-'));
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  pgRun(asPostgres, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  pgRun(asPostgres, join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    port,
    connStr: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    query(sql) {
      return execFileSync(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        pgRun(asPostgres, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '60', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
