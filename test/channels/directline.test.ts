// The self-hosted Direct Line 3.0 endpoint over real HTTP and WebSocket: every route, token scope,
// expiry and refresh, watermark paging, the stream, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenSigner } from '../../src/channels/directline/tokens.js';
import type { RunningServer } from '../../src/server/createServer.js';
import { activities, call, lastPromptStep, openStream, postActivity, startConversation, upgradeStatus, type Json } from '../support/directline.js';
import { startTestServer } from '../support/server.js';

const SECRET = 'test-directline-secret-0123456789abcdef';

describe('Direct Line 3.0', () => {
  let server: RunningServer;
  let url: string;
  const signer = new TokenSigner(SECRET);

  beforeAll(async () => {
    server = await startTestServer({ DIRECTLINE_SECRET: SECRET });
    url = server.url;
  });
  afterAll(async () => {
    await server.close();
  });

  describe('starting and tokens', () => {
    it('starts the conversation a page token is for, with a token, expires_in and a ws streamUrl', async () => {
      const minted = await call(url, '/api/webchat/token', { method: 'POST', body: {} });
      expect(minted.status).toBe(200);
      expect(minted.body).toEqual({ conversationId: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), token: expect.any(String), expires_in: 1800, resumed: false });
      const started = await call(url, '/v3/directline/conversations', { method: 'POST', token: minted.body['token'], body: { user: { id: 'u1' }, locale: 'en-AU' } });
      expect(started.status).toBe(201);
      expect(started.body).toEqual({
        conversationId: minted.body['conversationId'],
        token: expect.any(String),
        expires_in: 1800,
        streamUrl: expect.stringMatching(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${minted.body['conversationId']}/stream\\?watermark=&t=`)),
      });
      // Starting again with the same token is idempotent.
      const again = await call(url, '/v3/directline/conversations', { method: 'POST', token: minted.body['token'] });
      expect(again.status).toBe(200);
      expect(again.body['conversationId']).toBe(minted.body['conversationId']);
    });

    it('generates tokens with the secret only, and each opens only its own new conversation', async () => {
      const generated = await call(url, '/v3/directline/tokens/generate', { method: 'POST', token: SECRET, body: { user: { id: 'x' } } });
      expect(generated.status).toBe(200);
      expect(generated.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
      const withToken = await call(url, '/v3/directline/tokens/generate', { method: 'POST', token: generated.body['token'] });
      expect(withToken.status).toBe(403);
      const anonymous = await call(url, '/v3/directline/tokens/generate', { method: 'POST' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
    });

    it('starts a new conversation with the secret (server-side clients)', async () => {
      const started = await call(url, '/v3/directline/conversations', { method: 'POST', token: SECRET });
      expect(started.status).toBe(201);
      const posted = await postActivity(url, started.body['conversationId'], SECRET, { text: 'hi' });
      expect(posted.status).toBe(200);
    });

    it('refreshes a token: a new one for the same conversation that works', async () => {
      const c = await startConversation(url);
      const refreshed = await call(url, '/v3/directline/tokens/refresh', { method: 'POST', token: c.token });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toEqual({ conversationId: c.conversationId, token: expect.any(String), expires_in: 1800 });
      const list = await activities(url, c.conversationId, refreshed.body['token']);
      expect(list.status).toBe(200);
      expect((await call(url, '/v3/directline/tokens/refresh', { method: 'POST', token: SECRET })).status).toBe(403);
    });

    it('refuses an expired token with 403 TokenExpired everywhere, including refresh', async () => {
      const c = await startConversation(url);
      const expired = signer.signPayload({ cid: c.conversationId, scope: 'conversation', exp: Math.floor(Date.now() / 1000) - 1 });
      for (const res of [
        await activities(url, c.conversationId, expired),
        await postActivity(url, c.conversationId, expired, { text: 'hi' }),
        await call(url, `/v3/directline/conversations/${c.conversationId}`, { token: expired }),
        await call(url, '/v3/directline/tokens/refresh', { method: 'POST', token: expired }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ error: { code: 'TokenExpired', message: 'The token has expired.' } });
      }
    });

    it('refuses forged tokens: a changed payload, another key, garbage', async () => {
      const c = await startConversation(url);
      const [prefix, , sig] = c.token.split('.');
      const otherPayload = Buffer.from(JSON.stringify({ cid: c.conversationId, scope: 'conversation', exp: 4102444800 })).toString('base64url');
      const forged = [`${prefix}.${otherPayload}.${sig}`, new TokenSigner('another-secret-of-at-least-32-chars!!').sign(c.conversationId), 'not-a-token', `${c.token}x`];
      for (const token of forged) {
        const res = await activities(url, c.conversationId, token);
        expect(res.status).toBe(403);
        expect(res.body['error'].code).toBe('Forbidden');
      }
    });

    it('binds a token to its conversation: a token for A gets 403 on B', async () => {
      const a = await startConversation(url);
      const b = await startConversation(url);
      expect((await activities(url, b.conversationId, a.token)).status).toBe(403);
      expect((await postActivity(url, b.conversationId, a.token, { text: 'hi' })).status).toBe(403);
      expect((await call(url, `/v3/directline/conversations/${b.conversationId}`, { token: a.token })).status).toBe(403);
      // Nothing reached B.
      expect((await activities(url, b.conversationId, b.token)).body['activities']).toEqual([]);
    });

    it('does not accept a stream token on the REST routes', async () => {
      const c = await startConversation(url);
      const streamToken = new URL(c.streamUrl).searchParams.get('t')!;
      expect((await activities(url, c.conversationId, streamToken)).status).toBe(403);
    });
  });

  describe('activities', () => {
    it('echoes the patient activity with its id and clientActivityID, then the bot replies', async () => {
      const c = await startConversation(url);
      const join = await postActivity(url, c.conversationId, c.token, { type: 'event', name: 'webchat/join', value: {} });
      expect(join.status).toBe(200);
      const posted = await postActivity(url, c.conversationId, c.token, { text: 'yes', channelData: { clientActivityID: 'abc-123' } });
      expect(posted.status).toBe(200);
      expect(posted.body).toEqual({ id: expect.stringMatching(new RegExp(`^${c.conversationId}\\|\\d{7}$`)) });
      const list = (await activities(url, c.conversationId, c.token)).body['activities'] as Json[];
      const echo = list.find((a) => a['id'] === posted.body['id'])!;
      expect(echo).toMatchObject({
        type: 'message',
        text: 'yes',
        channelId: 'directline',
        conversation: { id: c.conversationId },
        from: { id: 'patient-1', role: 'user' },
        channelData: { clientActivityID: 'abc-123' },
      });
      const replies = list.filter((a) => a['replyToId'] === posted.body['id']);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((a) => a['from'].role === 'bot')).toBe(true);
      expect(lastPromptStep(list)).toBe('location');
      // Typing indicators are live only, never stored.
      expect(list.some((a) => a['type'] === 'typing')).toBe(false);
    });

    it('pages by watermark: only newer activities, and the watermark to continue from', async () => {
      const c = await startConversation(url);
      await postActivity(url, c.conversationId, c.token, { text: 'yes' });
      const first = await activities(url, c.conversationId, c.token);
      const all = first.body['activities'] as Json[];
      const watermark = first.body['watermark'] as string;
      expect(all.length).toBeGreaterThan(1);
      expect(all.map((a) => Number(String(a['id']).split('|')[1]))).toEqual(all.map((_, i) => i + 1));
      expect(Number(watermark)).toBe(all.length);
      expect((await activities(url, c.conversationId, c.token, watermark)).body).toEqual({ activities: [], watermark });
      await postActivity(url, c.conversationId, c.token, { text: 'neck' });
      const next = await activities(url, c.conversationId, c.token, watermark);
      expect((next.body['activities'] as Json[])[0]).toMatchObject({ text: 'neck', from: { role: 'user' } });
      expect(Number(next.body['watermark'])).toBeGreaterThan(Number(watermark));
      const middle = await activities(url, c.conversationId, c.token, 1);
      expect((middle.body['activities'] as Json[]).map((a) => a['id'])).toEqual([...all.slice(1), ...(next.body['activities'] as Json[])].map((a) => a['id']));
    });

    it('returns at most 100 activities per page and the rest from the next watermark', async () => {
      const c = await startConversation(url);
      await postActivity(url, c.conversationId, c.token, { text: 'yes' });
      // Each unclear answer stores the message and a re-ask (two activities or more).
      for (let i = 0; i < 55; i++) await postActivity(url, c.conversationId, c.token, { text: 'hmm' });
      const page1 = await activities(url, c.conversationId, c.token);
      expect(page1.body['activities']).toHaveLength(100);
      expect(page1.body['watermark']).toBe('100');
      const page2 = await activities(url, c.conversationId, c.token, page1.body['watermark']);
      expect((page2.body['activities'] as Json[]).length).toBeGreaterThan(0);
      expect((page2.body['activities'] as Json[])[0]!['id']).toBe(`${c.conversationId}|0000101`);
    });

    it('keeps none of the patient words when they decline (nothing stored before or without consent)', async () => {
      const c = await startConversation(url);
      await postActivity(url, c.conversationId, c.token, { type: 'event', name: 'webchat/join' });
      await postActivity(url, c.conversationId, c.token, { text: 'my neck is killing me' });
      await postActivity(url, c.conversationId, c.token, { text: 'no thanks' });
      const list = (await activities(url, c.conversationId, c.token)).body['activities'] as Json[];
      expect(list.some((a) => a['from'].role === 'user')).toBe(false);
      expect(list.map((a) => a['text']).join(' ')).not.toMatch(/neck/);
      expect(lastPromptStep(list)).toBe('declined');
    });

    it('forgets the transcript on "delete my data" but keeps the confirmation', async () => {
      const c = await startConversation(url);
      await postActivity(url, c.conversationId, c.token, { text: 'yes' });
      await postActivity(url, c.conversationId, c.token, { text: 'lower back' });
      await postActivity(url, c.conversationId, c.token, { text: 'delete my data' });
      const list = (await activities(url, c.conversationId, c.token)).body['activities'] as Json[];
      expect(list.map((a) => a['text']).join(' ')).not.toMatch(/lower back/i);
      expect(list.at(-1)!['text']).toMatch(/deleted/);
    });

    it('runs turns of one conversation in order, even when posted at once', async () => {
      const c = await startConversation(url);
      await postActivity(url, c.conversationId, c.token, { text: 'yes' });
      const results = await Promise.all(['neck', 'no'].map((text) => postActivity(url, c.conversationId, c.token, { text })));
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const list = (await activities(url, c.conversationId, c.token)).body['activities'] as Json[];
      const order = list.map((a) => `${a['from'].role}:${a['text'] ?? ''}`.slice(0, 12));
      const neck = order.indexOf('user:neck');
      const no = order.indexOf('user:no');
      expect(neck).toBeGreaterThan(-1);
      // The replies to "neck" come before the patient's "no".
      expect(order.slice(neck + 1, no).some((o) => o.startsWith('bot:'))).toBe(true);
    });
  });

  describe('reconnect and the WebSocket stream', () => {
    it('reconnects: GET the conversation gives a fresh token and a streamUrl from the watermark', async () => {
      const c = await startConversation(url);
      await postActivity(url, c.conversationId, c.token, { text: 'hi' });
      const res = await call(url, `/v3/directline/conversations/${c.conversationId}?watermark=2`, { token: c.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ conversationId: c.conversationId, token: expect.any(String), expires_in: 1800, streamUrl: expect.stringContaining('watermark=2&t=') });
    });

    it('streams the history from the watermark, then new activities live, with watermarks', async () => {
      const c = await startConversation(url);
      await postActivity(url, c.conversationId, c.token, { type: 'event', name: 'webchat/join' });
      const stream = await openStream(c.streamUrl);
      try {
        await stream.until((list) => lastPromptStep(list) === 'consent');
        const posted = await postActivity(url, c.conversationId, c.token, { text: 'yes', channelData: { clientActivityID: 'live-1' } });
        const list = await stream.until((l) => lastPromptStep(l) === 'location');
        expect(list.find((a) => a['id'] === posted.body['id'])).toMatchObject({ channelData: { clientActivityID: 'live-1' }, from: { role: 'user' } });
        // Watermarks rise one activity at a time; typing has none and is never a gap.
        const marks = stream.messages.filter((m) => m['watermark']).map((m) => Number(m['watermark']));
        expect(marks).toEqual([...marks].sort((a, b) => a - b));
        expect(stream.activities().some((a) => a['type'] === 'typing')).toBe(true);
      } finally {
        await stream.close();
      }
      // A second socket from a watermark gets only what came after it.
      const again = await call(url, `/v3/directline/conversations/${c.conversationId}?watermark=2`, { token: c.token });
      const later = await openStream(again.body['streamUrl']);
      try {
        const list = await later.until((l) => lastPromptStep(l) === 'location');
        expect(Number(String(list[0]!['id']).split('|')[1])).toBe(3);
      } finally {
        await later.close();
      }
    });

    it('refuses a stream with a token for another conversation, an expired or a REST token', async () => {
      const a = await startConversation(url);
      const b = await startConversation(url);
      const streamOfA = new URL(a.streamUrl);
      const onB = a.streamUrl.replace(a.conversationId, b.conversationId);
      expect(await upgradeStatus(onB)).toBe(403);
      const expired = new URL(a.streamUrl);
      expired.searchParams.set('t', signer.signPayload({ cid: a.conversationId, scope: 'stream', exp: Math.floor(Date.now() / 1000) - 1 }));
      expect(await upgradeStatus(expired.toString())).toBe(403);
      const rest = new URL(a.streamUrl);
      rest.searchParams.set('t', a.token);
      expect(await upgradeStatus(rest.toString())).toBe(403);
      streamOfA.searchParams.delete('t');
      expect(await upgradeStatus(streamOfA.toString())).toBe(403);
      expect(await upgradeStatus(a.streamUrl.replace('/stream', '/elsewhere'))).toBe(404);
    });
  });

  describe('bad input', () => {
    it('answers an unknown conversation with 404 (given the secret) and 403 (given another token)', async () => {
      const unknown = 'AAAAAAAAAAAAAAAAAAAAAAAA';
      const res = await activities(url, unknown, SECRET);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NotFound', message: 'Unknown conversation.' } });
      expect((await postActivity(url, unknown, SECRET, { text: 'hi' })).status).toBe(404);
      expect((await postActivity(url, unknown, SECRET, { type: 'typing' })).status).toBe(404);
      expect((await call(url, `/v3/directline/conversations/${unknown}`, { token: SECRET })).status).toBe(404);
      // A token that was minted but never started.
      const minted = await call(url, '/api/webchat/token', { method: 'POST', body: {} });
      expect((await activities(url, minted.body['conversationId'], minted.body['token'])).status).toBe(404);
    });

    it('refuses bad JSON, a wrong content type, a missing body and an oversize activity, with no stack trace', async () => {
      const c = await startConversation(url);
      const path = `/v3/directline/conversations/${c.conversationId}/activities`;
      const bad = await call(url, path, { method: 'POST', token: c.token, body: '{"type": "message", ' });
      expect(bad).toEqual({ status: 400, body: { error: { code: 'BadArgument', message: 'The body is not valid JSON.' } } });
      const text = await call(url, path, { method: 'POST', token: c.token, body: 'hello', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      expect(text.body['error'].code).toBe('UnsupportedMediaType');
      const empty = await call(url, path, { method: 'POST', token: c.token });
      expect(empty.status).toBe(400);
      const big = await postActivity(url, c.conversationId, c.token, { text: 'a'.repeat(70 * 1024) });
      expect(big.status).toBe(413);
      expect(big.body['error'].code).toBe('MessageSizeTooBig');
      for (const r of [bad, text, empty, big]) expect(JSON.stringify(r.body)).not.toMatch(/\bat \w+ \(/);
      // The conversation is unharmed.
      expect((await postActivity(url, c.conversationId, c.token, { text: 'hi' })).status).toBe(200);
    });

    it('names what is wrong with an activity', async () => {
      const c = await startConversation(url);
      const wrongType = await postActivity(url, c.conversationId, c.token, { type: 'conversationUpdate' });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body['error'].message).toMatch(/^type:/);
      const upload = await postActivity(url, c.conversationId, c.token, { attachments: [{ contentType: 'image/png', contentUrl: 'http://x' }] });
      expect(upload.status).toBe(400);
      expect(upload.body['error'].message).toMatch(/attachments/);
      const notObject = await call(url, `/v3/directline/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: '[1,2]' });
      expect(notObject.status).toBe(400);
      const uploadRoute = await call(url, `/v3/directline/conversations/${c.conversationId}/upload`, { method: 'POST', token: c.token, body: {} });
      expect(uploadRoute.status).toBe(400);
      // Cleaned, then checked: a sender id that was only a NUL is empty, not an empty id shared by all.
      const nulSender = await postActivity(url, c.conversationId, c.token, { from: { id: '\u0000' } });
      expect([nulSender.status, nulSender.body['error'].message]).toEqual([400, expect.stringMatching(/^from\.id: /)]);
      const deep = `{"type":"message","value":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      const tooDeep = await call(url, `/v3/directline/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: deep });
      expect(tooDeep).toEqual({ status: 400, body: { error: { code: 'BadArgument', message: 'The body nests deeper than 64 levels.' } } });
    });

    it('refuses a bad watermark and a missing or malformed Authorization header', async () => {
      const c = await startConversation(url);
      expect((await activities(url, c.conversationId, c.token, 'abc')).status).toBe(400);
      expect((await activities(url, c.conversationId, c.token, '-1')).status).toBe(400);
      expect((await call(url, `/v3/directline/conversations/${c.conversationId}/activities`)).status).toBe(401);
      expect((await call(url, `/v3/directline/conversations/${c.conversationId}/activities`, { headers: { authorization: `Basic ${c.token}` } })).status).toBe(401);
    });

    it('keeps what a patient wrote when it holds what the database cannot (U+0000, half an emoji)', async () => {
      const c = await startConversation(url);
      await postActivity(url, c.conversationId, c.token, { type: 'event', name: 'webchat/join', value: {} });
      await postActivity(url, c.conversationId, c.token, { text: 'yes' });
      // A client that cut "neck 😀" at a length limit leaves the emoji's first half; another sent a NUL.
      const posted = await postActivity(url, c.conversationId, c.token, { text: 'ne\u0000ck \ud83d', channelData: { 'note\u0000': 'x\udc00' } });
      expect(posted.status).toBe(200);
      const list = (await activities(url, c.conversationId, c.token)).body['activities'] as Json[];
      expect(list.find((a) => a['id'] === posted.body['id'])).toMatchObject({ text: 'neck \ufffd', channelData: { note: 'x\ufffd' } });
      expect(lastPromptStep(list)).toBe('spread');
    });

    it('accepts a typing activity without storing it', async () => {
      const c = await startConversation(url);
      const typing = await postActivity(url, c.conversationId, c.token, { type: 'typing' });
      expect(typing.status).toBe(200);
      expect((await activities(url, c.conversationId, c.token)).body['activities']).toEqual([]);
    });
  });
});
