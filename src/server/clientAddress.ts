// The address a request came from, for rate limits and throttling. Behind a reverse proxy every
// request comes from the proxy; with TRUST_PROXY the proxy's X-Forwarded-For says who it relayed
// (its last entry: the one that proxy added, which a client cannot forge).
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const relayed = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (relayed) return relayed;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
