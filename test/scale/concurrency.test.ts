// Two turns of one conversation at once, in the bot itself: each turn loads the snapshot with its eTag,
// computes purely, saves with the eTag and only then replies; the loser of a race reloads and is
// recomputed on the winner's result. `lockstep` makes every race real: all racing turns have loaded
// before any saves. On PostgreSQL the two bots have separate connection pools, as two server
// instances would; PGlite (one connection, one process) runs the same cases.
import { afterAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Activity, Storage } from 'botbuilder';
import { EXAMPLE_CLINIC } from '../../dialogs/clinicProfile.js';
import { WORDS } from '../../dialogs/words.js';
import { ConversationStore } from '../../src/bot/conversationStore.js';
import { IntakeBot } from '../../src/bot/intakeBot.js';
import { openPglite, openPostgres, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { SqlStorage } from '../../src/store/sqlStorage.js';
import { pgUrl, postgresGate, throwawaySchema } from '../support/postgres.js';
import { lockstep, runTurn } from './support.js';

type Reply = Partial<Activity>;
const logger = pino({ level: 'silent' });
const clock = () => new Date('2026-03-02T10:00:00.000Z');

/** A bot whose intake ids start with `tag`, so the stored snapshot tells which instance created it. */
function botOn(storage: Storage, tag: string): IntakeBot {
  let n = 0;
  return new IntakeBot({ storage, clinic: EXAMPLE_CLINIC, logger, clock, newId: () => `${tag}-0000-4000-8000-${String(++n).padStart(12, '0')}` });
}

const messages = (replies: Reply[]) => replies.filter((r) => r.type === 'message');
const stepOf = (replies: Reply[]) => messages(replies).filter((r) => r.channelData?.intake).at(-1)?.channelData.intake as { step: string; subject?: string } | undefined;
const saysStale = (replies: Reply[]) => messages(replies).some((r) => r.text === WORDS.staleButton);
const buttonValue = (replies: Reply[], title: string) => {
  const action = messages(replies).at(-1)?.suggestedActions?.actions.find((a) => a.title === title);
  if (!action) throw new Error(`no button "${title}"`);
  return { text: action.text as string, value: action.value };
};

interface Instances {
  /** The storages two server instances would have (two pools on Postgres; one PGlite shared). */
  storages: [Storage, Storage];
  close(): Promise<void>;
}

function describeConcurrency(name: string, open: () => Promise<Instances>): void {
  describe(`concurrent turns of one conversation: ${name}`, () => {
    let instances: Instances | undefined;
    let conversation = 0;
    const storages = async () => (instances ??= await open()).storages;
    afterAll(async () => instances?.close());

    /** Plays the setup turns one at a time on instance A and returns the conversation id and last replies. */
    async function reach(turns: string[]): Promise<{ id: string; last: Reply[] }> {
      const [a] = await storages();
      const bot = botOn(a, 'aaaaaaaa');
      const id = `${name}-${++conversation}-${Date.now()}`;
      let last: Reply[] = [];
      for (const text of turns) last = await runTurn(bot, id, { text });
      return { id, last };
    }

    /** n bots, alternating between the two instances' storages, whose first loads are held in lockstep. */
    async function racers(n: number, options: { createOnly?: boolean } = {}): Promise<IntakeBot[]> {
      const [a, b] = await storages();
      const gate = lockstep(n);
      return Array.from({ length: n }, (_, i) => botOn(gate.wrap(i % 2 === 0 ? a : b, options), i % 2 === 0 ? 'aaaaaaaa' : 'bbbbbbbb'));
    }

    async function stored(id: string): Promise<{ state: string; context: Record<string, any> } | null> {
      const [a] = await storages();
      const { snapshot } = await new ConversationStore(a).load(ConversationStore.key('test', id));
      return snapshot as { state: string; context: Record<string, any> } | null;
    }

    it('a double-tapped consent (both first saves of the conversation at once): one creates it, the other is recomputed on it', async () => {
      const { id, last } = await reach(['hi']);
      const tap = buttonValue(last, 'Yes, I agree');
      const [onA, onB] = await racers(2);
      const [ra, rb] = await Promise.all([runTurn(onA!, id, tap), runTurn(onB!, id, tap)]);
      expect(stepOf(ra)?.step).toBe('location');
      expect(stepOf(rb)?.step).toBe('location');
      // Exactly one turn applied the consent; the other found the conversation already created.
      expect([saysStale(ra), saysStale(rb)].sort()).toEqual([false, true]);
      const winner = saysStale(ra) ? 'bbbbbbbb' : 'aaaaaaaa';
      const snapshot = await stored(id);
      expect(snapshot?.state).toBe('location');
      expect(snapshot?.context['intakeId']).toMatch(new RegExp(`^${winner}-`));
    });

    it('without create-only writes the same race silently overwrites the first save (why the fix exists)', async () => {
      const { id, last } = await reach(['hi']);
      const tap = buttonValue(last, 'Yes, I agree');
      const [onA, onB] = await racers(2, { createOnly: false });
      const [ra, rb] = await Promise.all([runTurn(onA!, id, tap), runTurn(onB!, id, tap)]);
      // Both believe they created the intake; one of them was overwritten by the other.
      expect([saysStale(ra), saysStale(rb)]).toEqual([false, false]);
    });

    it('a double-tapped button mid-intake: applied once, the second tap gets "earlier question" and the current one', async () => {
      const { id, last } = await reach(['hi', 'yes', 'lower back', 'no']);
      expect(stepOf(last)?.step).toBe('duration');
      const tap = buttonValue(last, '1 to 2 weeks');
      const [onA, onB] = await racers(2);
      const [ra, rb] = await Promise.all([runTurn(onA!, id, tap), runTurn(onB!, id, tap)]);
      expect([saysStale(ra), saysStale(rb)].sort()).toEqual([false, true]);
      expect(stepOf(ra)?.step).toBe('cause');
      expect(stepOf(rb)?.step).toBe('cause');
      const snapshot = await stored(id);
      expect(snapshot?.state).toBe('cause');
      expect(snapshot?.context['duration']).toMatchObject({ weeks: 1.5 });
    });

    it('two different answers typed at once are both kept: the second is interpreted at the next question', async () => {
      const { id, last } = await reach(['hi', 'yes', 'lower back', 'no', '3 weeks', 'lifting', '6', '8']);
      expect(stepOf(last)).toMatchObject({ step: 'movement', subject: 'bending_forward' });
      const [onA, onB] = await racers(2);
      const [ra, rb] = await Promise.all([runTurn(onA!, id, { text: 'some' }), runTurn(onB!, id, { text: 'a lot' })]);
      for (const r of [ra, rb]) expect(stepOf(r)?.step).toBe('movement');
      const snapshot = await stored(id);
      expect(snapshot?.context['movementIndex']).toBe(2);
      expect(Object.values(snapshot?.context['movementAnswers'] ?? {}).sort()).toEqual(['a_lot', 'some']);
    });

    it('a burst of five answers at once: every one is applied within the bounded retries', async () => {
      const { id, last } = await reach(['hi', 'yes', 'lower back', 'no', '3 weeks', 'lifting', '6', '8']);
      expect(stepOf(last)?.step).toBe('movement');
      const answers = ['some', 'a lot', 'none', 'unable', 'some'];
      const codes = ['some', 'a_lot', 'none', 'unable', 'some'];
      const bots = await racers(answers.length);
      const replies = await Promise.all(bots.map((bot, i) => runTurn(bot, id, { text: answers[i]! })));
      for (const r of replies) expect(messages(r).length).toBeGreaterThan(0);
      const snapshot = await stored(id);
      // lower back has five movement questions: all answered, none lost, and the flow moved on.
      expect(Object.values(snapshot?.context['movementAnswers'] ?? {}).sort()).toEqual(codes.sort());
      expect(snapshot?.state).toBe('redFlags');
    });

    it('a turn that keeps losing gives up after its bounded retries and sends nothing but typing', async () => {
      const { id } = await reach(['hi', 'yes']);
      const [a] = await storages();
      let writes = 0;
      const alwaysLoses: Storage = {
        read: (keys) => a.read(keys),
        write: async () => {
          writes++;
          throw new Error('Storage: error writing "x" due to eTag conflict.');
        },
        delete: (keys) => a.delete(keys),
      };
      const bot = botOn(alwaysLoses, 'cccccccc');
      const replies: Reply[] = [];
      await expect(runTurn(bot, id, { text: 'neck' }, replies)).rejects.toThrow(/eTag conflict/);
      expect(writes).toBe(5);
      expect(replies.map((r) => r.type)).toEqual(['typing']);
      expect((await stored(id))?.state).toBe('location');
    });
  });
}

describeConcurrency('PGlite', async () => {
  const db = await openPglite(null);
  await migrate(db);
  const storage = new SqlStorage(db);
  return { storages: [storage, storage], close: () => db.close() };
});

if (postgresGate('the PostgreSQL concurrency tests', 'test/scale/concurrency.test.ts')) {
  describeConcurrency('PostgreSQL, two instances', async () => {
    const { schema, drop } = await throwawaySchema('test_scale');
    const dbs: Database[] = [await openPostgres(pgUrl, { schema }), await openPostgres(pgUrl, { schema })];
    await migrate(dbs[0]!);
    return {
      storages: [new SqlStorage(dbs[0]!), new SqlStorage(dbs[1]!)],
      close: async () => {
        await Promise.all(dbs.map((d) => d.close()));
        await drop();
      },
    };
  });
}
