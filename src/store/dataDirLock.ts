// PGlite has no lock of its own: two processes on one data folder would corrupt it. A lock file
// with our pid stops the second one with a clear message (a stale file from a crash is taken over).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {}

export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'intake-bot.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new DataDirLockedError(`DATA_DIR: ${dataDir} is in use by another intake bot (pid ${holder}); use another DATA_DIR or DATABASE_URL`);
      }
      await rm(file, { force: true });
    }
  }
  throw new DataDirLockedError(`DATA_DIR: could not lock ${dataDir}`);
}
