/**
 * botbuilder `Storage` over the `bot_state` table, with real optimistic concurrency.
 * Semantics follow MemoryStorage/CosmosDB: eTag missing or '*' overwrites; any other eTag must match the
 * stored one. The check is the write's WHERE clause (not read-then-write), so it holds across processes.
 * A write batch is one transaction: one conflicting key means nothing in the batch is written.
 *
 * One extension: an item whose eTag is CREATE_ONLY_ETAG is created only if the key does not exist yet,
 * and otherwise fails with the same eTag conflict. Storage has no "create" verb, and '*' would let two
 * first saves of one conversation (a double tap, two instances) silently overwrite each other.
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { Database, Queryable } from './database.js';
import { GroupCommit } from './groupCommit.js';
import { ABSENT, RecentDocs } from './recentDocs.js';

/** eTags are sequence values; anything else can never match, so we reject it without asking the database. */
const ETAG = /^[0-9]{1,18}$/;

/** Write with this eTag to create a key only if it is absent (never a real eTag: those are digits). */
export const CREATE_ONLY_ETAG = '!create-only';

export interface SqlStorageOptions {
  /**
   * For a database this process alone writes (PGlite, behind its data-dir lock): keep the newest
   * document of up to this many recently used keys in memory and answer reads from it, and send
   * single-key writes that queue up together as one statement. On PGlite a read and a write each cost
   * more than a whole turn of the bot; this leaves one shared write. Anything that deletes bot_state
   * rows with its own SQL must call forget(). Off (0) for PostgreSQL: other instances write there too.
   */
  exclusiveCacheEntries?: number;
}

/** One key's write: the document as JSON and what the stored eTag must be. */
interface Write {
  key: string;
  doc: string;
  mode: 'overwrite' | 'create' | { eTag: string };
}

export class SqlStorage implements Storage {
  /** Tells a caller holding a plain `Storage` that this one supports create-only writes, and how to ask. */
  readonly createOnlyETag = CREATE_ONLY_ETAG;
  private readonly recent: RecentDocs | undefined;
  private readonly group: GroupCommit<Write, string | null> | undefined;

  constructor(
    private readonly db: Database,
    options: SqlStorageOptions = {},
  ) {
    const entries = options.exclusiveCacheEntries ?? 0;
    if (entries > 0) {
      this.recent = new RecentDocs(entries);
      this.group = new GroupCommit((writes) => writeRows(db, writes), (w) => w.key);
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    const missing = this.recent ? keys.filter((key) => !this.fromMemory(key, items)) : keys;
    if (missing.length === 0) return items;
    const mark = this.recent?.mark() ?? 0;
    // doc::text and JSON.parse ourselves: pg and PGlite differ in how they decode jsonb and bigint.
    // One key (every turn of the bot) needs no array parameter.
    const { rows } =
      missing.length === 1
        ? await this.db.query<{ key: string; doc: string; etag: string }>(
            'SELECT key, doc::text AS doc, etag::text AS etag FROM bot_state WHERE key = $1',
            [missing[0]],
            { prepare: 'bot_state_read_one' },
          )
        : await this.db.query<{ key: string; doc: string; etag: string }>(
            'SELECT key, doc::text AS doc, etag::text AS etag FROM bot_state WHERE key = ANY($1::text[])',
            [missing],
          );
    for (const row of rows) {
      items[row.key] = { ...parseDoc(row.key, row.doc), eTag: row.etag };
      this.recent?.put(row.key, { doc: row.doc, eTag: row.etag }, mark);
    }
    if (this.recent) for (const key of missing) if (!(key in items)) this.recent.put(key, ABSENT, mark);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Sorted keys: concurrent multi-key batches lock rows in the same order and cannot deadlock each other.
    const keys = Object.keys(changes).sort();
    if (keys.length === 0) return;
    const writes = keys.map((key) => toWrite(key, changes[key]));
    const mark = this.recent?.mark() ?? 0;
    let eTags: string[];
    try {
      eTags = writes.length === 1 ? [conflictUnless(await this.writeOne(writes[0]!), writes[0]!)] : await this.writeAll(writes);
    } catch (error) {
      // Whatever the database holds now, this process no longer knows it.
      this.recent?.remove(keys);
      throw error;
    }
    writes.forEach((w, i) => this.recent?.put(w.key, { doc: w.doc, eTag: eTags[i]! }, mark));
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    try {
      await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
    } finally {
      this.recent?.remove(keys);
    }
  }

  /** "Delete my data": removes every key starting with `prefix`; returns how many went. */
  async deleteByPrefix(prefix: string): Promise<number> {
    // An empty prefix would wipe every conversation; that is never what a user's request means.
    if (!prefix) throw new Error('deleteByPrefix: prefix must not be empty');
    const pattern = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    try {
      const r = await this.db.query("DELETE FROM bot_state WHERE key LIKE $1 ESCAPE '\\'", [pattern]);
      return r.rowCount;
    } finally {
      this.recent?.removePrefix(prefix);
    }
  }

  /** Rows were deleted by other SQL (clinic erasure, retention): drop what is kept of them (all, without keys). */
  forget(keys?: readonly string[]): void {
    if (keys) this.recent?.remove(keys);
    else this.recent?.clear();
  }

  /** Answers from memory when the key's document, or its absence, is known. */
  private fromMemory(key: string, items: StoreItems): boolean {
    const held = this.recent!.get(key);
    if (held) items[key] = { ...parseDoc(key, held.doc), eTag: held.eTag };
    return held !== undefined;
  }

  private async writeOne(w: Write): Promise<string | null> {
    return this.group ? this.group.run(w) : (await writeRows(this.db, [w]))[0]!;
  }

  private writeAll(writes: Write[]): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const eTags: string[] = [];
      // Throwing rolls back the whole batch.
      for (const w of writes) eTags.push(conflictUnless((await writeRows(tx, [w]))[0]!, w));
      return eTags;
    });
  }
}

function toWrite(key: string, item: unknown): Write {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(`Storage: item for "${key}" must be an object`);
  }
  const { eTag, ...rest } = item as { eTag?: unknown };
  // Same serialisation as MemoryStorage (JSON.stringify); text::jsonb so neither driver re-encodes it.
  const doc = JSON.stringify(rest);
  if (eTag === undefined || eTag === null || eTag === '' || eTag === '*') return { key, doc, mode: 'overwrite' };
  if (eTag === CREATE_ONLY_ETAG) return { key, doc, mode: 'create' };
  return { key, doc, mode: { eTag: String(eTag) } };
}

/** The new eTag, or a conflict: a stale eTag, an eTag for a key that does not exist, or a create of one that does. */
function conflictUnless(eTag: string | null, w: Write): string {
  if (eTag !== null) return eTag;
  throw new Error(`Storage: error writing "${w.key}" due to eTag conflict${w.mode === 'create' ? ' (it already exists)' : ''}.`);
}

const SET_ROW = `doc = excluded.doc, etag = excluded.etag, updated_at = now()`;

/**
 * Writes distinct keys (their eTags already well-formed) and returns each one's new eTag, or null
 * where its condition failed. One statement per kind of write: a single row is a prepared statement,
 * several rows (a group commit) are one statement over arrays.
 */
async function writeRows(db: Queryable, writes: Write[]): Promise<Array<string | null>> {
  const eTags = new Map<string, string>();
  const kinds = {
    overwrite: writes.filter((w) => w.mode === 'overwrite'),
    create: writes.filter((w) => w.mode === 'create'),
    // A malformed eTag can never match a stored one: no need to ask.
    update: writes.filter((w) => typeof w.mode === 'object' && ETAG.test(w.mode.eTag)),
  };
  const run = async (sql: string, params: unknown[], prepare?: string) => {
    const { rows } = await db.query<{ key: string; etag: string }>(sql, params, prepare ? { prepare } : {});
    for (const row of rows) eTags.set(row.key, row.etag);
  };
  const one = (list: Write[]) => (list.length === 1 ? list[0]! : undefined);
  const keysAndDocs = (list: Write[]) => [list.map((w) => w.key), list.map((w) => w.doc)];
  const insert = `INSERT INTO bot_state (key, doc, etag)`;
  const fromArrays = `SELECT v.key, v.doc::jsonb, nextval('bot_state_etag_seq') FROM unnest($1::text[], $2::text[]) AS v(key, doc)`;
  const returning = `RETURNING key, etag::text AS etag`;

  if (kinds.overwrite.length > 0) {
    const w = one(kinds.overwrite);
    await (w
      ? run(`${insert} VALUES ($1, $2::text::jsonb, nextval('bot_state_etag_seq')) ON CONFLICT (key) DO UPDATE SET ${SET_ROW} ${returning}`, [w.key, w.doc], 'bot_state_upsert')
      : run(`${insert} ${fromArrays} ON CONFLICT (key) DO UPDATE SET ${SET_ROW} ${returning}`, keysAndDocs(kinds.overwrite)));
  }
  if (kinds.create.length > 0) {
    // Under concurrency Postgres makes the second INSERT wait for the first to commit, then do nothing.
    const w = one(kinds.create);
    await (w
      ? run(`${insert} VALUES ($1, $2::text::jsonb, nextval('bot_state_etag_seq')) ON CONFLICT (key) DO NOTHING ${returning}`, [w.key, w.doc], 'bot_state_create')
      : run(`${insert} ${fromArrays} ON CONFLICT (key) DO NOTHING ${returning}`, keysAndDocs(kinds.create)));
  }
  if (kinds.update.length > 0) {
    const w = one(kinds.update);
    const eTagOf = (u: Write) => (u.mode as { eTag: string }).eTag;
    await (w
      ? run(
          `UPDATE bot_state SET doc = $2::text::jsonb, etag = nextval('bot_state_etag_seq'), updated_at = now()
            WHERE key = $1 AND etag = $3::bigint ${returning}`,
          [w.key, w.doc, eTagOf(w)],
          'bot_state_update',
        )
      : run(
          `UPDATE bot_state AS b SET doc = v.doc::jsonb, etag = nextval('bot_state_etag_seq'), updated_at = now()
             FROM unnest($1::text[], $2::text[], $3::bigint[]) AS v(key, doc, etag)
            WHERE b.key = v.key AND b.etag = v.etag
           RETURNING b.key, b.etag::text AS etag`,
          [...keysAndDocs(kinds.update), kinds.update.map(eTagOf)],
        ));
  }
  return writes.map((w) => eTags.get(w.key) ?? null);
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
