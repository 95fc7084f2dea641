// Shared by the scale tests: the PostgreSQL gate (mandatory in CI, skipped locally with a message,
// as in test/store/postgres.test.ts), throwaway schemas, and an in-process turn runner.
import { randomBytes } from 'node:crypto';
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse, type Storage } from 'botbuilder';
import pg from 'pg';
import { it } from 'vitest';
import type { IntakeBot } from '../../src/bot/intakeBot.js';

export const pgUrl = process.env.TEST_DATABASE_URL ?? '';
const inCi = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/** Call at the top of a test file; returns true when the PostgreSQL tests should run. */
export function postgresGate(what: string, file: string): boolean {
  if (!pgUrl && inCi) {
    it('TEST_DATABASE_URL must be set in CI', () => {
      throw new Error(`TEST_DATABASE_URL must be set in CI for ${what} (e.g. postgres://postgres@127.0.0.1:5432/test)`);
    });
  } else if (!pgUrl) {
    console.warn(
      `Skipping ${what}: set TEST_DATABASE_URL to run them, e.g.\n` +
        `  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run ${file}`,
    );
  }
  return pgUrl !== '';
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh schema in TEST_DATABASE_URL's database; drop it with the returned function. */
export async function throwawaySchema(prefix: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE SCHEMA ${schema}`);
  return { schema, drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

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
