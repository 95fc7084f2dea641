// The Direct Line transcript: every activity of a conversation in order, numbered by `seq`, which is
// also the watermark a client pages with. Same SQL on PGlite and PostgreSQL.
// What is kept, and for how long (patient words are health information):
// - while the bot holds the patient's intake (they consented), the transcript is kept so a reload or a
//   restart resumes with the history;
// - when the bot holds nothing for the conversation (before consent, after declining, stopping or
//   "delete my data"), the patient's messages and everything before them are deleted after the turn;
// - a conversation idle for longer than a token can live is unreachable for the patient, and is swept.
import type { Database, Queryable } from '../../store/database.js';
import { GroupCommit } from '../../store/groupCommit.js';
import { storableJsonText } from '../../store/storable.js';

export interface StoredActivity {
  seq: number;
  activity: Record<string, unknown>;
}

export class ConversationNotFound extends Error {
  constructor() {
    super('conversation not found');
    this.name = 'ConversationNotFound';
  }
}

/** Azure's id shape: the conversation, a bar, and a zero-padded sequence number. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export class TranscriptStore {
  private readonly group: GroupCommit<Append, number | null> | undefined;

  constructor(private readonly db: Database) {
    // PGlite runs one statement at a time on this thread: appends of different conversations that
    // queue up meanwhile go as one statement. PostgreSQL runs them side by side on its pool.
    if (db.kind === 'pglite') this.group = new GroupCommit((appends) => appendRows(db, appends), (a) => a.conversationId);
  }

  /** Idempotent: starting a conversation twice with the same token returns the same conversation. */
  async ensure(conversationId: string): Promise<void> {
    await this.db.query('INSERT INTO directline_conversations (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [conversationId]);
  }

  async exists(conversationId: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM directline_conversations WHERE id = $1', [conversationId]);
    return rows.length > 0;
  }

  /** Appends and returns the activity's seq; an unknown conversation is a ConversationNotFound. */
  async append(conversationId: string, activity: Record<string, unknown>): Promise<number> {
    const append = { conversationId, activity: storableJsonText(activity) };
    const seq = this.group ? await this.group.run(append) : (await appendRows(this.db, [append]))[0]!;
    if (seq === null) throw new ConversationNotFound();
    return seq;
  }

  /** Activities after `watermark`, oldest first, at most `limit`. */
  async after(conversationId: string, watermark: number, limit: number): Promise<StoredActivity[]> {
    // activity::text and JSON.parse ourselves: pg and PGlite decode jsonb differently.
    const { rows } = await this.db.query<{ seq: number; activity: string }>(
      'SELECT seq, activity::text AS activity FROM directline_activities WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [conversationId, watermark, limit],
    );
    return rows.map((r) => ({ seq: Number(r.seq), activity: JSON.parse(r.activity) as Record<string, unknown> }));
  }

  async count(conversationId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM directline_activities WHERE conversation_id = $1', [conversationId]);
    return Number(rows[0]?.n ?? 0);
  }

  /** Marks the conversation as in use (token refresh), so the idle sweep leaves it alone. */
  async touch(conversationId: string): Promise<void> {
    await this.db.query('UPDATE directline_conversations SET updated_at = now() WHERE id = $1', [conversationId]);
  }

  /** Deletes every activity up to and including `seq`; later ones (the bot's closing words) stay. */
  async forgetThrough(conversationId: string, seq: number): Promise<void> {
    await this.db.query('DELETE FROM directline_activities WHERE conversation_id = $1 AND seq <= $2', [conversationId, seq]);
  }

  /** Deletes conversations (and their activities) idle since before `cutoff`; returns how many. */
  async sweep(cutoff: Date): Promise<number> {
    const { rowCount } = await this.db.query('DELETE FROM directline_conversations WHERE updated_at < $1', [cutoff.toISOString()]);
    return rowCount;
  }
}

interface Append {
  conversationId: string;
  /** The activity as JSON. */
  activity: string;
}

/**
 * Appends one activity to each of several distinct conversations; returns each one's seq, or null for
 * an unknown conversation. One statement: the row lock on the conversation orders concurrent appends.
 */
async function appendRows(db: Queryable, appends: Append[]): Promise<Array<number | null>> {
  const one = appends.length === 1 ? appends[0]! : undefined;
  const { rows } = one
    ? await db.query<{ conversation_id: string; seq: number }>(
        `WITH c AS (
           UPDATE directline_conversations SET last_seq = last_seq + 1, updated_at = now() WHERE id = $1 RETURNING last_seq
         )
         INSERT INTO directline_activities (conversation_id, seq, activity)
         SELECT $1, last_seq, $2::jsonb FROM c
         RETURNING conversation_id, seq`,
        [one.conversationId, one.activity],
      )
    : await db.query<{ conversation_id: string; seq: number }>(
        `WITH input AS (
           SELECT * FROM unnest($1::text[], $2::text[]) AS i(conversation_id, activity)
         ), c AS (
           UPDATE directline_conversations AS d SET last_seq = d.last_seq + 1, updated_at = now()
             FROM input WHERE d.id = input.conversation_id
           RETURNING d.id, d.last_seq
         )
         INSERT INTO directline_activities (conversation_id, seq, activity)
         SELECT c.id, c.last_seq, input.activity::jsonb FROM c JOIN input ON input.conversation_id = c.id
         RETURNING conversation_id, seq`,
        [appends.map((a) => a.conversationId), appends.map((a) => a.activity)],
      );
  const seqs = new Map(rows.map((r) => [r.conversation_id, Number(r.seq)]));
  return appends.map((a) => seqs.get(a.conversationId) ?? null);
}
