// Two server processes (`npm start`'s entry point) on different ports, one PostgreSQL database: the
// deployment of a clinic group behind a load balancer. Each test file gets a throwaway schema, which
// both servers select through DATABASE_URL itself: `?options=-c%20search_path%3D<schema>` is libpq's
// `options` parameter, which node-postgres passes to the server at connect time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { WORDS } from '../../dialogs/words.js';
import { patient, press, type ReplyActivity } from '../../bench/patients.js';
import { withSchema } from '../../bench/servers.js';
import { post, startChild, type Child } from '../support/server.js';
import { pgUrl, postgresGate, throwawaySchema } from '../support/postgres.js';

const run = postgresGate('the multi-instance tests', 'test/scale/multiInstance.test.ts');

describe.skipIf(!run)('two instances on one PostgreSQL', () => {
  let servers: Child[] = [];
  let schema = '';
  let drop = async () => {};

  beforeAll(async () => {
    ({ schema, drop } = await throwawaySchema('test_multi'));
    // debug: the bot logs each retry after a lost race, which the burst test counts.
    const env = { DATABASE_URL: withSchema(pgUrl, schema), LOG_LEVEL: 'debug' };
    // One after the other: both run the migrations, which queue on an advisory lock anyway.
    servers = [await startChild(env), await startChild(env)];
  }, 90_000);

  afterAll(async () => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.process.exitCode !== null) return resolve();
            s.process.once('exit', () => resolve());
            s.process.kill('SIGTERM');
          }),
      ),
    );
    await drop();
  });

  async function turn(instance: number, id: string, input: { text?: string; value?: unknown }): Promise<ReplyActivity[]> {
    const res = await post(servers[instance % 2]!.url, id, input);
    expect(res.status, `HTTP ${res.status}: ${typeof res.body === 'string' ? res.body : ''}`).toBe(200);
    return res.activities.filter((a) => a['type'] === 'message') as ReplyActivity[];
  }
  const stepOf = (replies: ReplyActivity[]) => replies.filter((r) => r.channelData?.intake).at(-1)?.channelData?.intake?.step;
  const stale = (replies: ReplyActivity[]) => replies.some((r) => r.text === WORDS.staleButton);

  it('the servers really are two processes on one schema', async () => {
    expect(new Set(servers.map((s) => s.url)).size).toBe(2);
    const client = new pg.Client({ connectionString: withSchema(pgUrl, schema) });
    await client.connect();
    try {
      const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('bot_state')::text AS t");
      expect(rows[0]?.t).toBe('bot_state');
    } finally {
      await client.end();
    }
  });

  it('a conversation whose turns alternate between the instances completes with the right summary', async () => {
    const p = patient(`alternate-${Date.now()}`, { textOnly: true });
    let i = 0;
    for (let next = p.next(); next; next = p.next()) p.receive(await turn(i++, p.id, next));
    expect(p.failure).toBeUndefined();
    expect(p.completed).toBe(true);
    expect(p.steps.at(-1)).toBe('done');
    expect(p.summary).toMatchObject({
      painAreas: [{ region: 'lower_back', side: 'centre', primary: true }],
      spreadsTo: [],
      duration: { weeks: 3, category: 'acute', text: '3 weeks' },
      causes: ['strain'],
      intensity: { now: 6, worst: 8 },
      flags: [],
      triage: 'routine',
    });
    expect(p.summary?.['movementLimits']).toEqual(
      ['bending_forward', 'sitting', 'lifting', 'sit_to_stand', 'walking'].map((movement) => ({ movement, difficulty: 'some' })),
    );
    expect(p.summary?.['completedAt']).toEqual(expect.any(String));
  });

  it('50 conversations with bursts of simultaneous turns on both instances lose no answer', async () => {
    const movementAnswers = [['some', 'a lot'], ['unable', 'none'], ['some']];
    const expected = ['some', 'a_lot', 'unable', 'none', 'some'].sort();

    async function conversation(n: number) {
      const id = `burst-${n}-${Date.now()}`;
      let k = n; // alternate instances, starting on either
      let replies = await turn(k++, id, { text: 'hi' });
      let staleNotes = 0;
      // A double tap: the same button reaches both instances at once.
      const doubleTap = async (title: string) => {
        const tap = press(replies, title);
        if (!tap) throw new Error(`no button "${title}" at ${stepOf(replies)}`);
        const both = await Promise.all([turn(0, id, tap), turn(1, id, tap)]);
        staleNotes += both.filter(stale).length;
        expect(both.map(stepOf)[0]).toBe(both.map(stepOf)[1]);
        return both[0]!;
      };
      replies = await doubleTap('Yes, I agree');
      expect(stepOf(replies)).toBe('location');
      for (const text of ['lower back', 'no']) replies = await turn(k++, id, { text });
      replies = await doubleTap('1 to 2 weeks');
      expect(stepOf(replies)).toBe('cause');
      for (const text of ['lifting', '6', '8']) replies = await turn(k++, id, { text });
      // Different typed answers at once: each must land on its own movement question.
      for (const burst of movementAnswers) {
        expect(stepOf(replies)).toBe('movement');
        const all = await Promise.all(burst.map((text, j) => turn(k + j, id, { text })));
        k += burst.length;
        replies = all.at(-1)!;
      }
      for (const text of ['none of these', 'none']) replies = await turn(k++, id, { text });
      expect(stepOf(replies)).toBe('summary');
      replies = await turn(k++, id, { text: 'yes' });
      replies = await turn(k++, id, { text: 'no thanks' });
      expect(stepOf(replies)).toBe('done');
      const summary = replies.at(-1)?.channelData?.intake?.summary as Record<string, any>;
      expect(summary['duration']).toMatchObject({ weeks: 1.5 });
      expect(summary['movementLimits'].map((m: { difficulty: string }) => m.difficulty).sort()).toEqual(expected);
      // Each double tap was applied exactly once; the other tap was told it was for an earlier question.
      expect(staleNotes).toBe(2);
      for (const r of replies) expect(r.text ?? '').not.toMatch(/something went wrong/i);
      return id;
    }

    // Ten at a time: two servers and the test share two cores.
    const ids: string[] = [];
    for (let start = 0; start < 50; start += 10) {
      ids.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => conversation(start + i)))));
    }
    const client = new pg.Client({ connectionString: withSchema(pgUrl, schema) });
    await client.connect();
    try {
      const { rows } = await client.query<{ state: string; n: number }>(
        "SELECT doc->'snapshot'->>'state' AS state, count(*)::int AS n FROM bot_state WHERE key = ANY($1::text[]) GROUP BY 1",
        [ids.map((id) => `intake/test/${id}`)],
      );
      expect(rows).toEqual([{ state: 'done', n: 50 }]);
    } finally {
      await client.end();
    }
    // The races really happened (turns lost a save and were recomputed), on both instances together.
    const retries = servers.map((s) => (s.output().match(/concurrent turn on the same conversation; retrying/g) ?? []).length);
    expect(retries[0]! + retries[1]!).toBeGreaterThan(0);
  }, 120_000);
});
