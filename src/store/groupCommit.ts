/**
 * Group commit: jobs that queue up while a flush is running go to the database together in the next
 * one. PGlite runs one statement at a time, so under load many turns wait to save; one statement that
 * writes all of their rows costs a fraction of one statement each (measured: 16 rows in one UPDATE
 * take about what 6 single-row UPDATEs do).
 *
 * A flush holds each key at most once; a second job for a key waits for the next flush, so jobs of one
 * key run in the order they came. A flush must be atomic (one statement, or one transaction): if a
 * flush of several jobs fails, nothing of it was written, and each job goes again on its own, so one
 * bad job (a document the database refuses) fails alone instead of failing other patients' turns.
 */
export class GroupCommit<Job, Result> {
  private queue: Array<Entry<Job, Result>> = [];
  private draining = false;

  constructor(
    /** Writes the jobs and returns one result per job, in the same order. */
    private readonly flush: (jobs: Job[]) => Promise<Result[]>,
    private readonly keyOf: (job: Job) => string,
    private readonly maxJobs = 64,
  ) {}

  run(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        // PGlite runs a statement synchronously on this thread, so nothing can queue *while* it runs.
        // Waiting for the I/O already received (other patients' requests, each ending in a save) is
        // what lets their jobs join: one turn of the event loop, microseconds when it is idle.
        await new Promise((resolve) => setImmediate(resolve));
        const batch: typeof this.queue = [];
        const later: typeof this.queue = [];
        const keys = new Set<string>();
        for (const entry of this.queue) {
          const key = this.keyOf(entry.job);
          if (keys.has(key) || batch.length >= this.maxJobs) later.push(entry);
          else {
            keys.add(key);
            batch.push(entry);
          }
        }
        this.queue = later;
        // A failed flush wrote nothing. A bad job fails alone; when the database itself is down, each
        // job learns so from its own try (a few more failed statements, no wrong answer).
        const flushed = await this.flushAndSettle(batch);
        if (!flushed && batch.length > 1) for (const entry of batch) await this.flushAndSettle([entry]);
      }
    } finally {
      this.draining = false;
    }
  }

  /** Flushes the batch and settles its jobs; false when the flush threw (a lone job is rejected with it). */
  private async flushAndSettle(batch: Array<Entry<Job, Result>>): Promise<boolean> {
    let results: Result[];
    try {
      results = await this.flush(batch.map((entry) => entry.job));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      return false;
    }
    settle(batch, results);
    return true;
  }
}

interface Entry<Job, Result> {
  job: Job;
  resolve: (r: Result) => void;
  reject: (e: unknown) => void;
}

/**
 * One result per job, in order. A flush that answers otherwise did write (it returned), so its jobs
 * must not go again: each is told the flush is broken.
 */
function settle<Job, Result>(batch: Array<Entry<Job, Result>>, results: Result[]): void {
  if (results.length === batch.length) return batch.forEach((entry, i) => entry.resolve(results[i]!));
  const error = new Error(`GroupCommit: flush returned ${results.length} results for ${batch.length} jobs`);
  for (const entry of batch) entry.reject(error);
}
