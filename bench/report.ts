// The shape of bench/results.json, the machine it ran on, the printed table and the target check.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';

export const CONFIGS = ['echo-floor', 'intake-memory', 'intake-pglite', 'intake-postgres', 'directline'] as const;
export type Config = (typeof CONFIGS)[number];

export const Run = z.object({
  config: z.enum(CONFIGS),
  connections: z.number().int().positive(),
  turnsPerSec: z.number().nonnegative(),
  p50Ms: z.number().nonnegative(),
  p95Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  /** turnsPerSec over the echo floor's at the same number of connections. */
  ratioToEcho: z.number().nonnegative(),
  /** Mean stored state of a finished conversation (JSON text bytes). */
  stateBytesPerConversation: z.number().nonnegative().optional(),
  /** RSS growth per conversation left idle mid-intake (after a forced GC), over `idleConversations`. */
  rssBytesPerIdleConversation: z.number().optional(),
  /** The same for the JS heap alone (steadier than RSS). */
  heapBytesPerIdleConversation: z.number().optional(),
  /** Extra detail: turns measured, conversations completed, errors, CPU used by other processes. */
  turns: z.number().int().nonnegative().optional(),
  conversations: z.number().int().nonnegative().optional(),
  errors: z.number().int().nonnegative().optional(),
  backgroundCpuCores: z.number().optional(),
});
export type Run = z.infer<typeof Run>;

export const Machine = z.object({
  cpu: z.string(),
  cores: z.number().int().positive(),
  memoryBytes: z.number().positive(),
  node: z.string(),
  os: z.string(),
  postgres: z.string().optional(),
});
export type Machine = z.infer<typeof Machine>;

export const Target = z.object({ name: z.string(), target: z.string(), actual: z.string(), met: z.boolean() });
export type Target = z.infer<typeof Target>;

export const Results = z.object({
  machine: Machine,
  date: z.string(),
  quick: z.boolean(),
  settings: z.object({ secondsPerRun: z.number(), rounds: z.number().int().positive(), idleConversations: z.number().int(), logLevel: z.string() }),
  runs: z.array(Run).min(1),
  targets: z.array(Target),
  notes: z.array(z.string()),
});
export type Results = z.infer<typeof Results>;

export function machineInfo(postgres?: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    ...(postgres ? { postgres } : {}),
  };
}

/** CPU seconds used by the whole machine (not idle), from /proc/stat; null where there is none. */
export function machineBusySeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return (fields.reduce((a, b) => a + b, 0) - idle) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used by one process, from /proc/<pid>/stat; null where there is none. */
export function processCpuSeconds(pid: number | 'self'): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export const TARGET_CONNECTIONS = 16;

export function checkTargets(runs: Run[]): Target[] {
  const at = (config: Config) => runs.find((r) => r.config === config && r.connections === TARGET_CONNECTIONS);
  const echo = at('echo-floor');
  const targets: Target[] = [];
  const x = (n: number) => `${n.toFixed(2)}x`;
  if (echo) {
    const ratio = (config: Config, min: number) => {
      const r = at(config);
      if (r) targets.push({ name: `${config} turns/s at ${TARGET_CONNECTIONS} connections`, target: `>= ${x(min)} echo`, actual: x(r.ratioToEcho), met: r.ratioToEcho >= min });
    };
    ratio('intake-memory', 0.85);
    const memory = at('intake-memory');
    if (memory && echo.p99Ms > 0) {
      const p99 = memory.p99Ms / echo.p99Ms;
      targets.push({ name: `intake-memory p99 at ${TARGET_CONNECTIONS} connections`, target: '<= 1.20x echo', actual: `${x(p99)} (${memory.p99Ms.toFixed(1)} ms vs ${echo.p99Ms.toFixed(1)} ms)`, met: p99 <= 1.2 });
    }
    ratio('intake-pglite', 0.5);
    ratio('intake-postgres', 0.5);
  }
  const perConfig = new Map<string, Run>();
  for (const r of runs) if (r.config.startsWith('intake-') && !perConfig.has(r.config)) perConfig.set(r.config, r);
  for (const [config, r] of perConfig) {
    if (r.stateBytesPerConversation !== undefined && r.stateBytesPerConversation > 0) {
      targets.push({ name: `${config} state per conversation`, target: '< 4096 B', actual: `${Math.round(r.stateBytesPerConversation)} B`, met: r.stateBytesPerConversation < 4096 });
    }
    if (r.rssBytesPerIdleConversation !== undefined) {
      targets.push({ name: `${config} RSS per idle conversation`, target: '< 20 KB', actual: `${(r.rssBytesPerIdleConversation / 1024).toFixed(1)} KB`, met: r.rssBytesPerIdleConversation < 20 * 1024 });
    }
  }
  return targets;
}

/** Markdown table; the first column (and `conns`) left-aligned, numbers right-aligned. */
function table(head: string[], rows: string[][]): string[] {
  const left = head.map((h, i) => i === 0 || h === 'conns');
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (left[i] ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (left[i] ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`;
  return [line(head), sep, ...rows.map(line)];
}

/** The results as Markdown tables (what the README shows), with the machine and the targets. */
export function formatResults(results: Results): string {
  const m = results.machine;
  const order = (r: Run) => CONFIGS.indexOf(r.config) * 10_000 + r.connections;
  const runs = [...results.runs].sort((a, b) => order(a) - order(b));
  const throughput = table(
    ['config', 'conns', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'x echo'],
    runs.map((r) => [r.config, String(r.connections), r.turnsPerSec.toFixed(0), r.p50Ms.toFixed(1), r.p95Ms.toFixed(1), r.p99Ms.toFixed(1), r.ratioToEcho.toFixed(2)]),
  );
  const perConfig = [...new Map(runs.filter((r) => r.stateBytesPerConversation !== undefined || r.rssBytesPerIdleConversation !== undefined).map((r) => [r.config, r])).values()];
  const bytes = (n: number | undefined) => (n === undefined ? '' : String(Math.round(n)));
  const memory = table(
    ['config', 'state B/conversation', 'RSS B/idle conversation', 'JS heap B/idle conversation'],
    perConfig.map((r) => [r.config, bytes(r.stateBytesPerConversation), bytes(r.rssBytesPerIdleConversation), bytes(r.heapBytesPerIdleConversation)]),
  );
  const out = [
    `Machine: ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${m.node}, ${m.os}${m.postgres ? `, ${m.postgres}` : ''}`,
    `Run: ${results.date}${results.quick ? ' (--quick)' : ''}, ${results.settings.secondsPerRun} s per run, best of ${results.settings.rounds}, memory over ${results.settings.idleConversations} idle conversations, server LOG_LEVEL=${results.settings.logLevel}`,
    '',
    ...throughput,
    '',
    ...memory,
  ];
  if (results.targets.length) {
    out.push('', 'Targets:');
    for (const t of results.targets) out.push(`- ${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.actual} (target ${t.target})`);
  }
  for (const n of results.notes) out.push(`Note: ${n}`);
  return out.join('\n');
}
