/**
 * Versioned schema migrations, run at start-up. Applied versions are recorded in `schema_migrations`.
 * Each migration runs in its own transaction that first takes a transaction-scoped advisory lock, so two
 * processes starting together against one Postgres queue up: the second sees the version recorded and skips it.
 * The lock key includes current_schema() so test schemas in one database do not block each other.
 * PGlite is single-connection; the same SQL simply runs (the lock is uncontended there).
 */
import type { Database, Queryable } from './database.js';
import { migrations as allMigrations } from './migrations/index.js';

export interface Migration {
  /** Unique, increasing; also the file prefix (001_...). */
  version: number;
  name: string;
  /** One or more statements; runs inside the runner's transaction. */
  sql: string;
}

export interface MigrateResult {
  /** Versions this call applied (empty when the schema was already current). */
  applied: number[];
  /** Highest version recorded after the run. */
  current: number;
}

const LOCK = `SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':schema_migrations'))`;
// Created under the lock: concurrent CREATE TABLE IF NOT EXISTS can otherwise fail on Postgres's catalog index.
const ENSURE_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

export async function migrate(db: Database, list: readonly Migration[] = allMigrations): Promise<MigrateResult> {
  const ordered = checkList(list);
  const applied: number[] = [];
  for (const m of ordered) {
    const didApply = await db.transaction(async (tx) => {
      await lockAndEnsureTable(tx);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (seen.rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (didApply) applied.push(m.version);
  }
  const top = await db.transaction(async (tx) => {
    await lockAndEnsureTable(tx);
    return tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  });
  return { applied, current: top.rows[0]?.v ?? 0 };
}

async function lockAndEnsureTable(tx: Queryable): Promise<void> {
  await tx.query(LOCK);
  await tx.exec(ENSURE_TABLE);
}

function checkList(list: readonly Migration[]): Migration[] {
  const ordered = [...list].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1) throw new Error(`migration ${m.name}: bad version ${m.version}`);
    if (i > 0 && ordered[i - 1]?.version === m.version) throw new Error(`duplicate migration version ${m.version}`);
  });
  return ordered;
}
