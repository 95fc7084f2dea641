// Drains the outbox to the clinic's webhook in the background: never inside a patient's turn.
// Every event is retried until a 2xx (exponential backoff with jitter, capped), survives restarts
// because the outbox is in the database, and is signed afresh on each attempt.
import type { Logger } from 'pino';
import type { Database } from '../store/database.js';
import { safeError } from '../server/logger.js';
import { claimDue, markDelivered, markFailed, type Claimed } from './outbox.js';
import { signPayload } from './signature.js';

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export interface WebhookWorkerOptions {
  db: Database;
  url: string;
  secret: string;
  logger: Logger;
  /** Per-request timeout (default 10 s). A claim's lease is this plus half again (at least 1 s). */
  timeoutMs?: number;
  /** How often to look for due events when idle (default 1 s). */
  pollMs?: number;
  batchSize?: number;
  backoff?: Backoff;
  random?: () => number;
  fetch?: typeof fetch;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, maxMs: 60 * 60 * 1000 };

/**
 * Delay before attempt n+1 after n failed attempts: base·2^(n−1), capped, with "equal jitter" (a random
 * point in the upper half) so many events failing together do not retry in lockstep.
 */
export function backoffDelay(attempts: number, backoff: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export const USER_AGENT = 'myotherapy-intake-bot-webhook/1';

export interface DeliveryHeaders {
  'content-type': string;
  'user-agent': string;
  'x-intake-id': string;
  'x-intake-event': string;
  'x-intake-delivery': string;
  'x-intake-timestamp': string;
  'x-intake-signature': string;
}

export function deliveryHeaders(claim: Pick<Claimed, 'id' | 'intakeId' | 'event' | 'body'>, secret: string, nowMs = Date.now()): DeliveryHeaders {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'x-intake-id': claim.intakeId,
    'x-intake-event': claim.event,
    'x-intake-delivery': claim.id,
    'x-intake-timestamp': timestamp,
    'x-intake-signature': signPayload(secret, timestamp, claim.body),
  };
}

/** A short reason for the delivery log and API: never a response body (it could echo anything). */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${Math.round(timeoutMs / 100) / 10} s`;
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return `connection failed (${cause.code})`;
  return `request failed (${error instanceof Error ? error.name : typeof error})`;
}

export class WebhookWorker {
  private readonly timeoutMs: number;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly backoff: Backoff;
  private readonly random: () => number;
  private readonly fetch: typeof fetch;
  private readonly shutdown = new AbortController();
  private running: Promise<void> | undefined;
  private stopped = false;
  private kicked = false;
  private wake: (() => void) | undefined;
  /** Deliveries on their way. Each is its own request: one the receiver holds open delays no other. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: WebhookWorkerOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.batchSize = options.batchSize ?? 10;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
    this.fetch = options.fetch ?? fetch;
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Something new is due: look now rather than at the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Stops after the current request; an interrupted request is retried at once on the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.shutdown.abort();
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.kicked = false;
      let claimed = 0;
      try {
        claimed = (await this.claimAndStart()).length;
      } catch (error) {
        if (this.stopped) break;
        this.options.logger.warn({ err: safeError(error) }, 'webhook outbox could not be read; retrying');
      }
      if (this.stopped) break;
      // A delivery that finishes frees a slot and wakes this too.
      if (claimed === 0 && !this.kicked) await this.sleep(this.pollMs);
    }
    await Promise.all(this.inFlight);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake = done;
    });
  }

  /** Claims the due events, sends each once, and waits for them; returns how many were claimed. Tests call it directly. */
  async drainOnce(): Promise<number> {
    const started = await this.claimAndStart();
    await Promise.all(started);
    return started.length;
  }

  /**
   * Claims as many due events as there are free slots (batchSize at once in all) and starts sending
   * each, side by side. Sent one after another, a receiver that held one request open for the whole
   * timeout held every later delivery with it.
   */
  private async claimAndStart(): Promise<Array<Promise<void>>> {
    const free = this.batchSize - this.inFlight.size;
    if (free <= 0) return [];
    // The lease outlasts the request timeout, so a live sender never loses a row to another one;
    // after a crash the row is free again soon after.
    const claims = await claimDue(this.options.db, free, this.timeoutMs + Math.max(1_000, this.timeoutMs / 2));
    return claims.map((claim) => {
      const sending: Promise<void> = (async () => {
        // Claimed as the server stops: not attempted, handed straight back.
        if (this.stopped) await markFailed(this.options.db, claim, { httpStatus: null, error: 'not sent: server shutting down', retryInMs: 0 });
        else await this.send(claim);
      })()
        .catch((error: unknown) => {
          this.options.logger.warn({ err: safeError(error), deliveryId: claim.id }, 'webhook delivery could not be recorded; the lease expires and it is retried');
        })
        .finally(() => {
          this.inFlight.delete(sending);
          this.wake?.();
        });
      this.inFlight.add(sending);
      return sending;
    });
  }

  /**
   * Aborts at the timeout or at shutdown. Not AbortSignal.any([shutdown, AbortSignal.timeout()]): on
   * Node 20 nothing holds the timeout signal strongly, a garbage collection can drop it before it
   * fires, and a receiver that never answers then stalled every delivery behind it (seen in CI).
   * Here the timer holds the controller until it is cleared.
   */
  private attemptSignal(): { signal: AbortSignal; done: () => void } {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`no answer in ${this.timeoutMs} ms`, 'TimeoutError')), this.timeoutMs);
    const onShutdown = () => controller.abort(this.shutdown.signal.reason);
    if (this.shutdown.signal.aborted) onShutdown();
    else this.shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    return {
      signal: controller.signal,
      done: () => {
        clearTimeout(timer);
        this.shutdown.signal.removeEventListener('abort', onShutdown);
      },
    };
  }

  private async send(claim: Claimed): Promise<void> {
    const { db, logger, url, secret } = this.options;
    const log = { intakeId: claim.intakeId, event: claim.event, deliveryId: claim.id, attempts: claim.attempts };
    let status: number | null = null;
    let failure: string;
    const attempt = this.attemptSignal();
    try {
      const res = await this.fetch(url, {
        method: 'POST',
        headers: { ...deliveryHeaders(claim, secret) },
        body: claim.body,
        redirect: 'manual',
        signal: attempt.signal,
      });
      status = res.status;
      await res.body?.cancel().catch(() => {});
      if (res.status >= 200 && res.status < 300) {
        await markDelivered(db, claim, res.status);
        logger.info({ ...log, status }, 'webhook delivered');
        return;
      }
      failure = `HTTP ${res.status}`;
    } catch (error) {
      failure = this.shutdown.signal.aborted ? 'interrupted: server shutting down' : describeFailure(error, this.timeoutMs);
    } finally {
      attempt.done();
    }
    const retryInMs = this.shutdown.signal.aborted ? 0 : backoffDelay(claim.attempts, this.backoff, this.random);
    await markFailed(db, claim, { httpStatus: status, error: failure, retryInMs });
    logger.warn({ ...log, status, error: failure, retryInSeconds: Math.round(retryInMs / 1000) }, 'webhook delivery failed; will retry');
  }
}
