/**
 * Runs the store suites on real PostgreSQL, each database handle in its own random schema (dropped after).
 * Needs TEST_DATABASE_URL; skipped locally without it, but a hard failure in CI so it cannot silently vanish.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../src/store/database.js';
import { migrate, type Migration } from '../../src/store/migrations.js';
import { SqlStorage } from '../../src/store/sqlStorage.js';
import { describeStorageConformance } from './storageConformance.js';
import { describeSqlStore } from './sqlStoreCases.js';
import { dropSchemas, pgUrl, postgresGate, schemaName } from '../support/postgres.js';

const url = pgUrl;
const run = postgresGate('PostgreSQL store tests', 'test/store');

const schemas = new Set<string>();
function freshSchema(): string {
  const schema = schemaName('test_store');
  schemas.add(schema);
  return schema;
}
afterAll(async () => {
  if (run) await dropSchemas(schemas);
});

describe.skipIf(!run)('PostgreSQL (TEST_DATABASE_URL)', () => {
  describeStorageConformance('Postgres', async () => {
    const db = await openPostgres(url, { schema: freshSchema() });
    await migrate(db);
    return { storage: new SqlStorage(db), close: () => db.close() };
  });

  describeSqlStore('Postgres', () => openPostgres(url, { schema: freshSchema() }));

  it('two runners starting at once both succeed and each migration is applied exactly once', async () => {
    const schema = freshSchema();
    // No IF NOT EXISTS and a pause: if both runners applied version 2, the second CREATE TABLE would fail.
    const list: Migration[] = [
      { version: 1, name: 'one', sql: 'CREATE TABLE m_one (id int)' },
      { version: 2, name: 'slow', sql: 'SELECT pg_sleep(0.3); CREATE TABLE m_slow (id int)' },
    ];
    const [a, b]: Database[] = await Promise.all([openPostgres(url, { schema }), openPostgres(url, { schema })]);
    try {
      const [ra, rb] = await Promise.all([migrate(a!, list), migrate(b!, list)]);
      expect([...ra.applied, ...rb.applied].sort()).toEqual([1, 2]);
      expect(ra.current).toBe(2);
      expect(rb.current).toBe(2);
      const { rows } = await a!.query<{ n: string }>('SELECT count(*)::text AS n FROM schema_migrations');
      expect(rows[0]?.n).toBe('2');
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });

  it('the schema option isolates tables via search_path', async () => {
    const db = await openPostgres(url, { schema: freshSchema() });
    try {
      const { rows } = await db.query<{ s: string }>('SELECT current_schema() AS s');
      expect(rows[0]?.s).toMatch(/^test_store_/);
      await expect(openPostgres(url, { schema: 'bad; drop' })).rejects.toThrow(/invalid schema name/);
    } finally {
      await db.close();
    }
  });
});
