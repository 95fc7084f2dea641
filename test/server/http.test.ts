// The real restify server on an ephemeral port, spoken to over HTTP with expectReplies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/createServer.js';
import { lastStep, post, runToExit, startChild, startTestServer, tempDir } from '../support/server.js';

describe('POST /api/messages (anonymous, expectReplies)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a message with the replies in the body', async () => {
    const { status, activities } = await post(server.url, 'conv-1', { text: 'hi' });
    expect(status).toBe(200);
    expect(lastStep(activities)).toBe('consent');
    // All replies come back at once, so a typing indicator among them would mean nothing.
    expect(activities.map((a) => a['type'])).toEqual(activities.map(() => 'message'));
  });

  it('GET /healthz reports the database', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('rejects malformed JSON with a 400 and no stack trace', async () => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message", ' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/\bat \w+ \(/);
  });

  it('rejects a body that is not JSON with a 415', async () => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
  });

  it('names the missing field', async () => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi' }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BadActivity', message: expect.stringMatching(/channelId/) } });
  });

  it('answers a 1 MB message with a kind re-ask and keeps the conversation', async () => {
    await post(server.url, 'conv-big', { text: 'hi' });
    await post(server.url, 'conv-big', { text: 'yes' });
    const big = await post(server.url, 'conv-big', { text: 'a'.repeat(1024 * 1024) });
    expect(big.status).toBe(200);
    expect(big.activities.map((a) => a['text']).join(' ')).toMatch(/too long/);
    const next = await post(server.url, 'conv-big', { text: 'neck' });
    expect(lastStep(next.activities)).toBe('spread');
  });

  it('refuses a body over the limit with a 413', async () => {
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 't', conversation: { id: 'x' }, deliveryMode: 'expectReplies', text: 'a'.repeat(3 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it('ignores unknown activity types without an error', async () => {
    const { status, activities } = await post(server.url, 'conv-odd', { type: 'somethingNew', text: 'hi' });
    expect(status).toBe(200);
    expect(activities).toEqual([]);
  });

  it('carries on with what a patient wrote when it holds what the database cannot (U+0000, half an emoji)', async () => {
    await post(server.url, 'conv-nul', { text: 'hi' });
    await post(server.url, 'conv-nul', { text: 'yes' });
    const { status, activities } = await post(server.url, 'conv-nul', { text: 'ne\u0000ck \ud83d' });
    expect(status).toBe(200);
    expect(lastStep(activities)).toBe('spread');
    expect(activities.map((a) => a['text']).join(' ')).not.toMatch(/went wrong/);
  });

  it('carries on when the words it keeps (300 units) would end in half an emoji', async () => {
    await post(server.url, 'conv-cut', { text: 'hi' });
    await post(server.url, 'conv-cut', { text: 'yes' });
    const { status, activities } = await post(server.url, 'conv-cut', { text: `neck ${'a'.repeat(294)}\u{1F600}` });
    expect(status).toBe(200);
    expect(lastStep(activities)).toBe('spread');
    expect(activities.map((a) => a['text']).join(' ')).not.toMatch(/went wrong/);
  });

  it('refuses an id that is only what the database cannot hold, instead of sharing an empty one', async () => {
    const { status, body } = await post(server.url, '\u0000', { text: 'hi' });
    expect(status).toBe(400);
    expect(JSON.parse(body as string)).toEqual({ error: { code: 'BadActivity', message: expect.stringMatching(/^conversation\.id: /) } });
  });

  it('refuses a body nested thousands deep with a 400 that says so (walking it would overflow the stack)', async () => {
    const deep = `{"type":"message","channelId":"test","conversation":{"id":"conv-deep"},"deliveryMode":"expectReplies","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BadActivity', message: 'The body nests deeper than 64 levels.' } });
    expect((await post(server.url, 'conv-deep', { value: { a: { b: { c: [[[1]]] } } } })).status).toBe(200);
  });

  it('treats a value that is not an answer as a kind re-ask', async () => {
    await post(server.url, 'conv-val', { text: 'hi' });
    const { status, activities } = await post(server.url, 'conv-val', { value: { intake: { step: 'consent', answer: { evil: true } } } });
    expect(status).toBe(200);
    expect(lastStep(activities)).toBe('consent');
  });
});

describe('Bot Framework authentication', () => {
  it('requires a valid token when MicrosoftAppId is set', async () => {
    const server = await startTestServer({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' });
    try {
      const { status } = await post(server.url, 'conv-auth', { text: 'hi' });
      expect(status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('durability', () => {
  it('a patient carries on where they were after the server is killed and started again', { timeout: 90_000 }, async () => {
    const DATA_DIR = await tempDir();
    const first = await startChild({ DATA_DIR });
    await post(first.url, 'conv-kill', { text: 'hi' });
    await post(first.url, 'conv-kill', { text: 'yes' });
    await post(first.url, 'conv-kill', { text: 'neck' });
    const before = await post(first.url, 'conv-kill', { text: 'no' });
    expect(lastStep(before.activities)).toBe('duration');
    first.process.kill('SIGKILL');
    await new Promise((r) => first.process.once('exit', r));

    const second = await startChild({ DATA_DIR });
    try {
      const after = await post(second.url, 'conv-kill', { text: '2 weeks' });
      expect(lastStep(after.activities)).toBe('cause');
    } finally {
      second.process.kill('SIGTERM');
      const code = await new Promise((r) => second.process.once('exit', r));
      expect(code).toBe(0);
    }
  });
});

describe('start-up configuration', () => {
  it('stops with one line naming a bad key', async () => {
    const { code, output } = await runToExit({ PORT: 'abc', DATA_DIR: await tempDir() });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: PORT: /)]);
  });

  it('refuses a second server on the same data folder', { timeout: 90_000 }, async () => {
    const DATA_DIR = await tempDir();
    const first = await startChild({ DATA_DIR });
    try {
      const { code, output } = await runToExit({ DATA_DIR, PORT: '0' });
      expect(code).toBe(1);
      expect(output).toMatch(/DATA_DIR: .* is in use/);
    } finally {
      first.process.kill('SIGTERM');
      await new Promise((r) => first.process.once('exit', r));
    }
  });
});
