// Two sweeps over the stored conversations, both idempotent and safe to run on several instances:
// - reconcile: a conversation that ended (done or emergency) but has no intake record, because the
//   process died between saving the conversation and recording the intake, is recorded now;
// - abandoned: a conversation with no activity for `abandonedAfterHours` is recorded as abandoned with
//   what was answered (refreshed if the patient came back, answered more and left again).
import type { Logger } from 'pino';
import type { ClinicProfile } from '../../dialogs/clinicProfile.js';
import { PersistedIntake } from '../../dialogs/engine.js';
import type { QuestionState } from '../../dialogs/intakeContext.js';
import { buildSummary } from '../../dialogs/summary.js';
import type { Database } from '../store/database.js';
import { safeError } from '../server/logger.js';
import { recordAbandoned, recordIntake } from './intakeRecords.js';
import { partialFromContext } from './partialIntake.js';
import { iso } from './sql.js';

export interface SweepOptions {
  clinic: ClinicProfile;
  abandonedAfterHours: number;
  retentionDays: number;
  webhook: boolean;
  logger: Logger;
  /** Rows per run; the next run picks up the rest. */
  batch?: number;
}

export interface SweepResult {
  recovered: number;
  abandoned: number;
}

const STATE = `b.doc->'snapshot'->>'state'`;
const INTAKE_ID = `b.doc->'snapshot'->'context'->>'intakeId'`;

interface StateRow {
  doc: string;
  updatedAt: string;
}

function snapshotOf(row: StateRow): PersistedIntake | null {
  try {
    const parsed = PersistedIntake.safeParse((JSON.parse(row.doc) as { snapshot?: unknown }).snapshot);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function recoverUnrecorded(db: Database, options: SweepOptions): Promise<number> {
  const { rows } = await db.query<StateRow>(
    `SELECT b.doc::text AS doc, ${iso('b.updated_at')} AS "updatedAt" FROM bot_state b
      WHERE b.key LIKE 'intake/%' AND ${STATE} IN ('done', 'emergency')
        AND b.updated_at > now() - ($1::int * interval '1 day')
        AND NOT EXISTS (SELECT 1 FROM intakes i WHERE i.intake_id::text = ${INTAKE_ID} AND i.outcome <> 'abandoned')
        AND NOT EXISTS (SELECT 1 FROM intake_tombstones t WHERE t.intake_id::text = ${INTAKE_ID})
      ORDER BY b.updated_at LIMIT $2`,
    [options.retentionDays, options.batch ?? 200],
  );
  let recovered = 0;
  for (const row of rows) {
    const snapshot = snapshotOf(row);
    if (!snapshot || (snapshot.state !== 'done' && snapshot.state !== 'emergency')) continue;
    // Older than retention: it was purged (or would be at once), never brought back.
    if (!(Date.parse(snapshot.context.startedAt) > Date.now() - options.retentionDays * 86_400_000)) continue;
    try {
      const summary = buildSummary(snapshot.context, options.clinic);
      const endedAt = summary.completedAt ?? row.updatedAt;
      if (await recordIntake(db, summary, snapshot.state, { endedAt, webhook: options.webhook })) {
        recovered++;
        options.logger.warn({ intakeId: summary.intakeId, outcome: snapshot.state }, 'recorded an intake that had ended without a record');
      }
    } catch (error) {
      options.logger.error({ err: safeError(error), intakeId: snapshot.context.intakeId }, 'could not recover an ended intake');
    }
  }
  return recovered;
}

export async function recordAbandonedConversations(db: Database, options: SweepOptions): Promise<number> {
  const { rows } = await db.query<StateRow>(
    `SELECT b.doc::text AS doc, ${iso('b.updated_at')} AS "updatedAt" FROM bot_state b
      WHERE b.key LIKE 'intake/%' AND ${STATE} NOT IN ('done', 'emergency', 'declined')
        AND b.updated_at < now() - ($1::float8 * interval '1 hour')
        AND b.updated_at > now() - ($2::int * interval '1 day')
        AND NOT EXISTS (SELECT 1 FROM intakes i WHERE i.intake_id::text = ${INTAKE_ID}
                          AND (i.outcome <> 'abandoned' OR i.updated_at >= b.updated_at))
        AND NOT EXISTS (SELECT 1 FROM intake_tombstones t WHERE t.intake_id::text = ${INTAKE_ID})
      ORDER BY b.updated_at LIMIT $3`,
    [options.abandonedAfterHours, options.retentionDays, options.batch ?? 200],
  );
  let abandoned = 0;
  for (const row of rows) {
    const snapshot = snapshotOf(row);
    if (!snapshot || snapshot.state === 'done' || snapshot.state === 'emergency' || snapshot.state === 'declined') continue;
    try {
      const partial = partialFromContext(snapshot.context, snapshot.state as QuestionState, row.updatedAt);
      if (await recordAbandoned(db, partial)) abandoned++;
    } catch (error) {
      options.logger.error({ err: safeError(error), intakeId: snapshot.context.intakeId }, 'could not record an abandoned intake');
    }
  }
  if (abandoned > 0) options.logger.info({ abandoned }, 'recorded abandoned intakes');
  return abandoned;
}

export async function sweepConversations(db: Database, options: SweepOptions): Promise<SweepResult> {
  const recovered = await recoverUnrecorded(db, options);
  const abandoned = await recordAbandonedConversations(db, options);
  return { recovered, abandoned };
}
