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
import { storableJsonText } from './storable.js';

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
  // Same serialisation as MemoryStorage (JSON.stringify, made storable); text::jsonb so neither driver re-encodes it.
  const doc = storableJsonText(rest);
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
const INSERT = `INSERT INTO bot_state (key, doc, etag)`;
const RETURNING = `RETURNING key, etag::text AS etag`;

/**
 * Writes distinct keys and returns each one's new eTag, or null where its condition failed. A single
 * row (every turn of the bot) is a prepared statement; several rows (a group commit) are one statement
 * over arrays, whatever mix of kinds they are, so a batch is all or nothing and a failed one can go
 * again key by key without any key having been written twice.
 */
async function writeRows(db: Queryable, writes: Write[]): Promise<Array<string | null>> {
  // A malformed eTag can never match a stored one: no need to ask.
  const asked = writes.filter((w) => typeof w.mode !== 'object' || ETAG.test(w.mode.eTag));
  if (asked.length === 0) return writes.map(() => null);
  const { rows } = asked.length === 1 ? await writeOneRow(db, asked[0]!) : await writeManyRows(db, asked);
  const eTags = new Map(rows.map((row) => [row.key, row.etag]));
  return writes.map((w) => eTags.get(w.key) ?? null);
}

function writeOneRow(db: Queryable, w: Write) {
  const values = `VALUES ($1, $2::text::jsonb, nextval('bot_state_etag_seq'))`;
  const [sql, params, prepare]: [string, unknown[], string] =
    w.mode === 'overwrite'
      ? [`${INSERT} ${values} ON CONFLICT (key) DO UPDATE SET ${SET_ROW} ${RETURNING}`, [w.key, w.doc], 'bot_state_upsert']
      : w.mode === 'create'
        ? // Under concurrency Postgres makes the second INSERT wait for the first to commit, then do nothing.
          [`${INSERT} ${values} ON CONFLICT (key) DO NOTHING ${RETURNING}`, [w.key, w.doc], 'bot_state_create']
        : [
            `UPDATE bot_state SET doc = $2::text::jsonb, etag = nextval('bot_state_etag_seq'), updated_at = now()
              WHERE key = $1 AND etag = $3::bigint ${RETURNING}`,
            [w.key, w.doc, w.mode.eTag],
            'bot_state_update',
          ];
  return db.query<{ key: string; etag: string }>(sql, params, { prepare });
}

/** One statement, one data-modifying CTE per kind of write present. */
function writeManyRows(db: Queryable, writes: Write[]) {
  const params: unknown[] = [];
  const arrays = (lists: unknown[][]) => lists.map((list) => (params.push(list), `$${params.length}`));
  const of = (mode: 'overwrite' | 'create') => writes.filter((w) => w.mode === mode);
  const updates = writes.filter((w) => typeof w.mode === 'object');
  const fromArrays = (list: Write[]) => {
    const [keys, docs] = arrays([list.map((w) => w.key), list.map((w) => w.doc)]);
    return `${INSERT} SELECT v.key, v.doc::jsonb, nextval('bot_state_etag_seq') FROM unnest(${keys}::text[], ${docs}::text[]) AS v(key, doc)`;
  };
  const parts: string[] = [];
  if (of('overwrite').length > 0) parts.push(`overwritten AS (${fromArrays(of('overwrite'))} ON CONFLICT (key) DO UPDATE SET ${SET_ROW} ${RETURNING})`);
  if (of('create').length > 0) parts.push(`created AS (${fromArrays(of('create'))} ON CONFLICT (key) DO NOTHING ${RETURNING})`);
  if (updates.length > 0) {
    const [keys, docs, eTags] = arrays([updates.map((w) => w.key), updates.map((w) => w.doc), updates.map((w) => (w.mode as { eTag: string }).eTag)]);
    parts.push(`updated AS (UPDATE bot_state AS b SET doc = v.doc::jsonb, etag = nextval('bot_state_etag_seq'), updated_at = now()
       FROM unnest(${keys}::text[], ${docs}::text[], ${eTags}::bigint[]) AS v(key, doc, etag)
      WHERE b.key = v.key AND b.etag = v.etag
     RETURNING b.key, b.etag::text AS etag)`);
  }
  const names = parts.map((part) => part.slice(0, part.indexOf(' ')));
  return db.query<{ key: string; etag: string }>(`WITH ${parts.join(',\n')}\n${names.map((name) => `SELECT key, etag FROM ${name}`).join(' UNION ALL ')}`, params);
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
