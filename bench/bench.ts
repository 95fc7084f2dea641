// The benchmark: the echo floor and the intake bot on each storage, at fixed connection counts, plus
// what each keeps per conversation (state bytes, RSS). `npm run bench` (bench/run.ts) is the CLI; the
// smoke test calls runBench with tiny counts.
import { join } from 'node:path';
import pg from 'pg';
import { drive, type LoadResult } from './load.js';
import { echoConversation, patient, type Conversation } from './patients.js';
import { checkTargets, machineBusySeconds, machineInfo, processCpuSeconds, Results, type Run } from './report.js';
import { startBenchServer, type BenchServer, type ServerConfig } from './servers.js';
import { driveDirectLine } from './directline.js';

export interface BenchOptions {
  configs: ServerConfig[];
  connections: number[];
  /** Each measured run lasts this long... */
  seconds?: number;
  /**
   * Measure each configuration this many times per connection count, in interleaved rounds, and keep
   * the best run: other work on a shared machine only ever slows a run down, so the best is the
   * least disturbed, and every configuration gets the same chance.
   */
  rounds?: number;
  /** ...or until this many conversations completed (smoke test). */
  conversations?: number;
  /** Before the first run on a server, to warm the JIT (seconds, or conversations in count mode). */
  warmup: number;
  /** Conversations left idle mid-intake for the RSS measurement, after `idleWarmup` unmeasured ones. */
  idleConversations: number;
  idleWarmup: number;
  databaseUrl?: string;
  /** Server log level; `info`, the default of `npm start`, logs a line per turn. */
  logLevel: string;
  /** Also measure the Direct Line path (when the channel exists). */
  directline: boolean;
  /** Write a CPU profile of each server's run at 16 connections here. */
  profileDir?: string;
  quick: boolean;
  log: (line: string) => void;
}

/** Turns a conversation takes before it is left idle: hi, consent, where, then one or two more answers. */
const IDLE_AFTER_TURNS = 5;

function starter(config: ServerConfig, tag: string, idle = false): (n: number) => Conversation {
  return config === 'echo-floor'
    ? (n) => echoConversation(`${tag}-${n}`, idle ? IDLE_AFTER_TURNS : 14)
    : (n) => patient(`${tag}-${n}`, { seed: n, ...(idle ? { stopAfter: IDLE_AFTER_TURNS } : {}) });
}

async function postgresVersion(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return `PostgreSQL ${rows[0]?.v}`;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

interface Measured extends LoadResult {
  backgroundCpuCores?: number;
}

/** One measured run, with the CPU the rest of the machine used meanwhile (other work skews numbers). */
async function measuredRun(server: BenchServer, connections: number, options: BenchOptions, tag: string): Promise<Measured> {
  const busy0 = machineBusySeconds();
  const server0 = processCpuSeconds(server.pid);
  const self0 = processCpuSeconds('self');
  const result = await drive({
    url: server.url,
    connections,
    ...(options.seconds ? { seconds: options.seconds } : { conversations: options.conversations ?? 1 }),
    start: starter(server.config, tag),
  });
  const busy1 = machineBusySeconds();
  const server1 = processCpuSeconds(server.pid);
  const self1 = processCpuSeconds('self');
  if (busy0 === null || busy1 === null || server0 === null || server1 === null || self0 === null || self1 === null) return result;
  const background = (busy1 - busy0 - (server1 - server0) - (self1 - self0)) / result.seconds;
  return { ...result, backgroundCpuCores: Math.max(0, Math.round(background * 100) / 100) };
}

/**
 * Memory growth per conversation left idle mid-intake: RSS (the target) and the JS heap (steadier:
 * RSS also moves with what V8 and the allocator keep or hand back, and on PGlite with the WASM heap).
 * The baseline is taken after `idleWarmup` conversations of the same kind, so one-off growth (JIT,
 * buffer caches, allocator arenas) is not charged to the measured ones.
 */
async function idleMemory(server: BenchServer, options: BenchOptions, runId: string): Promise<{ rss: number; heap: number }> {
  const fill = (conversations: number, tag: string) =>
    drive({ url: server.url, connections: 32, conversations, start: starter(server.config, `${runId}-${tag}`, true) });
  if (options.idleWarmup > 0) await fill(options.idleWarmup, 'idle-warm');
  const before = await server.measure();
  const load = await fill(options.idleConversations, 'idle');
  if (load.errors > 0) options.log(`  ${server.config}: ${load.errors} errors while filling (${load.failures.join('; ')})`);
  const after = await server.measure();
  const added = after.conversations - before.conversations;
  options.log(
    `  ${server.config.padEnd(16)} RSS ${(before.rss / 2 ** 20).toFixed(1)} -> ${(after.rss / 2 ** 20).toFixed(1)} MiB, ` +
      `JS heap ${(before.heapUsed / 2 ** 20).toFixed(1)} -> ${(after.heapUsed / 2 ** 20).toFixed(1)} MiB, over ${added} more stored conversations`,
  );
  return added > 0 ? { rss: (after.rss - before.rss) / added, heap: (after.heapUsed - before.heapUsed) / added } : { rss: 0, heap: 0 };
}

export async function runBench(options: BenchOptions): Promise<Results> {
  const { log } = options;
  const notes: string[] = [];
  const runId = Date.now().toString(36);
  let configs = options.configs;
  if (configs.includes('intake-postgres') && !options.databaseUrl) {
    configs = configs.filter((c) => c !== 'intake-postgres');
    notes.push('intake-postgres skipped: no database URL (set TEST_DATABASE_URL or pass --database-url)');
  }
  const postgres = configs.includes('intake-postgres') ? await postgresVersion(options.databaseUrl!) : undefined;

  // One server per configuration, all up at once but idle except the one under load. First each is
  // warmed up and filled with conversations left idle mid-intake (RSS per idle conversation); then
  // throughput is measured level by level, all configurations of a level close together in time
  // (the machine may be shared), with those idle conversations still stored.
  const servers: BenchServer[] = [];
  const runs: Run[] = [];
  const state = new Map<string, number>();
  const memory = new Map<string, { rss: number; heap: number }>();
  try {
    log(`starting ${configs.join(', ')}`);
    const started = await Promise.allSettled(configs.map((config) => startBenchServer(config, { databaseUrl: options.databaseUrl, logLevel: options.logLevel })));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const server of options.warmup > 0 ? servers : []) {
      log(`warming up ${server.config}`);
      await drive({
        url: server.url,
        connections: 16,
        ...(options.seconds ? { seconds: options.warmup } : { conversations: options.warmup }),
        start: starter(server.config, `${runId}-warm`),
      });
    }
    if (options.idleConversations > 0) {
      log(`memory per idle conversation (${options.idleConversations} conversations left after ${IDLE_AFTER_TURNS} turns, GC forced before each reading)`);
      for (const server of servers) memory.set(server.config, await idleMemory(server, options, runId));
    }
    log(`throughput (best of ${options.rounds ?? 1} interleaved round${(options.rounds ?? 1) > 1 ? 's' : ''} per connection count)`);
    // The Direct Line path, on the server a default deployment runs (`npm start`: PGlite).
    const dlServer = options.directline ? (servers.find((s) => s.config === 'intake-pglite') ?? servers.find((s) => s.config === 'intake-memory')) : undefined;
    if (dlServer) notes.push(`directline: Web Chat's path (page token, start, WebSocket stream; POST each activity, timed until the reply is on the stream) on the ${dlServer.config} server`);
    const show = (config: string, connections: number, r: Measured) =>
      log(
        `  ${config.padEnd(16)} ${String(connections).padStart(3)} conns: ${r.turnsPerSec.toFixed(0).padStart(5)} turns/s, ` +
          `p50 ${r.p50Ms.toFixed(1)} p95 ${r.p95Ms.toFixed(1)} p99 ${r.p99Ms.toFixed(1)} ms` +
          `${r.backgroundCpuCores !== undefined ? `, other load ${r.backgroundCpuCores.toFixed(2)} cores` : ''}` +
          `${r.errors ? `, ${r.errors} ERRORS: ${r.failures.join('; ')}` : ''}`,
      );
    for (const connections of options.connections) {
      const best = new Map<string, Measured>();
      const keep = (config: string, r: Measured) => {
        const prev = best.get(config);
        // Errors are never hidden by a cleaner round: they are added up.
        if (!prev || r.turnsPerSec > prev.turnsPerSec) best.set(config, { ...r, errors: r.errors + (prev?.errors ?? 0), failures: [...(prev?.failures ?? []), ...r.failures] });
        else prev.errors += r.errors;
      };
      for (let round = 0; round < (options.rounds ?? 1); round++) {
        for (const server of servers) {
          const profile = options.profileDir && connections === 16 && round === 0;
          if (profile) await server.profile('start');
          const r = await measuredRun(server, connections, options, `${runId}-${server.config}-${connections}-${round}`);
          if (profile) await server.profile('stop', join(options.profileDir!, `${server.config}-${connections}.cpuprofile`));
          show(server.config, connections, r);
          keep(server.config, r);
        }
        if (dlServer) {
          const profile = options.profileDir && connections === 16 && round === 0;
          if (profile) await dlServer.profile('start');
          const r = await driveDirectLine({
            url: dlServer.url,
            connections,
            ...(options.seconds ? { seconds: options.seconds } : { conversations: options.conversations ?? 1 }),
            tag: `${runId}-dl-${connections}-${round}`,
          });
          if (profile) await dlServer.profile('stop', join(options.profileDir!, `directline-${connections}.cpuprofile`));
          show('directline', connections, r);
          keep('directline', r);
        }
      }
      for (const [config, r] of best) record(config as Run['config'], connections, r);
    }
    for (const server of servers) {
      const m = await server.measure();
      if (m.finished > 0) state.set(server.config, m.bytesPerFinished);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }

  function record(config: Run['config'], connections: number, r: Measured): void {
    runs.push({
      config,
      connections,
      turnsPerSec: r.turnsPerSec,
      p50Ms: r.p50Ms,
      p95Ms: r.p95Ms,
      p99Ms: r.p99Ms,
      ratioToEcho: 0,
      turns: r.turns,
      conversations: r.completed,
      errors: r.errors,
      ...(r.backgroundCpuCores !== undefined ? { backgroundCpuCores: r.backgroundCpuCores } : {}),
    });
  }

  for (const r of runs) {
    const echo = runs.find((e) => e.config === 'echo-floor' && e.connections === r.connections);
    r.ratioToEcho = echo && echo.turnsPerSec > 0 ? r.turnsPerSec / echo.turnsPerSec : 0;
    const bytes = state.get(r.config);
    if (bytes !== undefined) r.stateBytesPerConversation = bytes;
    const perIdle = memory.get(r.config);
    if (perIdle !== undefined) {
      r.rssBytesPerIdleConversation = perIdle.rss;
      r.heapBytesPerIdleConversation = perIdle.heap;
    }
  }
  if (!configs.includes('echo-floor')) notes.push('no echo-floor run: ratioToEcho is 0');
  const errors = runs.reduce((n, r) => n + (r.errors ?? 0), 0);
  if (errors > 0) notes.push(`${errors} errors during the runs (see the log above): numbers are not trustworthy`);

  return Results.parse({
    machine: machineInfo(postgres),
    date: new Date().toISOString(),
    quick: options.quick,
    settings: { secondsPerRun: options.seconds ?? 0, rounds: options.rounds ?? 1, idleConversations: options.idleConversations, logLevel: options.logLevel },
    runs,
    targets: checkTargets(runs),
    notes,
  });
}
