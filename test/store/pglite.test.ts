import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { CREATE_ONLY_ETAG, SqlStorage, type SqlStorageOptions } from '../../src/store/sqlStorage.js';
import { describeStorageConformance } from './storageConformance.js';
import { describeSqlStore } from './sqlStoreCases.js';

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pglite-store-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function storageOn(dataDir: string | null, options: SqlStorageOptions = {}) {
  const db = await openPglite(dataDir);
  await migrate(db);
  return { storage: new SqlStorage(db, options), close: () => db.close() };
}

describeStorageConformance('PGlite in memory', () => storageOn(null));
describeStorageConformance('PGlite in a temp dir', async () => storageOn(await tempDir()));
// As the server runs it: recent documents kept in memory and writes grouped (this process is the only writer).
describeStorageConformance('PGlite with recent documents in memory', async () => storageOn(await tempDir(), { exclusiveCacheEntries: 8 }));
describeSqlStore('PGlite in memory', () => openPglite(null));

describe('PGlite specifics', () => {
  it('data survives closing and reopening the same directory (nested dir is created)', async () => {
    const dir = join(await tempDir(), 'nested', 'data');
    const first = await storageOn(dir);
    await first.storage.write({ 'web/c1/conversation': { step: 'pain', answers: { level: 6 } } });
    const written = (await first.storage.read(['web/c1/conversation']))['web/c1/conversation'];
    await first.close();

    const db = await openPglite(dir);
    expect((await migrate(db)).applied).toEqual([]);
    const again = (await new SqlStorage(db).read(['web/c1/conversation']))['web/c1/conversation'];
    await db.close();
    expect(again).toEqual(written);
  });

  it('using the Database instead of tx inside a transaction fails fast instead of deadlocking', async () => {
    const db = await openPglite(null);
    try {
      await expect(db.transaction(() => db.query('SELECT 1'))).rejects.toThrow(/use the tx argument/);
      await expect(db.transaction(() => db.transaction(async () => 1))).rejects.toThrow(/would deadlock/);
      // ...and the Database is usable again afterwards.
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  describe('recent documents in memory (the server runs PGlite this way)', () => {
    /** The real database, counting the statements the storage sends. */
    async function counted() {
      const db = await openPglite(null);
      await migrate(db);
      const sent: string[] = [];
      const counting: Database = { ...db, query: (sql, params, options) => (sent.push(sql), db.query(sql, params, options)) };
      return { db, sent, storage: new SqlStorage(counting, { exclusiveCacheEntries: 4 }) };
    }

    it('answers reads of what it wrote or read without asking the database, until forget()', async () => {
      const { db, sent, storage } = await counted();
      try {
        await storage.write({ a: { v: 1 } });
        const before = sent.length;
        expect((await storage.read(['a'])).a).toMatchObject({ v: 1 });
        expect(sent.length).toBe(before);
        // Other SQL changes the row (as the clinic's erasure does); only forget() makes the change visible.
        await db.query(`UPDATE bot_state SET doc = '{"v":2}' WHERE key = 'a'`);
        expect((await storage.read(['a'])).a).toMatchObject({ v: 1 });
        storage.forget(['a']);
        expect((await storage.read(['a'])).a).toMatchObject({ v: 2 });
        await db.query(`UPDATE bot_state SET doc = '{"v":3}' WHERE key = 'a'`);
        storage.forget();
        expect((await storage.read(['a'])).a).toMatchObject({ v: 3 });
        // A key read as missing is known to be missing (a new conversation's first turns)...
        expect(await storage.read(['new'])).toEqual({});
        const asked = sent.length;
        expect(await storage.read(['new'])).toEqual({});
        expect(sent.length).toBe(asked);
        // ...until this storage creates it.
        await storage.write({ new: { v: 1, eTag: CREATE_ONLY_ETAG } });
        expect((await storage.read(['new'])).new).toMatchObject({ v: 1 });
      } finally {
        await db.close();
      }
    });

    it('a stale copy cannot overwrite a newer row: the save conflicts and the next read asks the database', async () => {
      const { db, storage } = await counted();
      try {
        await storage.write({ a: { v: 1 } });
        const held = (await storage.read(['a'])).a!;
        // Another writer the storage does not know about (which the data-dir lock rules out in production).
        await db.query(`UPDATE bot_state SET doc = '{"v":9}', etag = nextval('bot_state_etag_seq') WHERE key = 'a'`);
        await expect(storage.write({ a: { ...held, v: 2 } })).rejects.toThrow(/eTag conflict/);
        expect((await storage.read(['a'])).a).toMatchObject({ v: 9 });
      } finally {
        await db.close();
      }
    });

    it('keeps only the most recently used keys', async () => {
      const { db, sent, storage } = await counted();
      try {
        await storage.write(Object.fromEntries(['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => [k, { k }])));
        const before = sent.length;
        await storage.read(['k2', 'k3', 'k4', 'k5']);
        expect(sent.length).toBe(before);
        expect((await storage.read(['k1'])).k1).toMatchObject({ k: 'k1' });
        expect(sent.length).toBe(before + 1);
      } finally {
        await db.close();
      }
    });

    it("another key's delete or forget while a first save is in flight does not hide the saved row", async () => {
      const { db, storage } = await counted();
      try {
        await storage.write({ other: { v: 0 } });
        // Both conversations read as new, so "absent" is what this storage holds for them.
        expect(await storage.read(['a', 'b'])).toEqual({});
        const saved = storage.write({ a: { v: 1, eTag: CREATE_ONLY_ETAG } });
        storage.forget(['other']);
        await saved;
        await Promise.all([storage.write({ b: { v: 1, eTag: CREATE_ONLY_ETAG } }), storage.delete(['other'])]);
        expect(await storage.read(['a', 'b', 'other'])).toMatchObject({ a: { v: 1 }, b: { v: 1 } });
        expect(await storage.read(['other'])).toEqual({});
      } finally {
        await db.close();
      }
    });

    it('writes that queue up together go as one statement, each with its own result', async () => {
      const { db, sent, storage } = await counted();
      try {
        await storage.write({ u1: { v: 0 }, u2: { v: 0 }, taken: { v: 0 } });
        const items = await storage.read(['u1', 'u2']);
        const before = sent.length;
        const results = await Promise.allSettled([
          storage.write({ u1: { v: 1, eTag: items.u1!.eTag } }),
          storage.write({ u2: { v: 1, eTag: items.u2!.eTag } }),
          storage.write({ u1: { v: 2, eTag: items.u1!.eTag } }), // same key, same eTag: must lose to the first
          storage.write({ n1: { v: 1, eTag: CREATE_ONLY_ETAG } }),
          storage.write({ n2: { v: 1, eTag: CREATE_ONLY_ETAG } }),
          storage.write({ taken: { v: 1, eTag: CREATE_ONLY_ETAG } }),
          storage.write({ o1: { v: 1 } }),
          storage.write({ o2: { v: 1, eTag: '*' } }),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
        // Updates, creates and overwrites in one statement, then the second write of u1 on its own.
        expect(sent.length - before).toBe(2);
        storage.forget();
        const stored = await storage.read(['u1', 'u2', 'n1', 'n2', 'taken', 'o1', 'o2']);
        expect(Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v.v]))).toEqual({ u1: 1, u2: 1, n1: 1, n2: 1, taken: 0, o1: 1, o2: 1 });
      } finally {
        await db.close();
      }
    });

    it('a document the database refuses fails its own write only; the others in its batch are written once', async () => {
      const { db, sent, storage } = await counted();
      try {
        await storage.write({ u: { v: 0 } });
        const eTag = (await storage.read(['u'])).u!.eTag;
        const before = sent.length;
        // text cannot hold U+0000; keys come from cleaned input, so only a bug could send one. It must not take others down.
        const results = await Promise.allSettled([
          storage.write({ u: { v: 1, eTag } }),
          storage.write({ 'b\u0000ad': { v: 1, eTag: CREATE_ONLY_ETAG } }),
          storage.write({ n: { v: 1, eTag: CREATE_ONLY_ETAG } }),
          storage.write({ o: { v: 1 } }),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
        // The batch, then each write on its own: had the batch written anything, the create of n would now conflict.
        expect(sent.length - before).toBe(5);
        storage.forget();
        const stored = await storage.read(['u', 'n', 'o']);
        expect(Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v.v]))).toEqual({ u: 1, n: 1, o: 1 });
      } finally {
        await db.close();
      }
    });
  });
});
