// Real servers for tests: in-process (startServer on port 0) or a child process running `npm start`'s
// entry point, which a test can kill outright.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server/createServer.js';

export async function tempDir(prefix = 'intake-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Tests start far more chats (and try more wrong tokens) from 127.0.0.1 than anyone would; the rate limit tests set their own. */
export const NO_RATE_LIMITS = { RATE_LIMIT_NEW_CHATS_PER_HOUR: '0', RATE_LIMIT_TOKENS_PER_HOUR: '0', RATE_LIMIT_WRONG_CLINIC_TOKENS_PER_HOUR: '0' };

export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = env['DATA_DIR'] ?? (await tempDir());
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...NO_RATE_LIMITS, ...env, DATA_DIR: dataDir });
  return startServer(config, { logger: pino({ level: 'silent' }) });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts src/server/main.ts as `npm start` does and waits for /healthz. */
export async function startChild(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...NO_RATE_LIMITS, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  // A bound for a server that hangs, not a timing check: a start takes seconds, more on a loaded 2-core machine.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { process: child, url, output: () => out };
}

/** Runs the entry point expecting it to fail fast, and returns its exit code and output. */
export async function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, output: out }));
  });
}

let seq = 0;
/** Posts one activity with expectReplies and returns the status and the replies. */
export async function post(url: string, conversationId: string, activity: Record<string, unknown>) {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `a${++seq}`,
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:1',
      deliveryMode: 'expectReplies',
      from: { id: 'patient' },
      recipient: { id: 'bot' },
      conversation: { id: conversationId },
      ...activity,
    }),
  });
  const body = res.status === 200 ? ((await res.json()) as { activities?: Array<Record<string, any>> }) : await res.text();
  return { status: res.status, body, activities: typeof body === 'object' ? (body.activities ?? []) : [] };
}

export function lastStep(activities: Array<Record<string, any>>): string | undefined {
  return activities.filter((a) => a['channelData']?.intake).at(-1)?.['channelData'].intake.step;
}
