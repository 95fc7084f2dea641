// Every route that reads a body, fed what crashed or swelled restify's bodyParser: a gzip header on a
// body that is not gzip, a gzip bomb, and a stream past the limit. Each gets a 4xx and the server lives on.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/createServer.js';
import { startConversation } from '../support/directline.js';
import { startTestServer } from '../support/server.js';

const SECRET = 'd'.repeat(40);
const CLINIC_TOKEN = 'c'.repeat(32);

describe('request bodies on every route that reads one', () => {
  let server: RunningServer;
  let routes: Array<{ path: string; type: string; auth?: string; body: string }>;

  beforeAll(async () => {
    server = await startTestServer({ DIRECTLINE_SECRET: SECRET, CLINIC_API_TOKEN: CLINIC_TOKEN });
    const chat = await startConversation(server.url);
    const json = 'application/json';
    routes = [
      { path: '/api/messages', type: json, body: JSON.stringify({ type: 'message', channelId: 'test', conversation: { id: 'gz' }, deliveryMode: 'expectReplies', text: 'hi' }) },
      { path: '/clinic/login', type: 'application/x-www-form-urlencoded', body: `token=${CLINIC_TOKEN}` },
      { path: '/api/webchat/token', type: json, body: '{}' },
      { path: '/v3/directline/tokens/generate', type: json, auth: SECRET, body: '{}' },
      { path: '/v3/directline/conversations', type: json, auth: chat.token, body: '{}' },
      { path: `/v3/directline/conversations/${chat.conversationId}/activities`, type: json, auth: chat.token, body: JSON.stringify({ type: 'message', text: 'hi' }) },
    ];
  });
  afterAll(async () => {
    await server.close();
  });

  const send = (route: (typeof routes)[number], body: Uint8Array | string | ReadableStream, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${route.path}`, {
      method: 'POST',
      headers: { 'content-type': route.type, ...(route.auth ? { authorization: `Bearer ${route.auth}` } : {}), ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);

  const alive = async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

  it('answers 415 to a gzip header on a body that is not gzip, and keeps running', async () => {
    for (const route of routes) {
      const res = await send(route, 'this is not gzip', { 'content-encoding': 'gzip' });
      expect(res.status, route.path).toBe(415);
      expect(await res.text(), route.path).not.toMatch(/\bat \w+ \(|Z_DATA_ERROR/);
      await alive();
    }
  });

  it('answers 415 to a gzip bomb (16 MB of zeros in 16 KB) without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    for (const route of routes) {
      const res = await send(route, bomb, { 'content-encoding': 'gzip' });
      expect(res.status, route.path).toBe(415);
      await alive();
    }
  });

  it('answers 413 to a chunked body (no Content-Length) that streams past the limit', async () => {
    for (const route of routes) {
      let sent = 0;
      const endless = new ReadableStream({
        pull(controller) {
          // Stops on its own well past every limit (2 MB is the largest), in case a route read it all.
          if ((sent += 64 * 1024) > 4 * 1024 * 1024) return controller.close();
          controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        },
      });
      const status = await send(route, endless).then(
        (res) => res.status,
        () => 413, // the server may close the socket before the client finishes sending; that is a refusal too
      );
      expect(status, route.path).toBe(413);
      await alive();
    }
  });

  it('still reads the plain bodies', async () => {
    for (const route of routes) {
      const res = await send(route, route.body);
      expect(res.status, route.path).toBeLessThan(400);
    }
  });
});
