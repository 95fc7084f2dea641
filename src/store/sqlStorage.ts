/**
 * botbuilder `Storage` over the `bot_state` table, with real optimistic concurrency.
 * Semantics follow MemoryStorage/CosmosDB: eTag missing or '*' overwrites; any other eTag must match the
 * stored one. The check is the UPDATE's WHERE clause (not read-then-write), so it holds across processes.
 * A write batch is one transaction: one conflicting key means nothing in the batch is written.
 *
 * One extension: an item whose eTag is CREATE_ONLY_ETAG is created only if the key does not exist yet,
 * and otherwise fails with the same eTag conflict. Storage has no "create" verb, and '*' would let two
 * first saves of one conversation (a double tap, two instances) silently overwrite each other.
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { Database, Queryable } from './database.js';

/** eTags are sequence values; anything else can never match, so we reject it without asking the database. */
const ETAG = /^[0-9]{1,18}$/;

/** Write with this eTag to create a key only if it is absent (never a real eTag: those are digits). */
export const CREATE_ONLY_ETAG = '!create-only';

export class SqlStorage implements Storage {
  /** Tells a caller holding a plain `Storage` that this one supports create-only writes, and how to ask. */
  readonly createOnlyETag = CREATE_ONLY_ETAG;

  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    // doc::text and JSON.parse ourselves: pg and PGlite differ in how they decode jsonb and bigint.
    // One key (every turn of the bot) needs no array parameter.
    const { rows } =
      keys.length === 1
        ? await this.db.query<{ key: string; doc: string; etag: string }>(
            'SELECT key, doc::text AS doc, etag::text AS etag FROM bot_state WHERE key = $1',
            [keys[0]],
            { prepare: 'bot_state_read_one' },
          )
        : await this.db.query<{ key: string; doc: string; etag: string }>(
            'SELECT key, doc::text AS doc, etag::text AS etag FROM bot_state WHERE key = ANY($1::text[])',
            [keys],
          );
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...parseDoc(row.key, row.doc), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Sorted keys: concurrent multi-key batches lock rows in the same order and cannot deadlock each other.
    const keys = Object.keys(changes).sort();
    if (keys.length === 0) return;
    // A single key is one statement, atomic by itself: BEGIN and COMMIT would only add two round trips
    // (on PGlite they were a third of the cost of a turn's save).
    if (keys.length === 1) return writeOne(this.db, keys[0]!, changes[keys[0]!]);
    await this.db.transaction(async (tx) => {
      for (const key of keys) await writeOne(tx, key, changes[key]);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }

  /** "Delete my data": removes every key starting with `prefix`; returns how many went. */
  async deleteByPrefix(prefix: string): Promise<number> {
    // An empty prefix would wipe every conversation; that is never what a user's request means.
    if (!prefix) throw new Error('deleteByPrefix: prefix must not be empty');
    const pattern = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const r = await this.db.query("DELETE FROM bot_state WHERE key LIKE $1 ESCAPE '\\'", [pattern]);
    return r.rowCount;
  }
}

async function writeOne(tx: Queryable, key: string, item: unknown): Promise<void> {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(`Storage: item for "${key}" must be an object`);
  }
  const { eTag, ...rest } = item as { eTag?: unknown };
  // Same serialisation as MemoryStorage (JSON.stringify); text::jsonb so neither driver re-encodes it.
  const doc = JSON.stringify(rest);
  if (eTag === undefined || eTag === null || eTag === '' || eTag === '*') {
    await tx.query(
      `INSERT INTO bot_state (key, doc, etag) VALUES ($1, $2::text::jsonb, nextval('bot_state_etag_seq'))
       ON CONFLICT (key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = now()`,
      [key, doc],
      { prepare: 'bot_state_upsert' },
    );
    return;
  }
  if (eTag === CREATE_ONLY_ETAG) {
    // Under concurrency Postgres makes the second INSERT wait for the first to commit, then do nothing.
    const created = await tx.query(
      `INSERT INTO bot_state (key, doc, etag) VALUES ($1, $2::text::jsonb, nextval('bot_state_etag_seq'))
       ON CONFLICT (key) DO NOTHING`,
      [key, doc],
      { prepare: 'bot_state_create' },
    );
    if (created.rowCount !== 1) throw new Error(`Storage: error writing "${key}" due to eTag conflict (it already exists).`);
    return;
  }
  const updated =
    typeof eTag === 'string' && ETAG.test(eTag)
      ? await tx.query(
          `UPDATE bot_state SET doc = $2::text::jsonb, etag = nextval('bot_state_etag_seq'), updated_at = now()
           WHERE key = $1 AND etag = $3::bigint`,
          [key, doc, eTag],
          { prepare: 'bot_state_update' },
        )
      : { rowCount: 0 };
  // Zero rows: stale eTag, or an eTag for a key that does not exist. Throwing rolls back the whole batch.
  if (updated.rowCount !== 1) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

function parseDoc(key: string, text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = undefined;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(`Storage: corrupt bot_state row for "${key}": doc is not a JSON object`);
  }
  return doc as Record<string, unknown>;
}
