// Intake records: written once per intakeId, together with the webhook event in one statement, so
// an intake is never stored without its delivery or delivered without being stored. Writes are
// idempotent: a retried turn, a reconcile sweep and the live turn can all record the same intake and
// exactly one row and one webhook event result.
import type { Database, Queryable } from '../store/database.js';
import { storableJsonText } from '../store/storable.js';
import { IntakeSummary } from '../../dialogs/summarySchema.js';
import type { Triage } from '../../dialogs/vocabulary.js';
import { createdDeliveries, type Delivery } from './outbox.js';
import { PartialIntake } from './partialIntake.js';
import { iso } from './sql.js';

export const OUTCOMES = ['done', 'emergency', 'abandoned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where staff are with an intake: not opened yet, read, dealt with (migration 004). */
export const REVIEWS = ['new', 'seen', 'handled'] as const;
export type Review = (typeof REVIEWS)[number];

export interface IntakeRecord {
  intakeId: string;
  channelId: string;
  conversationId: string;
  outcome: Outcome;
  /** null for an abandoned intake that never reached the safety screen. */
  triage: Triage | null;
  startedAt: string;
  /** When it was confirmed, ended in an emergency, or was found abandoned. */
  recordedAt: string;
  /** The IntakeSummary (CONTRACT §3) for done and emergency; null when abandoned. */
  summary: IntakeSummary | null;
  /** What was answered, for abandoned intakes; null otherwise. */
  partial: PartialIntake | null;
  /** The webhook delivery of intake.created; null when no webhook was configured at the time. */
  delivery: Delivery | null;
  review: Review;
}

export interface RecordOptions {
  /** When the intake ended (ISO); the database clock when absent. */
  endedAt?: string | null;
  /** Queue the intake.created webhook event in the same transaction. */
  webhook: boolean;
}

/**
 * Records a confirmed or emergency intake. Returns true when this call recorded it (a new row, or an
 * abandoned one the patient came back and finished), false when it was already there or was deleted.
 */
export async function recordIntake(db: Queryable, summary: IntakeSummary, outcome: 'done' | 'emergency', options: RecordOptions): Promise<boolean> {
  const s = IntakeSummary.parse(summary);
  const doc = storableJsonText(s);
  // One statement, so one atomic write without BEGIN/COMMIT (on PGlite those were half its cost):
  // the event is queued only when the intake row was written, and both or neither are.
  const { rowCount } = await db.query(
    `WITH recorded AS (
       INSERT INTO intakes (intake_id, channel_id, conversation_id, outcome, triage, summary, partial, started_at, recorded_at)
       SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text::jsonb, NULL::jsonb, $7::timestamptz, coalesce($8::timestamptz, now())
        WHERE NOT EXISTS (SELECT 1 FROM intake_tombstones WHERE intake_id = $1::uuid)
       ON CONFLICT (intake_id) DO UPDATE
         SET outcome = excluded.outcome, triage = excluded.triage, summary = excluded.summary, partial = NULL,
             recorded_at = excluded.recorded_at, updated_at = now(), review = 'new', reviewed_at = NULL
       WHERE intakes.outcome = 'abandoned'
       RETURNING intake_id
     ), queued AS (
       -- The webhook outbox (see outbox.ts): intake.created, due now, with the exact summary JSON.
       INSERT INTO intake_outbox (id, intake_id, event, body, next_attempt_at)
       SELECT gen_random_uuid(), intake_id, 'intake.created', $6::text, now() FROM recorded WHERE $9::boolean
     )
     SELECT intake_id FROM recorded`,
    [s.intakeId, s.channelId, s.conversationId, outcome, s.triage, doc, s.startedAt, options.endedAt ?? null, options.webhook],
  );
  return rowCount > 0;
}

/**
 * Records (or refreshes) what an abandoned conversation answered. Never touches a finished intake.
 * Returns true when a row was written.
 */
export async function recordAbandoned(db: Queryable, partial: PartialIntake): Promise<boolean> {
  const p = PartialIntake.parse(partial);
  const r = await db.query(
    `INSERT INTO intakes (intake_id, channel_id, conversation_id, outcome, triage, summary, partial, started_at, recorded_at)
     SELECT $1::uuid, $2::text, $3::text, 'abandoned', $4::text, NULL::jsonb, $5::text::jsonb, $6::timestamptz, now()
      WHERE NOT EXISTS (SELECT 1 FROM intake_tombstones WHERE intake_id = $1::uuid)
     ON CONFLICT (intake_id) DO UPDATE
       SET triage = excluded.triage, partial = excluded.partial, recorded_at = excluded.recorded_at, updated_at = now()
     WHERE intakes.outcome = 'abandoned'
     RETURNING intake_id`,
    [p.intakeId, p.channelId, p.conversationId, p.triage ?? null, storableJsonText(p), p.startedAt],
  );
  return r.rowCount === 1;
}

interface Row {
  intakeId: string;
  channelId: string;
  conversationId: string;
  outcome: Outcome;
  triage: Triage | null;
  startedAt: string;
  recordedAt: string;
  recordedAtExact: string;
  summary: string | null;
  partial: string | null;
  review: Review;
}

const COLUMNS = `
  intake_id::text AS "intakeId", channel_id AS "channelId", conversation_id AS "conversationId", outcome, triage,
  ${iso('started_at')} AS "startedAt", ${iso('recorded_at')} AS "recordedAt", recorded_at::text AS "recordedAtExact",
  summary::text AS summary, partial::text AS partial, review`;

async function toRecords(db: Queryable, rows: Row[]): Promise<IntakeRecord[]> {
  const deliveries = await createdDeliveries(db, rows.map((r) => r.intakeId));
  return rows.map((r) => ({
    intakeId: r.intakeId,
    channelId: r.channelId,
    conversationId: r.conversationId,
    outcome: r.outcome,
    triage: r.triage,
    startedAt: r.startedAt,
    recordedAt: r.recordedAt,
    summary: r.summary === null ? null : (JSON.parse(r.summary) as IntakeSummary),
    partial: r.partial === null ? null : (JSON.parse(r.partial) as PartialIntake),
    delivery: deliveries.get(r.intakeId) ?? null,
    review: r.review,
  }));
}

export async function getIntake(db: Queryable, intakeId: string): Promise<IntakeRecord | null> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM intakes WHERE intake_id = $1::uuid`, [intakeId]);
  return (await toRecords(db, rows))[0] ?? null;
}

export interface IntakeFilter {
  triage?: readonly Triage[];
  outcome?: readonly Outcome[];
  review?: readonly Review[];
  /** Recorded at or after this instant (ISO). */
  from?: string;
  /** Recorded before this instant (ISO). */
  to?: string;
  limit: number;
  /** From a previous page's nextCursor. */
  cursor?: string;
}

export interface IntakePage {
  items: IntakeRecord[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export class BadCursorError extends Error {}

function encodeCursor(recordedAtExact: string, intakeId: string): string {
  return Buffer.from(`${recordedAtExact}|${intakeId}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || extra !== undefined || !/^[0-9a-f-]{36}$/.test(id) || !/^[0-9 :.+-]{19,40}$/.test(at)) {
    throw new BadCursorError('cursor is not one this server handed out');
  }
  return { at, id };
}

/** Newest first, keyset-paged (stable while new intakes arrive). */
export async function listIntakes(db: Queryable, filter: IntakeFilter): Promise<IntakePage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.triage?.length) where.push(`triage = ANY(${param(filter.triage)}::text[])`);
  if (filter.outcome?.length) where.push(`outcome = ANY(${param(filter.outcome)}::text[])`);
  if (filter.review?.length) where.push(`review = ANY(${param(filter.review)}::text[])`);
  if (filter.from) where.push(`recorded_at >= ${param(filter.from)}::timestamptz`);
  if (filter.to) where.push(`recorded_at < ${param(filter.to)}::timestamptz`);
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    where.push(`(recorded_at, intake_id) < (${param(c.at)}::timestamptz, ${param(c.id)}::uuid)`);
  }
  const sql = `SELECT ${COLUMNS} FROM intakes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY recorded_at DESC, intake_id DESC LIMIT ${param(filter.limit + 1)}`;
  const { rows } = await db.query<Row>(sql, params);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: await toRecords(db, page),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.recordedAtExact, last.intakeId) : null,
  };
}

/**
 * Sets where staff are with an intake. `onlyIfNew` is for opening it: an intake already marked handled
 * stays handled when someone reads it again. False when there is no such intake (or nothing changed).
 */
export async function setReview(db: Queryable, intakeId: string, review: Review, options: { onlyIfNew?: boolean } = {}): Promise<boolean> {
  const r = await db.query(
    `UPDATE intakes SET review = $2::text, reviewed_at = now() WHERE intake_id = $1::uuid AND review <> $2::text ${options.onlyIfNew ? "AND review = 'new'" : ''}`,
    [intakeId, review],
  );
  return r.rowCount === 1;
}

export async function countIntakes(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM intakes');
  return rows[0]?.n ?? 0;
}
