// Per-client rate limits: a token bucket per key (the client's address). Anonymous clients could
// otherwise mint conversations without end (issue 14: 8 clients made 2 867 fake intakes in 15
// minutes, and abandoned ones fill the staff inbox). In memory: per process is enough to stop a flood,
// and several instances each allowing the limit is still a limit.

export interface RateLimitOptions {
  /** Sustained rate; 0 turns the limit off. */
  perHour: number;
  /** How many may come at once before the sustained rate applies. */
  burst: number;
  now?: () => number;
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Clients remembered at once; past this the longest-idle go (a full bucket is the same as none). */
const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether `key` could take one now, without taking it. */
  peek(key: string): Taken {
    const { perHour } = this.options;
    if (perHour <= 0) return { ok: true };
    const tokens = this.tokensOf(key, this.now());
    return tokens >= 1 ? { ok: true } : { ok: false, retryAfterSeconds: Math.ceil((1 - tokens) / (perHour / 3_600_000) / 1000) };
  }

  private tokensOf(key: string, now: number): number {
    const last = this.buckets.get(key);
    return Math.min(this.options.burst, last ? last.tokens + (now - last.at) * (this.options.perHour / 3_600_000) : this.options.burst);
  }

  take(key: string): Taken {
    const { perHour } = this.options;
    if (perHour <= 0) return { ok: true };
    const now = this.now();
    const perMs = perHour / 3_600_000;
    const tokens = this.tokensOf(key, now);
    this.buckets.delete(key); // re-inserted below, so the Map's order is least recently used first
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.ceil((1 - tokens) / perMs / 1000) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    return { ok: true };
  }
}
