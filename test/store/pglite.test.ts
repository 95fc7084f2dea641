import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { SqlStorage } from '../../src/store/sqlStorage.js';
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

async function storageOn(dataDir: string | null) {
  const db = await openPglite(dataDir);
  await migrate(db);
  return { storage: new SqlStorage(db), close: () => db.close() };
}

describeStorageConformance('PGlite in memory', () => storageOn(null));
describeStorageConformance('PGlite in a temp dir', async () => storageOn(await tempDir()));
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
});
