// A throw-away PostgreSQL server for the tests of the shared store: its own data folder, a private port on loopback,
// a password-protected role, removed afterwards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { connectPostgres, type PostgresOptions } from '../../electron/core/db/postgres/client.ts';

const inCi = (): boolean => {
  const ci = process.env.CI;
  return !!ci && ci !== 'false' && ci !== '0';
};

/** The folder holding initdb, pg_ctl and postgres: on PATH, else Debian's /usr/lib/postgresql/<major>/bin. */
function findBinaries(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    // Debian links the tools it puts on PATH; the folder they live in holds the rest.
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return path.dirname(fs.realpathSync(path.join(dir, 'initdb')));
  }
  const debian = '/usr/lib/postgresql';
  const majors = fs.existsSync(debian) ? fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) {
    const dir = path.join(debian, major, 'bin');
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return null;
}

/**
 * The server binaries' folder, or null when they are missing and the tests that need a server skip with the reason
 * printed. Under CI a missing server throws instead, so the test file fails rather than passing with nothing run.
 */
export function requirePostgres(): string | null {
  const bin = findBinaries();
  if (bin) return bin;
  const reason = 'PostgreSQL server binaries (initdb, pg_ctl) are neither on PATH nor under /usr/lib/postgresql/*/bin';
  if (inCi()) throw new Error(`CI is set but ${reason}: the PostgreSQL store tests cannot run (Debian package: postgresql)`);
  console.warn(`skipping the PostgreSQL store tests: ${reason} (with CI=true this fails)`);
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** An office CA and a server certificate it signed for 127.0.0.1, plus an unrelated CA, made with the openssl tool. */
function makeCertificates(dir: string): { ca: string; otherCa: string } {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const caExt = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'];
  openssl('req', '-x509', ...key, ...caExt, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Office test CA');
  openssl('req', '-x509', ...key, ...caExt, '-keyout', 'other-ca.key', '-out', 'other-ca.crt', '-days', '2', '-subj', '/CN=Some other CA');
  openssl('req', ...key, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext');
  fs.chmodSync(path.join(dir, 'server.key'), 0o600);
  return { ca: fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8'), otherCa: fs.readFileSync(path.join(dir, 'other-ca.crt'), 'utf8') };
}

export interface TestServer {
  /** With `tls`: the office CA that signed the server's certificate, and one that did not. */
  certificates: { ca: string; otherCa: string } | null;
  /** Connection options for `database` as the test role, the right password unless `password` is given. */
  options(database?: string, password?: string): PostgresOptions;
  /** A fresh empty database. */
  createDatabase(name: string): void;
  stop(): void;
  start(): void;
  /** Stops the server and removes its folder. */
  remove(): void;
}

const user = 'desk_test';
const password = 'test-口令-8f3a';

export async function startTestServer(bin: string, { tls = false } = {}): Promise<TestServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pg-'));
  const certificates = tls ? makeCertificates(root) : null;
  const data = path.join(root, 'data');
  const pwfile = path.join(root, 'pw');
  fs.writeFileSync(pwfile, password + '\n');
  // The server refuses to run as root; where the tests run as root, the server runs as the postgres account.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:', root]);
  const run = (tool: string, args: string[]) => {
    const file = path.join(bin, tool);
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    return execFileSync(cmd, argv, { env: { ...process.env, LC_ALL: 'C.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 }).toString();
  };
  run('initdb', ['-D', data, '-U', user, '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  const serverOptions = `-k ${root} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40${tls ? ` -c ssl=on -c ssl_cert_file=${root}/server.crt -c ssl_key_file=${root}/server.key` : ''}`;
  const start = () => void run('pg_ctl', ['-D', data, '-l', path.join(root, 'log'), '-w', '-t', '30', '-o', serverOptions, 'start']);
  const stop = () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  start();
  let running = true;
  const options = (database = 'postgres', pw = password): PostgresOptions => ({ host: '127.0.0.1', port, database, user, password: pw, connectTimeoutMs: 5_000, statementTimeoutMs: 10_000 });
  return {
    certificates,
    options,
    createDatabase(name) {
      const admin = connectPostgres(options());
      try {
        admin.exec(`CREATE DATABASE ${name}`);
      } finally {
        admin.close();
      }
    },
    stop() {
      stop();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    remove() {
      try {
        if (running) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
