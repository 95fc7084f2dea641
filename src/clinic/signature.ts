// Webhook signatures: X-Intake-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>"> with the
// shared secret. Signing the timestamp too lets a receiver refuse replays of an old, captured request.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_PREFIX = 'sha256=';

export function signPayload(secret: string, timestamp: string, body: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export interface VerifyOptions {
  /** Unix seconds now; defaults to the clock. */
  now?: number;
  /** How old (or how far in the future) a timestamp may be; default 5 minutes. */
  toleranceSeconds?: number;
}

/** What a receiver does: recompute, compare in constant time, and check the timestamp is fresh. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string, options: VerifyOptions = {}): boolean {
  if (!/^[0-9]{1,12}$/.test(timestamp)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
