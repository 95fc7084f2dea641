// Security headers for the patient page. The Content-Security-Policy allows only this server's own
// origin (plus the clinic's logo host when the profile names one), and frame-ancestors only the
// clinic's own sites (ALLOWED_ORIGINS), so nobody else can wrap the chat in a frame.
// Web Chat needs no 'unsafe-eval' and no 'unsafe-inline' for its styles: its emotion style sheets
// carry the page's nonce, React and Adaptive Cards set styles through the CSSOM (which CSP does not
// restrict), and one library inserts an EMPTY <style> element without the nonce and fills it through
// the CSSOM: the hash of the empty string allows exactly that element and no inline CSS text.
// Web Chat draws some images from blob: URLs it creates itself, hence img-src blob:.
// Checked in Chromium by test/web/webchat.test.ts, which fails on any CSP violation.
import type { Request, Response } from 'restify';

/** sha256 of "" (an empty <style> element). */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export interface PageSecurity {
  /** Per response; marks the page's own <style> and Web Chat's style sheets. */
  nonce: string;
  /** The origin browsers reach this server at (see publicOrigin). */
  origin: string;
  allowedOrigins: readonly string[];
  /** An absolute logo URL from the clinic profile, if any. */
  logoUrl: string | undefined;
}

export function contentSecurityPolicy(s: PageSecurity): string {
  const ws = s.origin.replace(/^http/, 'ws');
  const logo = s.logoUrl && /^https?:\/\//i.test(s.logoUrl) ? ` ${new URL(s.logoUrl).origin}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${s.nonce}' '${EMPTY_STYLE_HASH}'`,
    // data: and blob: for the icons Web Chat draws itself (e.g. the external-link marker).
    `img-src 'self' data: blob:${logo}`,
    // 'self' covers ws: only in newer browsers; the explicit form keeps older Safari working.
    `connect-src 'self' ${ws}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors 'self'${s.allowedOrigins.map((o) => ` ${o}`).join('')}`,
  ].join('; ');
}

export function setPageHeaders(res: Response, s: PageSecurity): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(s));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // For browsers without frame-ancestors; with embedding sites allowed, CSP alone decides.
  if (s.allowedOrigins.length === 0) res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // The page carries a per-response nonce: never serve it from a cache.
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * A request from a page is acceptable when it comes from this server's own origin or an allowed one.
 * Requests without Origin (curl, server-side clients) are not browsers acting for someone else.
 */
export function originAllowed(req: Request, ownOrigin: string, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === ownOrigin || allowedOrigins.includes(origin);
}
