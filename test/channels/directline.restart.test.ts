// A Web Chat conversation survives the server: tokens, transcript and watermarks live in the database,
// and the Direct Line secret the server generated at its first start is the one it uses after a restart.
import { describe, expect, it } from 'vitest';
import { activities, call, lastPromptStep, openStream, postActivity, startConversation, type Json } from '../support/directline.js';
import { startChild, tempDir } from '../support/server.js';

async function stop(child: Awaited<ReturnType<typeof startChild>>, signal: NodeJS.Signals): Promise<number | null> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return child.process.exitCode;
  const exited = new Promise<number | null>((r) => child.process.once('exit', (code) => r(code)));
  child.process.kill(signal);
  return exited;
}

describe('Direct Line across a server restart', () => {
  it('reconnects to the same conversation with its history after the server is killed and started again', { timeout: 90_000 }, async () => {
    const DATA_DIR = await tempDir();
    const first = await startChild({ DATA_DIR, LOG_LEVEL: 'warn' });
    let second: Awaited<ReturnType<typeof startChild>> | undefined;
    try {
      // Generated once, said once, never printed (test/channels/directlineSecret.test.ts compares the stored one).
      expect(first.output()).toMatch(/generated one and stored it in the database/);
      expect(first.output()).not.toMatch(/[A-Za-z0-9_-]{40,}/);
      const c = await startConversation(first.url);
      await postActivity(first.url, c.conversationId, c.token, { type: 'event', name: 'webchat/join' });
      await postActivity(first.url, c.conversationId, c.token, { text: 'yes' });
      await postActivity(first.url, c.conversationId, c.token, { text: 'neck' });
      const before = (await activities(first.url, c.conversationId, c.token)).body;
      expect(lastPromptStep(before['activities'])).toBe('spread');

      // An open WebSocket is cut when the process dies.
      const stream = await openStream(c.streamUrl);
      await stream.until((l) => lastPromptStep(l) === 'spread');
      const closed = new Promise<number>((r) => stream.ws.once('close', (code) => r(code)));
      await stop(first, 'SIGKILL');
      expect(await closed).toBeGreaterThan(0);

      second = await startChild({ DATA_DIR, LOG_LEVEL: 'warn' });
      expect(second.output()).not.toMatch(/generated one/);
      // What Web Chat does on reconnect: GET the conversation from its watermark with the token it held.
      const reconnect = await call(second.url, `/v3/directline/conversations/${c.conversationId}?watermark=${before['watermark']}`, { token: c.token });
      expect(reconnect.status).toBe(200);
      expect(reconnect.body['streamUrl']).toContain(`watermark=${before['watermark']}`);
      const history = (await activities(second.url, c.conversationId, reconnect.body['token'])).body;
      expect(history['activities'].map((a: Json) => a['id'])).toEqual(before['activities'].map((a: Json) => a['id']));

      const resumed = await openStream(reconnect.body['streamUrl']);
      try {
        const posted = await postActivity(second.url, c.conversationId, reconnect.body['token'], { text: 'no' });
        expect(posted.body['id']).toBe(`${c.conversationId}|${String(Number(before['watermark']) + 1).padStart(7, '0')}`);
        const live = await resumed.until((l) => lastPromptStep(l) === 'duration');
        // Only what came after the watermark, nothing twice.
        expect(live[0]!['id']).toBe(posted.body['id']);
      } finally {
        await resumed.close();
      }
      // The page's token endpoint resumes it too (a reload after the restart).
      const page = await call(second.url, '/api/webchat/token', { method: 'POST', body: { token: c.token } });
      expect(page.body).toMatchObject({ conversationId: c.conversationId, resumed: true });
    } finally {
      await stop(first, 'SIGKILL');
      if (second) await stop(second, 'SIGKILL');
    }
  });

  it('shuts down promptly on SIGTERM with Web Chat sockets open (they are told "going away")', { timeout: 90_000 }, async () => {
    const child = await startChild({ DATA_DIR: await tempDir(), LOG_LEVEL: 'warn' });
    try {
      const c = await startConversation(child.url);
      const stream = await openStream(c.streamUrl);
      const closed = new Promise<number>((r) => stream.ws.once('close', (code) => r(code)));
      const started = Date.now();
      const code = await stop(child, 'SIGTERM');
      expect(code).toBe(0);
      expect(await closed).toBe(1001);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await stop(child, 'SIGKILL');
    }
  });
});
