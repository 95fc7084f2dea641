// Runs tasks one at a time per key, in arrival order, and different keys side by side. A channel
// serialises a conversation's turns with it: without it, twenty answers sent at once to one
// conversation raced on its eTag and most ran out of retries (issue 14: 12 apologies out of 20).
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The map holds only keys with work queued: the last task of a key removes it.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
