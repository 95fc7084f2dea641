// Loads and saves one conversation's intake snapshot through botbuilder's Storage with its eTag,
// so two turns of the same conversation (double taps, several server instances) never overwrite
// each other: a turn that loses the race is recomputed on the winner's result.
import type { Storage } from 'botbuilder';

export interface Stored {
  snapshot: unknown;
  eTag: string | undefined;
}

export class ConversationStore {
  constructor(private readonly storage: Storage) {}

  static key(channelId: string, conversationId: string): string {
    return `intake/${channelId}/${conversationId}`;
  }

  async load(key: string): Promise<Stored> {
    const items = await this.storage.read([key]);
    const item = items[key] as { snapshot?: unknown; eTag?: string } | undefined;
    return { snapshot: item?.snapshot ?? null, eTag: item?.eTag };
  }

  /** Saves (or, for null, deletes) against the eTag read; throws on a conflict. */
  async save(key: string, snapshot: unknown, eTag: string | undefined): Promise<void> {
    if (snapshot === null) {
      if (eTag !== undefined) await this.storage.delete([key]);
      return;
    }
    await this.storage.write({ [key]: { snapshot, eTag: eTag ?? '*' } });
  }

  async delete(key: string): Promise<void> {
    await this.storage.delete([key]);
  }
}

/** Both SqlStorage and botbuilder's MemoryStorage say exactly this; any other failure is a real error. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /\beTag conflict\b/.test(error.message);
}
