// The Direct Line path, as Web Chat uses it: a page token from /api/webchat/token, start the
// conversation, open the WebSocket stream, then for each turn POST the activity and wait for the
// bot's reply on the stream. A turn's latency runs from sending the POST until both the POST has
// answered and the reply carrying the step marker has arrived on the socket.
//
// Not autocannon: the reply arrives on a WebSocket, not in the HTTP response, so each simulated
// patient is a small loop (fetch with keep-alive plus a `ws` socket), as many loops as connections.
import WebSocket from 'ws';
import { patient, type ReplyActivity } from './patients.js';
import type { LoadResult } from './load.js';

interface Options {
  url: string;
  connections: number;
  seconds?: number;
  conversations?: number;
  tag: string;
}

type Json = Record<string, any>;

async function call(url: string, path: string, token: string | undefined, body?: unknown): Promise<Json> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return text ? (JSON.parse(text) as Json) : {};
}

/** The bot's activities as they arrive on one conversation's stream. */
class Stream {
  private readonly bot: Json[] = [];
  private wake: (() => void) | undefined;
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      for (const a of ((JSON.parse(text) as Json)['activities'] ?? []) as Json[]) if (a['from']?.role === 'bot') this.bot.push(a);
      this.wake?.();
    });
  }

  static open(streamUrl: string): Promise<Stream> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(streamUrl);
      ws.once('open', () => resolve(new Stream(ws)));
      ws.once('error', reject);
    });
  }

  get count(): number {
    return this.bot.length;
  }

  /** Waits until activities after index `from` include a step marker other than `booking` (always followed by `done`). */
  async replyAfter(from: number, deadline: number): Promise<Json[]> {
    for (;;) {
      const fresh = this.bot.slice(from);
      if (fresh.some((a) => a['channelData']?.intake && a['channelData'].intake.step !== 'booking')) return fresh;
      if (Date.now() > deadline) throw new Error('no reply on the stream within 30 s');
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}

export async function driveDirectLine(options: Options): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: string[] = [];
  let errors = 0;
  let completed = 0;
  let started = 0;
  const t0 = performance.now();
  const end = options.seconds ? t0 + options.seconds * 1000 : Infinity;
  const more = () => performance.now() < end && (options.conversations === undefined || completed < options.conversations);

  async function onePatient(): Promise<void> {
    const n = started++;
    const token = (await call(options.url, '/api/webchat/token', undefined))['token'] as string;
    const conversation = await call(options.url, '/v3/directline/conversations', token);
    const id = conversation['conversationId'] as string;
    const stream = await Stream.open(conversation['streamUrl'] as string);
    const p = patient(`${options.tag}-${n}`, { seed: n });
    try {
      for (let turn = p.next(); turn && more(); turn = p.next()) {
        const seen = stream.count;
        const sent = performance.now();
        await call(options.url, `/v3/directline/conversations/${id}/activities`, conversation['token'] as string, {
          type: 'message',
          from: { id: `patient-${n}`, name: 'Patient' },
          channelData: { clientActivityID: `${options.tag}-${n}-${seen}` },
          ...turn,
        });
        const replies = await stream.replyAfter(seen, Date.now() + 30_000);
        latencies.push(performance.now() - sent);
        p.receive(replies.filter((a) => a['type'] === 'message') as ReplyActivity[]);
      }
      if (p.failure) throw new Error(p.failure);
      if (p.completed) completed++;
    } finally {
      stream.close();
    }
  }

  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (more()) {
        try {
          await onePatient();
        } catch (error) {
          errors++;
          if (failures.length < 5) failures.push(String(error instanceof Error ? error.message : error));
          if (errors > 20) return;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
  return {
    connections: options.connections,
    seconds,
    turns: sorted.length,
    turnsPerSec: sorted.length / seconds,
    p50Ms: pct(50),
    p95Ms: pct(95),
    p99Ms: pct(99),
    completed,
    errors,
    failures,
  };
}
