// Small constructors so every parser reports misses the same way.
import type { MissReason, Understood } from './types.js';

export function ok<T>(value: T, note?: string): Understood<T> {
  return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

export function miss<T>(reason: MissReason, detail?: string): Understood<T> {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}

/** Runs a parser body so an unexpected bug degrades to a re-ask instead of crashing a conversation. */
export function guarded<T>(body: () => Understood<T>): Understood<T> {
  try {
    return body();
  } catch {
    return miss<T>('not_understood', 'internal_error');
  }
}

export function joinNotes(notes: readonly string[]): string | undefined {
  const unique = [...new Set(notes)];
  return unique.length > 0 ? unique.join('; ') : undefined;
}
