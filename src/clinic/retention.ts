// Retention: intakes, their webhook events, tombstones and stored conversations older than
// INTAKE_RETENTION_DAYS are deleted for good. Receivers are not sent intake.deleted for these: they
// run their own retention. Safe to run on several instances at once (plain DELETEs).
import type { Database } from '../store/database.js';

export interface PurgeResult {
  intakes: number;
  conversations: number;
  events: number;
  tombstones: number;
}

export async function purgeExpired(db: Database, retentionDays: number): Promise<PurgeResult> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('purgeExpired: retentionDays must be a whole number of days, at least 1');
  const cutoff = `now() - ($1::int * interval '1 day')`;
  return db.transaction(async (tx) => {
    const gone = await tx.query<{ id: string }>(
      `WITH gone AS (DELETE FROM intakes WHERE recorded_at < ${cutoff} RETURNING intake_id) SELECT intake_id::text AS id FROM gone`,
      [retentionDays],
    );
    const ids = gone.rows.map((r) => r.id);
    const events = await tx.query(`DELETE FROM intake_outbox WHERE created_at < ${cutoff} OR intake_id = ANY($2::uuid[])`, [retentionDays, ids]);
    // A conversation the patient touched again after it ended would otherwise outlive its intake.
    const conversations = await tx.query(
      `DELETE FROM bot_state WHERE key LIKE 'intake/%'
          AND (updated_at < ${cutoff} OR doc->'snapshot'->'context'->>'intakeId' = ANY($2::text[]))`,
      [retentionDays, ids],
    );
    const tombstones = await tx.query(`DELETE FROM intake_tombstones WHERE deleted_at < ${cutoff}`, [retentionDays]);
    return { intakes: ids.length, conversations: conversations.rowCount, events: events.rowCount, tombstones: tombstones.rowCount };
  });
}
