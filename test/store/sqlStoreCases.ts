/**
 * Backend-agnostic checks of the pieces beyond the Storage contract: the Database wrapper,
 * the migration runner and SqlStorage's extras. Shared by the PGlite and Postgres test files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { migrations } from '../../src/store/migrations/index.js';
import { CREATE_ONLY_ETAG, SqlStorage } from '../../src/store/sqlStorage.js';

export function describeSqlStore(name: string, openDb: () => Promise<Database>): void {
  describe(`SQL store: ${name}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await openDb();
      await migrate(db);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('migrate is idempotent and records each version once', async () => {
      const again = await migrate(db);
      expect(again.applied).toEqual([]);
      expect(again.current).toBe(migrations.at(-1)?.version);
      const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
    });

    it('rejects duplicate migration versions before touching the database', async () => {
      const dup = [
        { version: 900, name: 'a', sql: 'SELECT 1' },
        { version: 900, name: 'b', sql: 'SELECT 1' },
      ];
      await expect(migrate(db, dup)).rejects.toThrow(/duplicate migration version 900/);
    });

    it('a failing migration is rolled back and not recorded', async () => {
      const bad = [{ version: 901, name: 'bad', sql: 'CREATE TABLE half_done (id int); SELECT no_such_fn();' }];
      await expect(migrate(db, bad)).rejects.toThrow();
      const { rows } = await db.query("SELECT 1 FROM schema_migrations WHERE version = 901");
      expect(rows).toEqual([]);
      const t = await db.query<{ t: string | null }>("SELECT to_regclass('half_done')::text AS t");
      expect(t.rows[0]?.t).toBeNull();
    });

    it('transaction rolls back when the callback throws', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO bot_state (key, doc, etag) VALUES ('tx/rollback', '{}', 1)");
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await db.query("SELECT 1 FROM bot_state WHERE key = 'tx/rollback'")).rows).toEqual([]);
    });

    it('a query from outside never sees a transaction half-way', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const tx = db.transaction(async (t) => {
        await t.query("INSERT INTO bot_state (key, doc, etag) VALUES ('tx/iso', '{}', 1)");
        await gate;
        throw new Error('undo');
      });
      await new Promise((r) => setTimeout(r, 20));
      const outside = db.query("SELECT 1 FROM bot_state WHERE key = 'tx/iso'");
      release();
      await expect(tx).rejects.toThrow('undo');
      expect((await outside).rows).toEqual([]);
    });

    it('deleteByPrefix removes only keys under the prefix, treating % and _ literally', async () => {
      const storage = new SqlStorage(db);
      const keys = ['web/conv_1/user', 'web/conv_1/conversation', 'web/conv_12/user', 'web/convX1/user', 'web/conv%/x'];
      await storage.write(Object.fromEntries(keys.map((key) => [key, { key }])));
      expect(await storage.deleteByPrefix('web/conv_1/')).toBe(2);
      expect(await storage.deleteByPrefix('web/conv%')).toBe(1);
      expect(Object.keys(await storage.read(keys)).sort()).toEqual(['web/conv_12/user', 'web/convX1/user'].sort());
      await expect(storage.deleteByPrefix('')).rejects.toThrow(/must not be empty/);
    });

    it('a create-only write creates a missing key, and conflicts (changing nothing) when it exists', async () => {
      const storage = new SqlStorage(db);
      expect(storage.createOnlyETag).toBe(CREATE_ONLY_ETAG);
      await storage.write({ 'create/a': { v: 1, eTag: CREATE_ONLY_ETAG } });
      const created = (await storage.read(['create/a']))['create/a']!;
      expect(created).toEqual({ v: 1, eTag: expect.stringMatching(/^[0-9]+$/) });
      await expect(storage.write({ 'create/a': { v: 2, eTag: CREATE_ONLY_ETAG } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read(['create/a']))['create/a']).toEqual(created);
      // Deleted keys can be created again; ordinary writes are unaffected.
      await storage.delete(['create/a']);
      await storage.write({ 'create/a': { v: 3, eTag: CREATE_ONLY_ETAG } });
      const again = (await storage.read(['create/a']))['create/a']!;
      await storage.write({ 'create/a': { v: 4, eTag: again.eTag } });
      expect((await storage.read(['create/a']))['create/a']?.v).toBe(4);
    });

    it('10 concurrent create-only writers of one key: exactly one creates it, the rest conflict', async () => {
      const storage = new SqlStorage(db);
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => storage.write({ 'create/race': { winner: i, eTag: CREATE_ONLY_ETAG } })));
      const ok = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(ok).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/eTag conflict/);
      expect((await storage.read(['create/race']))['create/race']?.winner).toBe(ok[0]);
    });

    it('a create-only conflict rolls back the whole batch', async () => {
      const storage = new SqlStorage(db);
      await storage.write({ 'create/batch-b': { v: 1 } });
      await expect(
        storage.write({ 'create/batch-a': { v: 1, eTag: CREATE_ONLY_ETAG }, 'create/batch-b': { v: 2, eTag: CREATE_ONLY_ETAG } }),
      ).rejects.toThrow(/eTag conflict/);
      expect(Object.keys(await storage.read(['create/batch-a', 'create/batch-b']))).toEqual(['create/batch-b']);
    });

    it('a document holding what jsonb refuses (U+0000, half an emoji) is saved cleaned, not refused', async () => {
      const storage = new SqlStorage(db);
      await storage.write({ 'unstorable/1': { said: 'ne\u0000ck \ud83d', words: ['\udc00ok'] } });
      const { said, words } = (await storage.read(['unstorable/1']))['unstorable/1']!;
      expect({ said, words }).toEqual({ said: 'neck \ufffd', words: ['\ufffdok'] });
    });

    it('a corrupt row raises a clear error instead of returning garbage', async () => {
      await db.query("INSERT INTO bot_state (key, doc, etag) VALUES ('corrupt/1', '[1,2]', 1), ('corrupt/2', 'null', 1)");
      const storage = new SqlStorage(db);
      await expect(storage.read(['corrupt/1'])).rejects.toThrow(/corrupt bot_state row for "corrupt\/1"/);
      await expect(storage.read(['corrupt/2'])).rejects.toThrow(/not a JSON object/);
    });
  });
}
