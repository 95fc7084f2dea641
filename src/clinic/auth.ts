// Clinic authentication. The API takes `Authorization: Bearer <CLINIC_API_TOKEN>`; the inbox signs in
// with the same token once and then carries a session cookie (HttpOnly, SameSite=Strict, Secure
// behind https) that holds no token, only an expiry signed with a key derived from it: rotating the
// token signs everyone out. Every comparison is constant-time over fixed-length digests.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';

export const SESSION_COOKIE = 'clinic_session';
export const SESSION_SECONDS = 12 * 60 * 60;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export class ClinicAuth {
  private readonly tokenDigest: Buffer;
  private readonly sessionKey: Buffer;

  constructor(token: string) {
    this.tokenDigest = digest(token);
    this.sessionKey = createHmac('sha256', token).update('clinic-inbox-session-v1').digest();
  }

  /** The token itself, compared as SHA-256 digests so neither length nor content leaks through timing. */
  checkToken(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), this.tokenDigest);
  }

  checkBearer(header: string | undefined): boolean {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
    // Always run one comparison, matching or not, so a malformed header takes as long as a wrong one.
    return this.checkToken(match?.[1] ?? '') && match !== null;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.sessionKey).update(payload).digest('base64url');
  }

  issueSession(nowMs = Date.now()): string {
    const payload = `v1.${Math.floor(nowMs / 1000) + SESSION_SECONDS}.${randomBytes(12).toString('base64url')}`;
    return `${payload}.${this.mac(payload)}`;
  }

  /** A session this key signed and that has not expired: its id and expiry (seconds), else undefined. */
  readSession(value: string | undefined, nowMs = Date.now()): { id: string; expiresAt: number } | undefined {
    if (!this.checkSession(value, nowMs)) return undefined;
    const [, expiresAt, id] = value!.split('.');
    return { id: id!, expiresAt: Number(expiresAt) };
  }

  checkSession(value: string | undefined, nowMs = Date.now()): boolean {
    if (!value) return false;
    const parts = value.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1') return false;
    const payload = parts.slice(0, 3).join('.');
    const given = Buffer.from(parts[3]!);
    const expected = Buffer.from(this.mac(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    return Number(parts[1]) > nowMs / 1000;
  }
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Behind a TLS-terminating proxy the request says so in X-Forwarded-Proto. */
export function isHttps(req: Request): boolean {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || Boolean((req.socket as { encrypted?: boolean }).encrypted);
}

export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/clinic; Max-Age=${SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/clinic; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
