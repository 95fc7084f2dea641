import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/groupCommit.js';

type Job = { key: string; value: number };

/** A flush that records what each call held and takes a little while, like a database statement. */
function recorder(fail?: (jobs: Job[]) => boolean) {
  const flushes: Job[][] = [];
  const group = new GroupCommit<Job, string>(
    async (jobs) => {
      flushes.push(jobs);
      await new Promise((r) => setTimeout(r, 5));
      if (fail?.(jobs)) throw new Error('database down');
      return jobs.map((j) => `${j.key}=${j.value}`);
    },
    (j) => j.key,
    3,
  );
  return { group, flushes };
}

describe('GroupCommit', () => {
  it('jobs that queue while a flush runs go together in the next one, each getting its own result', async () => {
    const { group, flushes } = recorder();
    const first = group.run({ key: 'a', value: 1 });
    await new Promise((r) => setTimeout(r, 1));
    const rest = [group.run({ key: 'b', value: 1 }), group.run({ key: 'c', value: 1 })];
    expect(await Promise.all([first, ...rest])).toEqual(['a=1', 'b=1', 'c=1']);
    expect(flushes.map((f) => f.map((j) => j.key))).toEqual([['a'], ['b', 'c']]);
  });

  it('holds a key once per flush, so jobs of one key run in order; and caps a flush', async () => {
    const { group, flushes } = recorder();
    const results = await Promise.all([
      group.run({ key: 'a', value: 1 }),
      group.run({ key: 'a', value: 2 }),
      group.run({ key: 'b', value: 1 }),
      group.run({ key: 'c', value: 1 }),
      group.run({ key: 'd', value: 1 }),
    ]);
    expect(results).toEqual(['a=1', 'a=2', 'b=1', 'c=1', 'd=1']);
    expect(flushes.map((f) => f.map((j) => `${j.key}${j.value}`))).toEqual([['a1', 'b1', 'c1'], ['a2', 'd1']]);
  });

  it('a failed flush goes again job by job, so only the job the database refuses fails; the queue carries on', async () => {
    const { group, flushes } = recorder((jobs) => jobs.some((j) => j.key === 'bad'));
    const first = group.run({ key: 'first', value: 1 });
    await new Promise((r) => setTimeout(r, 1));
    const bad = group.run({ key: 'bad', value: 1 });
    const sameFlush = group.run({ key: 'x', value: 1 });
    await expect(first).resolves.toBe('first=1');
    await expect(bad).rejects.toThrow('database down');
    await expect(sameFlush).resolves.toBe('x=1');
    expect(flushes.map((f) => f.map((j) => j.key))).toEqual([['first'], ['bad', 'x'], ['bad'], ['x']]);
    await expect(group.run({ key: 'y', value: 1 })).resolves.toBe('y=1');
  });

  it('when every job fails (the database is down), every job gets the error', async () => {
    const { group } = recorder(() => true);
    const results = await Promise.allSettled([group.run({ key: 'a', value: 1 }), group.run({ key: 'b', value: 1 })]);
    expect(results.map((r) => r.status === 'rejected' && String(r.reason))).toEqual(['Error: database down', 'Error: database down']);
  });
});

describe('GroupCommit with a flush that answers for the wrong number of jobs', () => {
  it('tells every job of that flush, and does not write them again (the flush returned, so it wrote)', async () => {
    const flushes: string[][] = [];
    const group = new GroupCommit<string, string>(
      async (jobs) => {
        flushes.push(jobs);
        await new Promise((r) => setTimeout(r, 5));
        return jobs.length > 1 ? jobs.slice(1) : jobs;
      },
      (job) => job,
    );
    const first = group.run('first');
    await new Promise((r) => setTimeout(r, 1));
    const results = await Promise.allSettled([first, group.run('a'), group.run('b')]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      'first',
      'Error: GroupCommit: flush returned 1 results for 2 jobs',
      'Error: GroupCommit: flush returned 1 results for 2 jobs',
    ]);
    expect(flushes).toEqual([['first'], ['a', 'b']]);
  });
});
