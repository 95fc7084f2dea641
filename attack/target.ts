// The server under attack: `npm start`'s entry point as a child process on loopback, with its own data
// folder, the clinic turned on, a webhook receiver that never answers its first request, and every
// HTTP answer counted (a 5xx anywhere is a finding of its own).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Target {
  url: string;
  dataDir: string;
  clinicToken: string;
  process: ChildProcess;
  output(): string;
  /** Every status the server answered with, across all findings. */
  statuses: number[];
  /** fetch against the server, counting the status (network errors count as 0). */
  http(path: string, init?: RequestInit & { duplex?: 'half' }): Promise<Response>;
  webhook: { received: string[]; heldOpen: number };
  alive(): boolean;
  stop(): Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Answers every webhook POST with 204, except the first, which it holds open (a receiver that hangs). */
async function startReceiver(): Promise<{ url: string; server: Server; received: string[]; state: { heldOpen: number } }> {
  const received: string[] = [];
  const state = { heldOpen: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push(String(req.headers['x-intake-id']));
      if (received.length === 1) state.heldOpen++;
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, server, received, state };
}

export async function startTarget(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'intake-attack-'));
  const port = await freePort();
  const clinicToken = randomBytes(24).toString('hex');
  const receiver = await startReceiver();
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DIRECTLINE_SECRET: '',
      CLINIC_API_TOKEN: clinicToken,
      CLINIC_WEBHOOK_URL: receiver.url,
      CLINIC_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
      // Long enough that deliveries sent one after another would visibly wait for the held one.
      WEBHOOK_TIMEOUT_SECONDS: '60',
      // So the attack can speak for several client addresses from loopback, as through a proxy.
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start: ${out}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`the server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const statuses: number[] = [];
  return {
    url,
    dataDir,
    clinicToken,
    process: child,
    output: () => out,
    statuses,
    async http(path, init) {
      try {
        const res = await fetch(`${url}${path}`, init as RequestInit);
        statuses.push(res.status);
        return res;
      } catch (error) {
        statuses.push(0);
        throw error;
      }
    },
    webhook: {
      received: receiver.received,
      get heldOpen() {
        return receiver.state.heldOpen;
      },
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      receiver.server.closeAllConnections();
      receiver.server.close();
      return code;
    },
  };
}
