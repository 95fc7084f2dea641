// Direct Line tokens: a conversation id and an expiry, signed with HMAC-SHA256 under a key derived
// from the Direct Line secret. A token opens exactly one conversation, so a leaked token exposes one
// patient's chat for at most its lifetime; the secret itself never leaves the server.
// Format: `dl1.<base64url(JSON payload)>.<base64url(signature)>`.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Same as Azure's Direct Line; Web Chat refreshes at half of this. */
export const TOKEN_TTL_SECONDS = 30 * 60;
/** A stream token only has to survive until the WebSocket is open: Web Chat asks for a new URL on every reconnect. */
export const STREAM_TOKEN_TTL_SECONDS = 2 * 60;

const PREFIX = 'dl1';

/** `conversation`: the REST routes. `stream`: only the WebSocket of that conversation (it sits in a URL). */
export type TokenScope = 'conversation' | 'stream';

/** URL-safe and unguessable; also what Web Chat puts in paths, so nothing needs escaping. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{16,64}$/;

const Payload = z.object({
  cid: z.string().regex(CONVERSATION_ID),
  scope: z.enum(['conversation', 'stream']),
  exp: z.number().int(),
});
export type TokenPayload = z.infer<typeof Payload>;

export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

export type Verified = { ok: true; payload: TokenPayload } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export class TokenSigner {
  private readonly key: Buffer;

  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {
    // A derived key, so the secret is used for one purpose only even if it is reused elsewhere.
    this.key = createHmac('sha256', secret).update('intake-bot direct line token key v1').digest();
  }

  /** Seconds since the epoch, per the injected clock. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  sign(conversationId: string, scope: TokenScope = 'conversation', ttlSeconds = scope === 'stream' ? STREAM_TOKEN_TTL_SECONDS : TOKEN_TTL_SECONDS): string {
    return this.signPayload({ cid: conversationId, scope, exp: this.nowSeconds() + ttlSeconds });
  }

  /** Signs any payload as given: tests use it to make expired tokens. */
  signPayload(payload: TokenPayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${PREFIX}.${body}.${this.mac(body)}`;
  }

  verify(token: string): Verified {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX || token.length > 1024) return { ok: false, reason: 'malformed' };
    const [, body, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const parsed = Payload.safeParse(decoded);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    if (parsed.data.exp <= this.nowSeconds()) return { ok: false, reason: 'expired' };
    return { ok: true, payload: parsed.data };
  }

  /** Constant-time check of a bearer value against the secret itself (server-side clients may use it). */
  isSecret(value: string): boolean {
    const a = createHmac('sha256', this.key).update(value).digest();
    const b = createHmac('sha256', this.key).update(this.secret).digest();
    return timingSafeEqual(a, b);
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(`${PREFIX}.${body}`).digest('base64url');
  }
}
