// Wrong clinic tokens, per client address: after a burst of failures, sign-in and the API answer 429
// until the bucket refills, so the token cannot be guessed at network speed. Right tokens cost nothing.
import type { IncomingMessage } from 'node:http';
import { RateLimiter } from '../server/rateLimit.js';

export class SignInThrottle {
  private readonly failures: RateLimiter;

  /**
   * `perHour` wrong tokens an hour (RATE_LIMIT_WRONG_CLINIC_TOKENS_PER_HOUR, 0 = off), half of them at
   * once: by default ten at once (a typo or two, a misconfigured script), then one every three minutes.
   */
  constructor(
    private readonly addressOf: (req: IncomingMessage) => string,
    perHour: number,
  ) {
    this.failures = new RateLimiter({ perHour, burst: Math.max(1, Math.ceil(perHour / 2)) });
  }

  /** Seconds this client must wait before trying a token again, or 0. */
  waitSeconds(req: IncomingMessage): number {
    const peeked = this.failures.peek(this.addressOf(req));
    return peeked.ok ? 0 : peeked.retryAfterSeconds;
  }

  failed(req: IncomingMessage): void {
    this.failures.take(this.addressOf(req));
  }
}
