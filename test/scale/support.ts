// Shared by the scale tests: an in-process turn runner (PostgreSQL helpers are in test/support/postgres.ts).
import { randomBytes } from 'node:crypto';
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse, type Storage } from 'botbuilder';
import type { IntakeBot } from '../../src/bot/intakeBot.js';

/** Collects each turn's outgoing activities on the TurnContext, so concurrent turns don't mix replies. */
class CaptureAdapter extends BotAdapter {
  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    (context.turnState.get('replies') as Partial<Activity>[]).push(...activities);
    return activities.map((_, i) => ({ id: String(i) }));
  }
  async updateActivity(): Promise<void> {}
  async deleteActivity(): Promise<void> {}
  async continueConversation(_reference: Partial<ConversationReference>, _logic: (context: TurnContext) => Promise<void>): Promise<void> {}
}
const adapter = new CaptureAdapter();

/** Runs one message turn through `bot` and returns the activities it sent (typing included), also collected into `replies`. */
export async function runTurn(
  bot: IntakeBot,
  conversationId: string,
  input: { text?: string; value?: unknown },
  replies: Partial<Activity>[] = [],
): Promise<Partial<Activity>[]> {
  const context = new TurnContext(adapter, {
    type: 'message',
    id: randomBytes(4).toString('hex'),
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1',
    from: { id: 'patient', name: 'patient' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: conversationId, name: '', isGroup: false },
    ...input,
  } as Activity);
  context.turnState.set('replies', replies);
  await bot.run(context);
  return replies;
}

/**
 * Holds the first `n` reads (after they have read) until all `n` have arrived, so `n` concurrent turns
 * are guaranteed to load the same snapshot before any of them saves: the race, every time.
 */
export function lockstep(n: number) {
  let waiting = n;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return {
    wrap(storage: Storage, { createOnly = true } = {}): Storage {
      const wrapped: Storage & { createOnlyETag?: string } = {
        read: async (keys) => {
          const items = await storage.read(keys);
          if (waiting > 0) {
            if (--waiting === 0) release();
            await all;
          }
          return items;
        },
        write: (changes) => storage.write(changes),
        delete: (keys) => storage.delete(keys),
      };
      const eTag = (storage as { createOnlyETag?: string }).createOnlyETag;
      if (createOnly && eTag !== undefined) wrapped.createOnlyETag = eTag;
      return wrapped;
    },
  };
}
