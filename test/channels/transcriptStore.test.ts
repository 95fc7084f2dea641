// The Direct Line transcript on both databases: numbering under concurrency (on PGlite concurrent
// appends go as one statement), unknown conversations, and forgetting.
import { afterAll, describe, expect, it } from 'vitest';
import { ConversationNotFound, TranscriptStore } from '../../src/channels/directline/transcriptStore.js';
import { openPglite, openPostgres, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { dropSchemas, pgUrl, postgresGate, schemaName } from '../support/postgres.js';

const runPostgres = postgresGate('Direct Line transcript tests on PostgreSQL', 'test/channels/transcriptStore.test.ts');
const schemas = new Set<string>();
afterAll(async () => {
  if (runPostgres) await dropSchemas(schemas);
});

const backends: Array<[string, () => Promise<Database>, boolean]> = [
  ['PGlite', () => openPglite(null), true],
  [
    'PostgreSQL',
    () => {
      const schema = schemaName('test_transcript');
      schemas.add(schema);
      return openPostgres(pgUrl, { schema });
    },
    runPostgres,
  ],
];

describe('transcript on PGlite', () => {
  it('appends to different conversations that queue up together go as one statement', async () => {
    const db = await openPglite(null);
    try {
      await migrate(db);
      const sent: string[] = [];
      const store = new TranscriptStore({ ...db, query: (sql, params, options) => (sent.push(sql), db.query(sql, params, options)) });
      for (const id of ['a', 'b', 'c']) await store.ensure(id);
      const before = sent.length;
      expect(await Promise.all(['a', 'b', 'c'].map((id) => store.append(id, { text: id })))).toEqual([1, 1, 1]);
      expect(sent.length - before).toBe(1);
    } finally {
      await db.close();
    }
  });
});

describe.each(backends)('transcript on %s', (_name, open, enabled) => {
  it.skipIf(!enabled)('numbers each conversation 1, 2, 3… however appends interleave, and refuses unknown ones', async () => {
    const db = await open();
    try {
      await migrate(db);
      const store = new TranscriptStore(db);
      const ids = Array.from({ length: 12 }, (_, i) => `conv${String(i).padStart(2, '0')}`);
      for (const id of ids) await store.ensure(id);
      // Twelve conversations appending at once, five activities each, one after another per conversation.
      await Promise.all(ids.map(async (id) => {
        for (let n = 1; n <= 5; n++) expect(await store.append(id, { text: `${id} #${n}` })).toBe(n);
      }));
      const unknown = store.append('nobody', { text: 'x' });
      const known = store.append(ids[0]!, { text: 'after' });
      await expect(unknown).rejects.toBeInstanceOf(ConversationNotFound);
      expect(await known).toBe(6);
      for (const id of ids.slice(1)) {
        expect((await store.after(id, 0, 10)).map((a) => [a.seq, a.activity['text']])).toEqual([1, 2, 3, 4, 5].map((n) => [n, `${id} #${n}`]));
      }
      await store.forgetThrough(ids[0]!, 5);
      expect((await store.after(ids[0]!, 0, 10)).map((a) => a.seq)).toEqual([6]);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!enabled)('an activity the database refuses fails alone; appends queued with it are stored once', async () => {
    const db = await open();
    try {
      await migrate(db);
      const store = new TranscriptStore(db);
      for (const id of ['a', 'b', 'c']) await store.ensure(id);
      await store.append('a', { text: 'first' });
      // Conversation ids come from the server's own tokens; only a bug could send this, and it must not fail other patients' posts.
      const results = await Promise.allSettled([store.append('a\u0000', { text: 'x' }), store.append('b', { text: 'b1' }), store.append('c', { text: 'c1' })]);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'refused'))).toEqual(['refused', 1, 1]);
      expect((await store.after('a', 0, 10)).map((a) => a.activity['text'])).toEqual(['first']);
      expect(await store.append('b', { text: 'b2' })).toBe(2);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!enabled)('an activity holding what jsonb refuses (U+0000, half an emoji) is stored cleaned, not refused', async () => {
    const db = await open();
    try {
      await migrate(db);
      const store = new TranscriptStore(db);
      await store.ensure('a');
      // The bot's own replies are not cleaned at the door: one quoting a cut message must still be stored.
      expect(await store.append('a', { text: 'You said "ne\u0000ck \ud83d"' })).toBe(1);
      expect((await store.after('a', 0, 10)).map((a) => a.activity['text'])).toEqual(['You said "neck \ufffd"']);
    } finally {
      await db.close();
    }
  });
});
