// PGlite has no lock of its own: two processes on one data folder would corrupt it. A lock file with
// our pid stops the second one with a clear message, and a stale one (its process is gone after a
// crash) is taken over.
//
// Taking over must be atomic too. Deleting the stale file and creating ours were two steps, so two
// servers started at the same moment could both delete it and both create "their" lock. So lock files
// are numbered (`intake-bot.lock.<n>`) and the highest number is the lock: a stale `n` is replaced
// by creating `n + 1`, create-exclusive (a hard link of a fully written file, so no one ever reads a
// half-written pid), and of the servers that saw the same stale `n` exactly one can create `n + 1`.
// `intake-bot.lock` without a number is the older single file, read as number 0.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const NAME = 'intake-bot.lock';
const NUMBERED = /^intake-bot\.lock(?:\.(\d+))?$/;
/** Each lost race means someone else moved first; a few rounds settle any start-up stampede. */
const ROUNDS = 5;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {}

const fileOf = (dir: string, n: number) => join(dir, n === 0 ? NAME : `${NAME}.${n}`);

/** The lock numbers present, highest first. */
async function numbers(dir: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir(dir)) {
    const match = NUMBERED.exec(entry);
    if (match) found.push(Number(match[1] ?? 0));
  }
  return found.sort((a, b) => b - a);
}

/** The pid in a lock file; undefined when it is gone (released meanwhile) or unreadable. */
async function holderOf(file: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) ? pid : undefined;
}

/** Another live process. Our own pid in a lock is a previous life of a container whose pid is always the same. */
const heldByOther = (pid: number | undefined) => pid !== undefined && pid !== process.pid && alive(pid);

/** Creates `file` holding our pid, or throws EEXIST; it appears complete or not at all. */
async function createExclusive(file: string): Promise<void> {
  const draft = join(file, '..', `.${NAME}-draft-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeFile(draft, String(process.pid));
  try {
    await link(draft, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file system without hard links: exclusive create still decides the race, only not the content.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    await writeFile(file, String(process.pid), { flag: 'wx' });
  } finally {
    await rm(draft, { force: true });
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  for (let round = 0; round < ROUNDS; round++) {
    const present = await numbers(dataDir);
    for (const n of present) {
      const holder = await holderOf(fileOf(dataDir, n));
      if (heldByOther(holder)) {
        throw new DataDirLockedError(`DATA_DIR: ${dataDir} is in use by another intake bot (pid ${holder}); use another DATA_DIR or DATABASE_URL`);
      }
    }
    const mine = (present[0] ?? 0) + 1;
    try {
      await createExclusive(fileOf(dataDir, mine));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue; // someone took it first: look again
      throw error;
    }
    // Someone who looked before we created ours may have gone one higher; then theirs is the lock.
    if ((await numbers(dataDir))[0] !== mine) {
      await rm(fileOf(dataDir, mine), { force: true });
      continue;
    }
    // The stale ones below ours are history now.
    await Promise.all(present.map((n) => rm(fileOf(dataDir, n), { force: true })));
    return () => rm(fileOf(dataDir, mine), { force: true });
  }
  throw new DataDirLockedError(`DATA_DIR: could not lock ${dataDir}: other intake bots kept taking it`);
}
