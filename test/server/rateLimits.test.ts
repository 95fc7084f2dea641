// Per-address limits on what anonymous clients can mint: new Web Chat conversations and tokens.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/rateLimit.js';
import { call } from '../support/directline.js';
import { startTestServer } from '../support/server.js';

describe('rate limits over HTTP', () => {
  it('refuses new chats past the limit with 429 and Retry-After, per client address, while resuming still works', { timeout: 90_000 }, async () => {
    // 6 an hour: a burst of 2 at once. TRUST_PROXY so the test can speak for several addresses.
    const server = await startTestServer({ RATE_LIMIT_NEW_CHATS_PER_HOUR: '6', RATE_LIMIT_TOKENS_PER_HOUR: '12', TRUST_PROXY: 'true' });
    try {
      const mint = (ip: string, body: object = {}) => fetch(`${server.url}/api/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.1, ${ip}` }, body: JSON.stringify(body) });
      const first = await mint('203.0.113.1');
      expect(first.status).toBe(200);
      const { token, conversationId } = (await first.json()) as { token: string; conversationId: string };
      expect((await mint('203.0.113.1')).status).toBe(200);
      const refused = await mint('203.0.113.1');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toEqual({ error: { code: 'TooManyRequests', message: expect.stringMatching(/new chats/) } });
      // Someone else is not held back by them.
      expect((await mint('203.0.113.2')).status).toBe(200);
      // The same page resuming its chat is not a new chat (after starting it, as Web Chat does).
      await call(server.url, '/v3/directline/conversations', { method: 'POST', token, headers: { 'x-forwarded-for': '203.0.113.1' } });
      const resumed = await mint('203.0.113.1', { token });
      expect(resumed.status).toBe(200);
      expect(((await resumed.json()) as { conversationId: string }).conversationId).toBe(conversationId);
      // Tokens of every kind have their own, larger limit (burst 4 of 12: two new chats, a start and a resume used it).
      expect((await mint('203.0.113.1', { token })).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then the hourly rate, and turns off at 0', () => {
    let now = 0;
    const limiter = new RateLimiter({ perHour: 60, burst: 3, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 60 });
    now += 60_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true);
    const off = new RateLimiter({ perHour: 0, burst: 0 });
    expect(Array.from({ length: 1000 }, () => off.take('a').ok).every(Boolean)).toBe(true);
  });
});
