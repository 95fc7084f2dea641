// Erasing intakes: the patient's "delete my data" (everything of that conversation) and the clinic's
// DELETE of one intake. The row, its pending webhook event and the conversation state go in one
// transaction; a tombstone stops the reconcile sweep from ever rebuilding the intake. When the
// intake.created event may already have reached the receiver (delivered, attempted, or in flight),
// the receiver is told with an intake.deleted event, signed like every delivery.
import { ConversationStore } from '../bot/conversationStore.js';
import type { Database, Queryable } from '../store/database.js';
import { deleteWebTranscript } from '../store/webTranscripts.js';
import { enqueue } from './outbox.js';

export interface DeletedEvent {
  event: 'intake.deleted';
  intakeId: string;
  deletedAt: string;
}

export interface Erased {
  /** Intake ids erased. */
  intakeIds: string[];
  /** How many intake.deleted events were queued for the webhook receiver. */
  notified: number;
  /** The bot_state keys deleted with them (a server keeping conversations in memory must forget these). */
  conversationKeys: string[];
}

async function eraseIntakes(tx: Queryable, ids: readonly string[], deletedAt: string): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows: reached } = await tx.query<{ intakeId: string; leaseLeftMs: number | null }>(
    `SELECT intake_id::text AS "intakeId",
            (extract(epoch from (max(leased_until) - now())) * 1000)::float8 AS "leaseLeftMs"
       FROM intake_outbox
      WHERE event = 'intake.created' AND intake_id = ANY($1::uuid[])
        AND (status = 'delivered' OR attempts > 0 OR leased_until > now())
      GROUP BY intake_id`,
    [ids],
  );
  await tx.query(`DELETE FROM intake_outbox WHERE event = 'intake.created' AND intake_id = ANY($1::uuid[])`, [ids]);
  await tx.query('DELETE FROM intakes WHERE intake_id = ANY($1::uuid[])', [ids]);
  await tx.query('INSERT INTO intake_tombstones (intake_id) SELECT unnest($1::uuid[]) ON CONFLICT (intake_id) DO NOTHING', [ids]);
  for (const { intakeId, leaseLeftMs } of reached) {
    const body: DeletedEvent = { event: 'intake.deleted', intakeId, deletedAt };
    // A POST of intake.created still in flight (another instance) finishes first: the deletion waits out its lease.
    const delayMs = leaseLeftMs !== null && leaseLeftMs > 0 ? leaseLeftMs + 1000 : 0;
    await enqueue(tx, { intakeId, event: 'intake.deleted', body: JSON.stringify(body), delayMs });
  }
  return reached.length;
}

/** "Delete my data": every intake of the conversation and its stored state. */
export async function eraseConversation(db: Database, conversation: { channelId: string; conversationId: string }, now = new Date()): Promise<Erased> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      'SELECT intake_id::text AS id FROM intakes WHERE channel_id = $1 AND conversation_id = $2 FOR UPDATE',
      [conversation.channelId, conversation.conversationId],
    );
    const intakeIds = rows.map((r) => r.id);
    const notified = await eraseIntakes(tx, intakeIds, now.toISOString());
    const gone = await tx.query<{ key: string }>('DELETE FROM bot_state WHERE key = $1 RETURNING key', [ConversationStore.key(conversation.channelId, conversation.conversationId)]);
    return { intakeIds, notified, conversationKeys: gone.rows.map((r) => r.key) };
  });
}

/** The clinic deletes one intake; the conversation state goes too when it still holds that intake. */
export async function deleteIntake(db: Database, intakeId: string, now = new Date()): Promise<Erased | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ channelId: string; conversationId: string }>(
      'SELECT channel_id AS "channelId", conversation_id AS "conversationId" FROM intakes WHERE intake_id = $1::uuid FOR UPDATE',
      [intakeId],
    );
    const row = rows[0];
    if (!row) return null;
    const notified = await eraseIntakes(tx, [intakeId], now.toISOString());
    const gone = await tx.query<{ key: string }>(`DELETE FROM bot_state WHERE key = $1 AND doc->'snapshot'->'context'->>'intakeId' = $2 RETURNING key`, [
      ConversationStore.key(row.channelId, row.conversationId),
      intakeId,
    ]);
    // The web chat's copy of the conversation holds the patient's words too; the clinic asked for them gone.
    await deleteWebTranscript(tx, row.channelId, row.conversationId);
    return { intakeIds: [intakeId], notified, conversationKeys: gone.rows.map((r) => r.key) };
  });
}
