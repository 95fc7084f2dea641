/**
 * Backend-agnostic checks of the pieces beyond the Storage contract: the Database wrapper,
 * the migration runner and SqlStorage's extras. Shared by the PGlite and Postgres test files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { migrations } from '../../src/store/migrations/index.js';
import { SqlStorage } from '../../src/store/sqlStorage.js';

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

    it('a corrupt row raises a clear error instead of returning garbage', async () => {
      await db.query("INSERT INTO bot_state (key, doc, etag) VALUES ('corrupt/1', '[1,2]', 1), ('corrupt/2', 'null', 1)");
      const storage = new SqlStorage(db);
      await expect(storage.read(['corrupt/1'])).rejects.toThrow(/corrupt bot_state row for "corrupt\/1"/);
      await expect(storage.read(['corrupt/2'])).rejects.toThrow(/not a JSON object/);
    });
  });
}
