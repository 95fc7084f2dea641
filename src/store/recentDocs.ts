/**
 * The newest stored JSON of recently used bot_state keys, so a turn's read need not ask the database.
 * Exact only while this process is the database's one writer (PGlite behind its data-dir lock): the
 * owner puts what it wrote or read, and removes what it deleted or failed to write. Even a stale entry
 * could not lose an answer, since every save is checked against the stored eTag; it would only cost a
 * recomputed turn.
 *
 * Bounded (least recently used goes first) so idle conversations cost no memory here.
 */
export interface RecentDoc {
  /** The stored document as JSON text; parsed per read, so callers never share an object. */
  doc: string;
  eTag: string;
}

/** Kept for a key known not to exist: a new conversation's first turns read nothing but need not ask. */
export const ABSENT = null;

export class RecentDocs {
  private readonly entries = new Map<string, RecentDoc | typeof ABSENT>();
  /**
   * Bumped by every removal. A read or write that began before a removal may carry an answer from
   * before it, so it is not put back: its key is dropped instead (the removal wins, and the next read
   * asks the database). Dropped, not left alone: the epoch is shared by all keys, so the removal may
   * have been another key's, and this key's held entry (say, ABSENT before a first save) is now stale.
   */
  private epoch = 0;

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('RecentDocs: maxEntries must be a positive whole number');
  }

  get size(): number {
    return this.entries.size;
  }

  /** Call before asking the database; pass the result to put(). */
  mark(): number {
    return this.epoch;
  }

  /** The kept document, ABSENT if the key is known not to exist, undefined if not known. */
  get(key: string): RecentDoc | typeof ABSENT | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      // Map keeps insertion order: re-inserting makes this key the most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  put(key: string, entry: RecentDoc | typeof ABSENT, mark: number): void {
    if (mark !== this.epoch) {
      this.entries.delete(key);
      return;
    }
    const held = this.entries.get(key);
    // eTags come from one sequence: an older answer arriving late never replaces a newer one; and
    // "absent" never replaces a document (only a removal does).
    if (held && (entry === ABSENT || newerOrSame(held.eTag, entry.eTag))) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  remove(keys: Iterable<string>): void {
    this.epoch++;
    for (const key of keys) this.entries.delete(key);
  }

  removePrefix(prefix: string): void {
    this.remove([...this.entries.keys()].filter((key) => key.startsWith(prefix)));
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}

/** eTags are decimal sequence values without leading zeros: compare by length, then digit by digit. */
function newerOrSame(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a >= b;
}
