// Loads and saves one conversation's intake snapshot through botbuilder's Storage with its eTag,
// so two turns of the same conversation (double taps, several server instances) never overwrite
// each other: a turn that loses the race is recomputed on the winner's result.
import type { Storage } from 'botbuilder';

/**
 * A Storage that can write a key only if it does not exist yet names the eTag that asks for it
 * (SqlStorage does). The first save of a conversation uses it, so two simultaneous first turns cannot
 * both "create" it: the loser gets an eTag conflict and is recomputed like any other lost race.
 * A Storage without it gets '*' (botbuilder's MemoryStorage: single process, used by the benchmark).
 */
interface CreateOnlyStorage {
  readonly createOnlyETag?: string;
}

export interface Stored {
  snapshot: unknown;
  eTag: string | undefined;
}

export class ConversationStore {
  private readonly createETag: string;

  constructor(private readonly storage: Storage) {
    this.createETag = (storage as Storage & CreateOnlyStorage).createOnlyETag ?? '*';
  }

  static key(channelId: string, conversationId: string): string {
    return `intake/${channelId}/${conversationId}`;
  }

  async load(key: string): Promise<Stored> {
    const items = await this.storage.read([key]);
    const item = items[key] as { snapshot?: unknown; eTag?: string } | undefined;
    return { snapshot: item?.snapshot ?? null, eTag: item?.eTag };
  }

  /**
   * Saves (or, for null, deletes) against the eTag read; throws on a conflict. `eTag` undefined means
   * nothing was stored when the turn loaded, so the save must create the key, not overwrite one that a
   * concurrent turn created meanwhile. A delete ("stop", "delete my data") is unconditional: it wins.
   */
  async save(key: string, snapshot: unknown, eTag: string | undefined): Promise<void> {
    if (snapshot === null) {
      if (eTag !== undefined) await this.storage.delete([key]);
      return;
    }
    await this.storage.write({ [key]: { snapshot, eTag: eTag ?? this.createETag } });
  }
}

/** Both SqlStorage and botbuilder's MemoryStorage say exactly this; any other failure is a real error. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /\beTag conflict\b/.test(error.message);
}
