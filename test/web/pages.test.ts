// The patient page, widget script, static files and the page's token endpoint over real HTTP:
// security headers, allowed origins, escaping, caching, and the config keys behind them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenSigner } from '../../src/channels/directline/tokens.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { RunningServer } from '../../src/server/createServer.js';
import { call, postActivity, startConversation } from '../support/directline.js';
import { startTestServer, tempDir } from '../support/server.js';

const SECRET = 'pages-test-directline-secret-0123456789';

function csp(res: Response): Map<string, string> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(header.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)] as [string, string]));
}

describe('the patient page (no embedding sites configured)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ DIRECTLINE_SECRET: SECRET });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the page with a tight Content-Security-Policy and security headers', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    const policy = csp(res);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    const nonce = /'nonce-([^']+)'/.exec(policy.get('style-src') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(policy.get('style-src')).not.toMatch(/unsafe/);
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(policy.get('connect-src')).toBe(`'self' ${server.url.replace('http', 'ws')}`);
    expect(policy.get('frame-ancestors')).toBe("'self'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // A fresh nonce per response.
    expect(csp(await fetch(`${server.url}/`)).get('style-src')).not.toBe(policy.get('style-src'));
  });

  it('names the clinic and loads Web Chat from this server, with no inline script and no CDN', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('<h1>Harbourside Myotherapy</h1>');
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.filter((attrs) => !/src="\//.test(attrs))).toEqual([' id="intake-config" type="application/json" nonce="' + /nonce="([^"]+)"/.exec(html)![1] + '"']);
    expect(html).not.toMatch(/https?:\/\/(?!booking\.example)/);
    // Preloaded at once; boot.js runs it after the first question is on screen.
    const bundle = /<link rel="preload" href="(\/webchat\/webchat-[\d.]+\.js)" as="script">/.exec(html)![1]!;
    expect(html).toContain(`data-webchat="${bundle}"`);
    const res = await fetch(`${server.url}${bundle}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch decompresses; the encoding header says it travelled compressed.
    expect(res.headers.get('content-encoding')).toBe('br');
    expect((await res.text()).length).toBeGreaterThan(1_000_000);
  });

  it('serves static files with an ETag (304 on revalidation) and nothing outside web/static', async () => {
    const res = await fetch(`${server.url}/static/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const etag = res.headers.get('etag')!;
    expect((await fetch(`${server.url}/static/app.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    for (const path of ['/static/%2e%2e%2fpackage.json', '/static/..%2f..%2fpackage.json', '/static/nope.js', '/static/.hidden']) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.status, path).toBe(404);
      expect(await r.json()).toEqual({ error: { code: 'NotFound', message: expect.any(String) } });
    }
    // A malformed escape never reaches the route (restify's router answers it).
    expect((await fetch(`${server.url}/static/%E0%A4%A`)).status).toBe(404);
  });

  it('serves the widget script, but it shows no button on sites that are not allowed', async () => {
    const res = await fetch(`${server.url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const js = await res.text();
    expect(js).toContain('var CONFIG = {"clinicName":"Harbourside Myotherapy","primary":"#0f766e","allowedOrigins":[]};');
  });

  it('gives the page a conversation-scoped token, and resumes the conversation it already had', async () => {
    const fresh = await call(server.url, '/api/webchat/token', { method: 'POST' });
    expect(fresh.status).toBe(200);
    expect(fresh.body['resumed']).toBe(false);
    // Never started: a reload starts afresh rather than pointing at nothing.
    const unused = await call(server.url, '/api/webchat/token', { method: 'POST', body: { token: fresh.body['token'] } });
    expect(unused.body['conversationId']).not.toBe(fresh.body['conversationId']);

    const c = await startConversation(server.url);
    await postActivity(server.url, c.conversationId, c.token, { text: 'yes' });
    const reload = await call(server.url, '/api/webchat/token', { method: 'POST', body: { token: c.token } });
    expect(reload.body).toEqual({ conversationId: c.conversationId, token: expect.any(String), expires_in: 1800, resumed: true });

    const expired = new TokenSigner(SECRET).signPayload({ cid: c.conversationId, scope: 'conversation', exp: Math.floor(Date.now() / 1000) - 5 });
    const late = await call(server.url, '/api/webchat/token', { method: 'POST', body: { token: expired } });
    expect(late.status).toBe(200);
    expect(late.body['conversationId']).not.toBe(c.conversationId);
    expect(late.body['resumed']).toBe(false);
  });

  it('refuses bad token requests and other origins', async () => {
    expect((await call(server.url, '/api/webchat/token', { method: 'POST', body: { token: 42 } })).status).toBe(400);
    expect((await call(server.url, '/api/webchat/token', { method: 'POST', body: '{oops' })).status).toBe(400);
    expect((await call(server.url, '/api/webchat/token', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const foreign = await call(server.url, '/api/webchat/token', { method: 'POST', body: {}, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const own = await call(server.url, '/api/webchat/token', { method: 'POST', body: {}, headers: { origin: server.url } });
    expect(own.status).toBe(200);
  });
});

describe('embedding on the clinic website (ALLOWED_ORIGINS, PUBLIC_URL, clinic profile)', () => {
  let server: RunningServer;
  const site = 'https://www.clinic.example';
  beforeAll(async () => {
    const dir = await tempDir();
    const profile = join(dir, 'clinic.json');
    await writeFile(
      profile,
      JSON.stringify({
        name: 'Bay <Physio> & "Co"',
        bookingUrl: 'https://book.example/bay',
        phone: '03 9000 0000',
        logoUrl: 'https://cdn.clinic.example/logo.png',
        colours: { primary: '#1d4ed8', accent: '#db2777' },
        appointmentTypes: [{ name: 'Initial', durationMinutes: 60 }],
      }),
    );
    server = await startTestServer({ ALLOWED_ORIGINS: `${site}, https://clinic.example`, PUBLIC_URL: 'https://chat.clinic.example', CLINIC_PROFILE: profile });
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets only the allowed sites frame the page, and the page uses the public origin and the logo host', async () => {
    const res = await fetch(`${server.url}/?embed=1`);
    const policy = csp(res);
    expect(policy.get('frame-ancestors')).toBe(`'self' ${site} https://clinic.example`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(policy.get('connect-src')).toBe("'self' wss://chat.clinic.example");
    expect(policy.get('img-src')).toBe("'self' data: blob: https://cdn.clinic.example");
    const html = await res.text();
    expect(html).toContain('<h1>Bay &lt;Physio&gt; &amp; &quot;Co&quot;</h1>');
    expect(html).not.toContain('<Physio>');
    expect(html).toContain('--primary: #1d4ed8; --accent: #db2777;');
    expect(html).toContain('<body class="embed">');
    expect(html).toContain('"clinicName":"Bay \\u003cPhysio> & \\"Co\\""');
  });

  it('hands Web Chat a wss streamUrl on the public origin', async () => {
    const c = await startConversation(server.url);
    expect(c.streamUrl).toMatch(/^wss:\/\/chat\.clinic\.example\/v3\/directline\/conversations\//);
  });

  it('puts the allowed sites in the widget script', async () => {
    const js = await (await fetch(`${server.url}/widget.js`)).text();
    expect(js).toContain(`"allowedOrigins":["${site}","https://clinic.example"]`);
    expect(js).toContain('"primary":"#1d4ed8"');
  });

  it('answers CORS preflights and requests from allowed sites only', async () => {
    const pre = await fetch(`${server.url}/v3/directline/conversations`, {
      method: 'OPTIONS',
      headers: { origin: site, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(site);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const other = await fetch(`${server.url}/v3/directline/conversations`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const token = await call(server.url, '/api/webchat/token', { method: 'POST', body: {}, headers: { origin: site } });
    expect(token.status).toBe(200);
    expect((await call(server.url, '/api/webchat/token', { method: 'POST', body: {}, headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('config keys for the web chat', () => {
  const fails = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('parses ALLOWED_ORIGINS and PUBLIC_URL, and has no default secret', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: 'https://a.example https://b.example:8443/', PUBLIC_URL: 'https://chat.example/' });
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(config.publicUrl).toBe('https://chat.example');
    expect(config.directLineSecret).toBeUndefined();
    expect(loadConfig({}).allowedOrigins).toEqual([]);
  });

  it('stops with one line naming a bad key', () => {
    expect(fails({ ALLOWED_ORIGINS: 'https://ok.example, www.clinic.example' })).toBe(
      'ALLOWED_ORIGINS: "www.clinic.example" is not an origin like https://www.example.com.au (scheme and host, no path)',
    );
    expect(fails({ ALLOWED_ORIGINS: 'https://clinic.example/book' })).toMatch(/^ALLOWED_ORIGINS: /);
    expect(fails({ PUBLIC_URL: 'https://chat.example/bot' })).toMatch(/^PUBLIC_URL: must be the origin/);
    expect(fails({ DIRECTLINE_SECRET: 'short' })).toMatch(/^DIRECTLINE_SECRET: must be at least 32 characters/);
  });
});
