// Drives simulated conversations through POST /api/messages with autocannon. Each connection runs
// one conversation after another, a request per turn: the request list is MAX_TURNS dynamic
// entries, each building the next turn from the conversation kept in autocannon's per-connection
// context. When a conversation has nothing more to say its next entry returns null, which makes
// autocannon restart the list with a fresh context, i.e. a new conversation with a new id.
import autocannon from 'autocannon';
import { activityBody, type Conversation, type ReplyActivity } from './patients.js';

const MAX_TURNS = 64;

export interface LoadOptions {
  url: string;
  connections: number;
  /** Run for this many seconds... */
  seconds?: number;
  /** ...or until this many conversations have completed (then stop at once; others are left mid-way). */
  conversations?: number;
  /** A new conversation; `n` counts from 0 across all connections. */
  start: (n: number) => Conversation;
  /** Called with every conversation that completed (e.g. to check its summary). */
  onCompleted?: (conversation: Conversation) => void;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  turns: number;
  turnsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  completed: number;
  /** Non-2xx responses, socket errors, timeouts, and conversations that went wrong (with the first reasons). */
  errors: number;
  failures: string[];
}

interface Ctx {
  conversation?: Conversation;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function drive(options: LoadOptions): Promise<LoadResult> {
  if (!options.seconds && !options.conversations) throw new Error('drive: give seconds or conversations');
  let started = 0;
  let completed = 0;
  let errors = 0;
  const failures: string[] = [];
  const latencies: number[] = [];
  const fail = (why: string) => {
    errors++;
    if (failures.length < 5) failures.push(why);
  };

  let instance: autocannon.Instance | undefined;
  let stopRequested = false;
  const stop = () => {
    stopRequested = true;
    instance?.stop();
  };

  const requests: autocannon.Request[] = Array.from({ length: MAX_TURNS }, (_, i) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: object) => {
      const ctx = context as Ctx;
      if (i === 0 || !ctx.conversation) ctx.conversation = options.start(started++);
      const turn = ctx.conversation.next();
      // The first entry must always build; a brand-new conversation always has a first turn.
      if (!turn) return i === 0 ? { ...request, body: activityBody(ctx.conversation.id, { text: 'hi' }) } : (null as unknown as autocannon.Request);
      return { ...request, body: activityBody(ctx.conversation.id, turn) };
    },
    onResponse: (status: number, body: string, context: object) => {
      const conversation = (context as Ctx).conversation;
      if (!conversation || stopRequested) return;
      if (status !== 200) return fail(`HTTP ${status}: ${body.slice(0, 200)}`);
      let replies: ReplyActivity[];
      try {
        replies = (JSON.parse(body) as { activities?: ReplyActivity[] }).activities ?? [];
      } catch {
        return fail(`unparseable body: ${body.slice(0, 200)}`);
      }
      const hadFailed = conversation.failure !== undefined;
      conversation.receive(replies);
      if (!hadFailed && conversation.failure !== undefined) return fail(`${conversation.id}: ${conversation.failure}`);
      if (conversation.completed) {
        completed++;
        options.onCompleted?.(conversation);
        if (options.conversations !== undefined && completed >= options.conversations) stop();
      }
    },
  }));

  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds ?? 3600,
        requests,
        timeout: 30,
        // autocannon notices a stop (ours, or the end of `duration`) only at its next sample tick.
        sampleInt: 100,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (!stopRequested && statusCode === 200) latencies.push(responseTime);
    });
  });
  const seconds = (performance.now() - t0) / 1000;
  errors += result.errors + result.timeouts;
  if (result.errors + result.timeouts > 0) failures.push(`${result.errors} socket errors, ${result.timeouts} timeouts`);

  const sorted = Float64Array.from(latencies).sort();
  return {
    connections: options.connections,
    seconds,
    turns: sorted.length,
    turnsPerSec: sorted.length / seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    completed,
    errors,
    failures,
  };
}
