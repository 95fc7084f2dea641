// The webhook outbox: events written in the same transaction as the intake they describe, then
// claimed by a sender with a lease. A sender that dies mid-POST leaves a lease that simply expires,
// so the event is sent again (at-least-once; receivers de-duplicate on X-Intake-Delivery).
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../store/database.js';
import { iso, millis } from './sql.js';

export const OUTBOX_EVENTS = ['intake.created', 'intake.deleted'] as const;
export type OutboxEvent = (typeof OUTBOX_EVENTS)[number];

export interface NewEvent {
  intakeId: string;
  event: OutboxEvent;
  /** The exact JSON that is signed and POSTed on every attempt. */
  body: string;
  /** Not before this many milliseconds from now (default: due at once). */
  delayMs?: number;
}

export async function enqueue(tx: Queryable, e: NewEvent): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO intake_outbox (id, intake_id, event, body, next_attempt_at) VALUES ($1, $2, $3, $4, now() + ${millis('$5')})`,
    [id, e.intakeId, e.event, e.body, e.delayMs ?? 0],
  );
  return id;
}

export interface Claimed {
  id: string;
  intakeId: string;
  event: OutboxEvent;
  body: string;
  /** Including this one. */
  attempts: number;
  leaseToken: string;
  createdAt: string;
}

/**
 * Claims up to `limit` due events for `leaseMs`. On PostgreSQL, FOR UPDATE SKIP LOCKED lets several
 * instances claim side by side without waiting on or double-claiming each other's rows; PGlite is one
 * connection, where the same statement simply runs. The attempt is counted at claim time, so a crash
 * mid-POST still counts as an attempt that may have reached the receiver.
 */
export async function claimDue(db: Database, limit: number, leaseMs: number): Promise<Claimed[]> {
  const leaseToken = randomUUID();
  const { rows } = await db.query<Omit<Claimed, 'leaseToken'>>(
    `UPDATE intake_outbox o
        SET lease_token = $2, leased_until = now() + ${millis('$3')}, attempts = o.attempts + 1, last_attempt_at = now()
      WHERE o.id IN (
        SELECT id FROM intake_outbox
         WHERE status = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
         ORDER BY next_attempt_at, created_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
      RETURNING o.id::text AS id, o.intake_id::text AS "intakeId", o.event, o.body, o.attempts, ${iso('o.created_at')} AS "createdAt"`,
    [limit, leaseToken, leaseMs],
  );
  // RETURNING has no order: send oldest first, so a deletion never overtakes its creation.
  return rows.map((r) => ({ ...r, leaseToken })).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Both updates only apply while we still hold the lease; a late answer after expiry changes nothing. */
export async function markDelivered(db: Database, claim: Claimed, httpStatus: number): Promise<boolean> {
  const r = await db.query(
    `UPDATE intake_outbox SET status = 'delivered', delivered_at = now(), last_status = $3, last_error = NULL,
            lease_token = NULL, leased_until = NULL
      WHERE id = $1 AND lease_token = $2`,
    [claim.id, claim.leaseToken, httpStatus],
  );
  return r.rowCount === 1;
}

export async function markFailed(db: Database, claim: Claimed, failure: { httpStatus: number | null; error: string; retryInMs: number }): Promise<boolean> {
  const r = await db.query(
    `UPDATE intake_outbox SET next_attempt_at = now() + ${millis('$5')}, last_status = $3, last_error = $4,
            lease_token = NULL, leased_until = NULL
      WHERE id = $1 AND lease_token = $2`,
    [claim.id, claim.leaseToken, failure.httpStatus, failure.error.slice(0, 500), failure.retryInMs],
  );
  return r.rowCount === 1;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failing';

export interface Delivery {
  deliveryId: string;
  event: OutboxEvent;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

interface DeliveryRow extends Omit<Delivery, 'status'> {
  intakeId: string;
  rawStatus: 'pending' | 'delivered';
  createdAt: string;
}

const DELIVERY_COLUMNS = `
  id::text AS "deliveryId", intake_id::text AS "intakeId", event, status AS "rawStatus", attempts,
  ${iso('last_attempt_at')} AS "lastAttemptAt", ${iso('next_attempt_at')} AS "nextAttemptAt",
  last_status AS "lastStatus", last_error AS "lastError", ${iso('delivered_at')} AS "deliveredAt", ${iso('created_at')} AS "createdAt"`;

function toDelivery(r: DeliveryRow): Delivery & { intakeId: string; createdAt: string } {
  const status: DeliveryStatus = r.rawStatus === 'delivered' ? 'delivered' : r.lastError !== null ? 'failing' : 'pending';
  return {
    deliveryId: r.deliveryId,
    intakeId: r.intakeId,
    event: r.event,
    status,
    attempts: r.attempts,
    lastAttemptAt: r.lastAttemptAt,
    nextAttemptAt: status === 'delivered' ? null : r.nextAttemptAt,
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    deliveredAt: r.deliveredAt,
    createdAt: r.createdAt,
  };
}

/** The intake.created delivery of each of these intakes (absent: no webhook was configured). */
export async function createdDeliveries(db: Queryable, intakeIds: readonly string[]): Promise<Map<string, Delivery>> {
  if (intakeIds.length === 0) return new Map();
  const { rows } = await db.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM intake_outbox WHERE event = 'intake.created' AND intake_id = ANY($1::uuid[])`,
    [intakeIds],
  );
  return new Map(rows.map((r) => {
    const { intakeId, createdAt: _c, ...d } = toDelivery(r);
    return [intakeId, d];
  }));
}

/** Every event, newest first, optionally only those in one status (for watching a failing endpoint). */
export async function listDeliveries(db: Queryable, opts: { status?: DeliveryStatus; limit: number }) {
  const where =
    opts.status === 'delivered' ? `status = 'delivered'` : opts.status === 'failing' ? `status = 'pending' AND last_error IS NOT NULL` : opts.status === 'pending' ? `status = 'pending' AND last_error IS NULL` : 'true';
  const { rows } = await db.query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM intake_outbox WHERE ${where} ORDER BY created_at DESC LIMIT $1`, [opts.limit]);
  return rows.map(toDelivery);
}
