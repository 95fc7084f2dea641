// Shared by the clinic tests: real conversations over HTTP (expectReplies) and a loopback webhook receiver.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { IntakeSummary } from '../../dialogs/summarySchema.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/createServer.js';
import { lastStep, NO_RATE_LIMITS, post, tempDir } from '../support/server.js';

export const TOKEN = 'test-clinic-token-0123456789abcdef';
export const SECRET = 'test-webhook-secret-0123456789';

type Activities = Array<Record<string, any>>;

function summaryOf(activities: Activities): IntakeSummary | undefined {
  return activities.map((a) => a['channelData']?.intake?.summary).filter(Boolean).at(-1);
}

async function say(url: string, conversationId: string, text: string): Promise<Activities> {
  const r = await post(url, conversationId, { text });
  if (r.status !== 200) throw new Error(`POST /api/messages answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.activities;
}

export interface ChatOptions {
  where?: string;
  redFlags?: string;
  precautions?: string;
  contact?: string;
}

/** Answers up to the safety screen; returns the replies to the screen answer. */
async function toScreen(url: string, conv: string, o: ChatOptions): Promise<Activities> {
  await say(url, conv, 'hi');
  await say(url, conv, 'yes');
  let replies = await say(url, conv, o.where ?? 'lower back');
  if (lastStep(replies) === 'side') replies = await say(url, conv, 'left');
  if (lastStep(replies) === 'primary') replies = await say(url, conv, o.where?.split(' and ')[0] ?? 'lower back');
  for (const text of ['no', '3 weeks', 'lifting', '5', '7']) replies = await say(url, conv, text);
  while (lastStep(replies) === 'movement') replies = await say(url, conv, 'some');
  if (lastStep(replies) !== 'red_flags') throw new Error(`expected the safety screen, got ${lastStep(replies)}`);
  return say(url, conv, o.redFlags ?? 'none of these');
}

/** A whole confirmed intake; returns the IntakeSummary the bot showed at `done`. */
export async function completeIntake(url: string, conversationId: string, o: ChatOptions = {}): Promise<IntakeSummary> {
  let replies = await toScreen(url, conversationId, o);
  while (lastStep(replies) === 'red_flags') replies = await say(url, conversationId, 'no');
  if (lastStep(replies) === 'precautions') replies = await say(url, conversationId, o.precautions ?? 'none');
  if (lastStep(replies) !== 'summary') throw new Error(`expected the summary, got ${lastStep(replies)}`);
  await say(url, conversationId, 'yes');
  replies = await say(url, conversationId, o.contact ?? 'Sam Lee 0412 345 678');
  if (lastStep(replies) !== 'done') throw new Error(`expected done, got ${lastStep(replies)}`);
  return summaryOf(replies)!;
}

/** A conversation the safety screen ends with urgent advice. */
export async function emergencyIntake(url: string, conversationId: string): Promise<IntakeSummary> {
  let replies = await toScreen(url, conversationId, { redFlags: 'I cant control my bladder' });
  // A sign typed at the checklist is confirmed before it ends the intake.
  if (lastStep(replies) === 'red_flags') replies = await say(url, conversationId, 'yes');
  if (lastStep(replies) !== 'emergency') throw new Error(`expected emergency, got ${lastStep(replies)}`);
  return summaryOf(replies)!;
}

/** Stops part-way, at the pain score question. */
export async function partialIntake(url: string, conversationId: string): Promise<void> {
  for (const text of ['hi', 'yes', 'neck', 'no', '2 weeks', 'stress', '4']) await say(url, conversationId, text);
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Status to answer with (default 204). */
  status: number;
  /** Take requests but never answer them (a receiver that hangs). */
  hang: boolean;
  /** Resolves when `n` requests in all have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1; pass a port to bring one back up where a previous one was. */
export async function startReceiver(port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  let server: Server;
  const r: Receiver = {
    url: '',
    port: 0,
    received,
    status: 204,
    hang: false,
    async waitFor(n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${n} requests`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (!r.hang) {
        res.statusCode = r.status;
        res.end();
      }
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  r.port = (server.address() as AddressInfo).port;
  r.url = `http://127.0.0.1:${r.port}/hooks/intake`;
  return r;
}

export function bearer(token = TOKEN): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Fast retries and polling, so delivery tests take milliseconds rather than seconds. */
export const FAST_CLINIC: NonNullable<ServerOptions['clinic']> = {
  worker: { pollMs: 30, timeoutMs: 2_000, backoff: { baseMs: 60, maxMs: 300 } },
};

export interface ClinicServer extends RunningServer {
  /** Every log line the server wrote (the production logger, at debug level). */
  logs: () => string;
}

/** The real server in-process with the clinic turned on, its logs captured. */
export async function startClinicServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<ClinicServer> {
  let logs = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs += String(chunk);
      done();
    },
  });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ...NO_RATE_LIMITS, CLINIC_API_TOKEN: TOKEN, CLINIC_TIMEZONE: 'Australia/Sydney', ...env, DATA_DIR: env['DATA_DIR'] ?? (await tempDir()) });
  const server = await startServer(config, { logger: createLogger('debug', sink), clinic: FAST_CLINIC, ...options });
  return Object.assign(server, { logs: () => logs });
}

export async function api(server: { url: string }, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { ...init, headers: { ...bearer(), ...(init.headers as Record<string, string> | undefined) } });
}

/** Polls until `check` returns something truthy. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 40));
  }
}
