// Signing out ends the session everywhere, and wrong clinic tokens are throttled per address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, startClinicServer, type ClinicServer } from './support.js';

describe('staff sessions and wrong tokens', () => {
  let server: ClinicServer;
  beforeAll(async () => {
    server = await startClinicServer({ TRUST_PROXY: 'true', RATE_LIMIT_WRONG_CLINIC_TOKENS_PER_HOUR: '20' });
  });
  afterAll(async () => {
    await server.close();
  });

  const signIn = (token: string, ip: string) =>
    fetch(`${server.url}/clinic/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      body: new URLSearchParams({ token }).toString(),
    });
  const inbox = (cookie: string) => fetch(`${server.url}/clinic`, { headers: { cookie }, redirect: 'manual' });

  it('signing out revokes the session cookie, also a copy kept elsewhere, and only that session', async () => {
    const first = (await signIn(TOKEN, '203.0.113.10')).headers.get('set-cookie')!.split(';')[0]!;
    const second = (await signIn(TOKEN, '203.0.113.10')).headers.get('set-cookie')!.split(';')[0]!;
    expect((await inbox(first)).status).toBe(200);
    const out = await fetch(`${server.url}/clinic/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: first } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    // The copied cookie (the browser cleared its own) no longer opens the inbox.
    expect((await inbox(first)).status).toBe(303);
    expect((await inbox(second)).status).toBe(200);
    // A cross-site sign-out form is refused (it could only be a nuisance, but it is not the staff's).
    expect((await fetch(`${server.url}/clinic/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: second, origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('throttles wrong tokens per address, for sign-in and the API alike, and tells when to retry', async () => {
    const attacker = '203.0.113.66';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(`guess-${i}`, attacker)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Even the right token waits: otherwise a guess that hits would be told so.
    const blocked = await signIn(TOKEN, attacker);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const api = await fetch(`${server.url}/api/clinic/intakes`, { headers: { authorization: 'Bearer wrong', 'x-forwarded-for': attacker } });
    expect(api.status).toBe(429);
    // Staff elsewhere are not locked out by it.
    expect((await signIn(TOKEN, '203.0.113.11')).status).toBe(303);
    expect((await fetch(`${server.url}/api/clinic/intakes`, { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.12' } })).status).toBe(200);
  });
});
