// /api/messages checks the fields botbuilder and the bot read before a turn runs, and runs one
// conversation's turns one at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/createServer.js';
import { TURN_ERROR_TEXT } from '../../src/server/turnError.js';
import { lastStep, post, startTestServer } from '../support/server.js';

describe('activities on /api/messages', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers malformed conversationUpdate, messageReaction and invoke activities with a 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ type: 'conversationUpdate', membersAdded: 'x' }, /^membersAdded: /],
      [{ type: 'conversationUpdate', membersAdded: [null] }, /^membersAdded\.0: /],
      [{ type: 'conversationUpdate', membersRemoved: [{ name: 'no id' }] }, /^membersRemoved\.0\.id: /],
      [{ type: 'messageReaction', reactionsAdded: 'x' }, /^reactionsAdded: /],
      [{ type: 'invoke' }, /^name: /],
      [{ type: 'invoke', name: 'adaptiveCard/action' }, /^value: /],
      [{ type: 'invoke', name: 'adaptiveCard/action', value: {} }, /^value: /],
      [{ type: 'invoke', name: 'adaptiveCard/action', value: { action: 'x' } }, /^value\.action: /],
      [{ type: 'message', text: 5 }, /^text: /],
      [{ type: 'message', entities: 'x' }, /^entities: /],
      [{ type: 'message', attachments: [{}] }, /^attachments\.0\.contentType: /],
    ];
    for (const [activity, message] of cases) {
      const { status, body } = await post(server.url, 'malformed', activity);
      expect(status, JSON.stringify(activity)).toBe(400);
      expect(JSON.parse(body as string), JSON.stringify(activity)).toEqual({ error: { code: 'BadActivity', message: expect.stringMatching(message) } });
    }
  });

  it('still greets on a well-formed conversationUpdate and answers other invokes as not implemented', async () => {
    const greeted = await post(server.url, 'well-formed', { type: 'conversationUpdate', membersAdded: [{ id: 'patient' }], recipient: { id: 'bot' } });
    expect(greeted.status).toBe(200);
    expect(lastStep(greeted.activities)).toBe('consent');
    const invoked = await post(server.url, 'well-formed', { type: 'invoke', name: 'something/else', value: { a: 1 } });
    expect(invoked.status).toBe(200);
    expect(invoked.activities).toEqual([expect.objectContaining({ type: 'invokeResponse', value: { status: 501 } })]);
  });

  it('answers 20 different answers sent at once to one conversation, in order, without an apology', async () => {
    await post(server.url, 'burst', { text: 'hi' });
    await post(server.url, 'burst', { text: 'yes' });
    const answers = ['neck', 'no', '3 weeks', 'lifting', '5', '7', 'some', 'some', 'some', 'some', 'none of these', 'none', 'yes', 'no', 'maybe', 'back', 'help', 'neck', 'left', 'ok'];
    const replies = await Promise.all(answers.map((text) => post(server.url, 'burst', { text })));
    expect(replies.map((r) => r.status)).toEqual(answers.map(() => 200));
    const texts = replies.flatMap((r) => r.activities.map((a) => String(a['text'] ?? '')));
    expect(texts.filter((t) => t === TURN_ERROR_TEXT)).toEqual([]);
    // The first answer was taken at the location question, as a patient typing it would be.
    expect(lastStep(replies[0]!.activities)).not.toBe('location');
  });
});
