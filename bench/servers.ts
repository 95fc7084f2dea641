// Starts and stops the benchmark's servers, each a child process (bench/serve.ts) with --expose-gc,
// so the bench can force a GC before reading RSS. PostgreSQL runs get a throwaway schema, selected
// through the connection string (`?options=-c search_path=<schema>`), dropped when the server stops.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite } from '../src/store/database.js';
import { migrate } from '../src/store/migrations.js';

export const SERVER_CONFIGS = ['echo-floor', 'intake-memory', 'intake-pglite', 'intake-postgres'] as const;
export type ServerConfig = (typeof SERVER_CONFIGS)[number];

export interface Measurement {
  rss: number;
  heapUsed: number;
  /** Conversations with stored state. */
  conversations: number;
  /** Conversations whose stored state is a finished intake (`done`). */
  finished: number;
  /** Mean stored bytes of a finished intake's state (JSON text), 0 when none. */
  bytesPerFinished: number;
}

export interface BenchServer {
  config: ServerConfig;
  url: string;
  pid: number;
  measure(): Promise<Measurement>;
  /** CPU profile (a .cpuprofile file) of what the server does between start and stop. */
  profile(action: 'start'): Promise<void>;
  profile(action: 'stop', file: string): Promise<void>;
  stop(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** `base` with search_path set to `schema` for every connection (libpq's `options` parameter, which pg honours). */
export function withSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export async function createSchema(databaseUrl: string, prefix: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  return { schema, drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

export interface StartOptions {
  /** PostgreSQL for intake-postgres (a schema of its own is created in it). */
  databaseUrl?: string;
  /** pino level of the intake bot; `info` (the default of `npm start`) logs one line per turn. */
  logLevel?: string;
  /** Write a V8 CPU profile of the server here (node --cpu-prof) when it stops. */
  cpuProfileDir?: string;
}

/**
 * A migrated, empty PGlite data directory, made once per bench process and copied for each server:
 * creating one from scratch (initdb) takes seconds, copying it a few milliseconds.
 */
let template: Promise<string> | undefined;
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-pglite-template-'));
    const db = await openPglite(join(dir, 'data'));
    await migrate(db);
    await db.close();
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return join(dir, 'data');
  })();
  return template;
}

export async function startBenchServer(config: ServerConfig, options: StartOptions = {}): Promise<BenchServer> {
  const dir = await mkdtemp(join(tmpdir(), `bench-${config}-`));
  const cleanups: Array<() => Promise<void>> = [() => rm(dir, { recursive: true, force: true })];
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: options.logLevel ?? 'info',
    // Simulated patients all come from 127.0.0.1: the per-address limits would stop the load itself.
    RATE_LIMIT_NEW_CHATS_PER_HOUR: '0',
    RATE_LIMIT_TOKENS_PER_HOUR: '0',
  };
  delete env['DATABASE_URL'];
  // Every intake server opens the embedded database (intake-memory too: finished intakes are recorded there).
  if (config !== 'echo-floor' && config !== 'intake-postgres') await cp(await pgliteTemplate(), env['DATA_DIR']!, { recursive: true });
  if (config === 'intake-postgres') {
    if (!options.databaseUrl) throw new Error('intake-postgres needs a database URL (TEST_DATABASE_URL or --database-url)');
    const { schema, drop } = await createSchema(options.databaseUrl, 'bench');
    cleanups.unshift(drop);
    env['DATABASE_URL'] = withSchema(options.databaseUrl, schema);
  }
  // Logs go to a file, as a deployment's would; the bench shows its tail if the server fails.
  const logFile = join(dir, 'server.log');
  const log = createWriteStream(logFile);
  await new Promise((resolve) => log.once('open', resolve));
  const child: ChildProcess = fork(join(here, 'serve.ts'), [config], {
    execArgv: ['--expose-gc', '--import', 'tsx', ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [])],
    env,
    stdio: ['ignore', log, log, 'ipc'],
  });
  const logTail = async () => (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-20).join('\n');

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${config} server did not start in 60 s`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      void logTail().then((tail) => reject(new Error(`${config} server exited (${code}) before it was ready:\n${tail}`)));
    });
    child.on('message', (m: { type: string; url?: string }) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.url!);
      }
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    config,
    url,
    pid: child.pid!,
    measure() {
      return new Promise<Measurement>((resolve, reject) => {
        const onMessage = (m: { type: string; message?: string } & Measurement) => {
          if (m.type === 'measured') resolve(m);
          else if (m.type === 'error') reject(new Error(`${config}: ${m.message}`));
          else return;
          child.off('message', onMessage);
        };
        child.on('message', onMessage);
        child.send({ type: 'measure' });
      });
    },
    profile(action: 'start' | 'stop', file?: string) {
      return new Promise<void>((resolve) => {
        const onMessage = (m: { type: string }) => {
          if (m.type !== 'profiled') return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send({ type: 'profile', action, file });
      });
    },
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.send({ type: 'stop' });
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        log.end();
        for (const cleanup of cleanups) await cleanup().catch(() => {});
      })();
      return stopped;
    },
  };
}
