// Deleted rows are not deleted bytes. PostgreSQL marks a deleted row's tuple dead and leaves it in the
// table file until the space is reused, a plain VACUUM compacts pages without overwriting what was
// there, and the write-ahead log keeps the inserts until its segment is removed (and by default a
// used segment is renamed for reuse, contents intact). So after "delete my data", a retention purge
// or a staff deletion, the patient's words were still readable in the files under DATA_DIR.
//
// On PGlite (this process owns the folder) the tables that hold patient text are rewritten with
// VACUUM FULL (new files, the old ones unlinked), then the WAL is switched to a fresh segment and a
// checkpoint removes the old segments; PGlite is started with wal_recycle=off so they are deleted,
// not kept for reuse. On PostgreSQL the operator owns the files, backups and WAL archive (README).
import type { Database } from './database.js';

/** Every table a patient's words, name or contact details can be in. */
export const PATIENT_TABLES = ['bot_state', 'intakes', 'intake_outbox', 'directline_activities'] as const;

/** PGlite start options: a finished WAL segment is deleted at a checkpoint, not renamed for reuse. */
export const PGLITE_WAL_SETTINGS = ['-c', 'wal_recycle=off'];

/**
 * Removes the old versions of deleted rows from the database files and WAL. Blocks the (single)
 * PGlite connection while it runs (tens of milliseconds for a clinic's tables), so callers batch
 * deletions and run it later, not inside a patient's turn. Returns whether it did anything.
 */
export async function scrubDeletedRows(db: Database): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  await db.exec(`VACUUM FULL ${PATIENT_TABLES.join(', ')}`);
  await db.query('SELECT pg_switch_wal()');
  await db.exec('CHECKPOINT');
  return true;
}
