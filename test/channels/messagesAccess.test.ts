// POST /api/messages is a Bot Framework channel endpoint, not a way into Web Chat conversations:
// the attack from issue 14 (channelId "directline" + a patient's conversation id + expectReplies)
// replayed against a real server, and who may call it anonymously, and where replies may go.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress, isLoopbackUrl } from '../../src/channels/messagesAccess.js';
import type { RunningServer } from '../../src/server/createServer.js';
import { activities, lastPromptStep, postActivity, startConversation } from '../support/directline.js';
import { post, startTestServer } from '../support/server.js';

describe('POST /api/messages and the conversations this server runs itself', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('never reads, rewinds or erases a Web Chat intake through channelId "directline"', async () => {
    const chat = await startConversation(server.url);
    for (const text of ['hi', 'yes', 'neck']) await postActivity(server.url, chat.conversationId, chat.token, { text });
    const before = (await activities(server.url, chat.conversationId, chat.token)).body['activities'];
    expect(lastPromptStep(before)).toBe('spread');

    for (const channelId of ['directline', 'DirectLine', 'DIRECTLINE']) {
      for (const text of ['summary', 'back', 'delete my data']) {
        const attempt = await post(server.url, chat.conversationId, { channelId, text });
        expect(attempt.status, `${channelId} ${text}`).toBe(403);
        expect(attempt.body).toMatch(/ChannelNotAccepted/);
      }
    }
    // A channel id with a slash could spell another channel's state key: refused as malformed.
    const [head, tail] = [chat.conversationId.slice(0, 8), chat.conversationId.slice(8)];
    expect((await post(server.url, tail, { channelId: `directline/${head}`, text: 'back' })).status).toBe(400);

    // The patient's intake is where it was: the next answer moves it on as if nothing happened.
    const reply = await postActivity(server.url, chat.conversationId, chat.token, { text: 'no' });
    expect(reply.status).toBe(200);
    expect(lastPromptStep((await activities(server.url, chat.conversationId, chat.token)).body['activities'])).toBe('duration');
  });

  it('answers anonymous requests relayed by a proxy (X-Forwarded-For, Forwarded) with 401', async () => {
    for (const header of [['x-forwarded-for', '203.0.113.9'], ['forwarded', 'for=203.0.113.9'], ['x-real-ip', '203.0.113.9']] as const) {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header[0]]: header[1] },
        body: JSON.stringify({ type: 'message', channelId: 'emulator', conversation: { id: 'remote-1' }, deliveryMode: 'expectReplies', text: 'hi' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/ALLOW_ANONYMOUS_BOT_FRAMEWORK/);
    }
  });

  describe('serviceUrl of anonymous requests', () => {
    let receiver: Server;
    let received: Array<{ url: string; body: Record<string, unknown> }>;
    let receiverUrl: string;
    beforeAll(async () => {
      received = [];
      receiver = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          received.push({ url: req.url ?? '', body: JSON.parse(body || '{}') as Record<string, unknown> });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"1"}');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('refuses one that is not on this machine, before any reply is sent anywhere', async () => {
      for (const serviceUrl of ['http://203.0.113.9/v3', 'https://example.com:443/hook', 'http://0.0.0.0:1/', 'file:///etc/passwd', 'http://127.0.0.1.example.com/']) {
        const res = await post(server.url, 'ssrf-1', { serviceUrl, deliveryMode: undefined, text: 'hi' });
        expect(res.status, serviceUrl).toBe(400);
        expect(res.body, serviceUrl).toMatch(/serviceUrl/);
      }
    });

    it('sends replies to one on this machine, as the Emulator expects', async () => {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', channelId: 'emulator', serviceUrl: receiverUrl, conversation: { id: 'emulator-1' }, from: { id: 'me' }, text: 'hi' }),
      });
      expect(res.status).toBe(200);
      await expect.poll(() => received.filter((r) => r.url.includes('/v3/conversations/emulator-1/activities')).length).toBeGreaterThan(0);
    });
  });
});

describe('ALLOW_ANONYMOUS_BOT_FRAMEWORK=true', () => {
  it('answers anonymous requests from elsewhere, still never for a channel served here', { timeout: 90_000 }, async () => {
    const server = await startTestServer({ ALLOW_ANONYMOUS_BOT_FRAMEWORK: 'true' });
    try {
      const body = (channelId: string) => JSON.stringify({ type: 'message', channelId, conversation: { id: 'remote-2' }, deliveryMode: 'expectReplies', text: 'hi' });
      const headers = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' };
      expect((await fetch(`${server.url}/api/messages`, { method: 'POST', headers, body: body('emulator') })).status).toBe(200);
      expect((await fetch(`${server.url}/api/messages`, { method: 'POST', headers, body: body('directline') })).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('what counts as this machine', () => {
  it('loopback addresses, in every spelling Node reports', () => {
    for (const a of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of [undefined, '', '10.0.0.5', '::ffff:192.168.1.2', '0.0.0.0', '::', 'fe80::1']) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });

  it('loopback URLs', () => {
    for (const u of ['http://localhost:3979/', 'http://127.0.0.1:1', 'http://[::1]:9000/x', 'https://127.1/']) expect(isLoopbackUrl(u), u).toBe(true);
    for (const u of ['http://localhost.example.com/', 'ftp://127.0.0.1/', 'http://10.0.0.1/', 'not a url', 'http://[::ffff:a00:1]/']) expect(isLoopbackUrl(u), u).toBe(false);
  });
});
