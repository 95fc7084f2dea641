// The data folder lock, raced by real processes: after a crash left a stale lock, servers starting at
// the same moment must not both take it over (they did when takeover was delete-then-create).
import { spawn, spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../src/store/dataDirLock.js';
import { tempDir } from '../support/server.js';

/** A pid that belonged to a process that has exited: what a kill -9 leaves in the lock. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** One process that waits for the agreed moment, tries the lock, says "won" or "locked", and holds it a moment. */
function contender(dataDir: string, at: number): Promise<string> {
  const script = `
    import { acquireDataDirLock } from './src/store/dataDirLock.ts';
    await new Promise((r) => setTimeout(r, ${at} - Date.now()));
    try { const release = await acquireDataDirLock(${JSON.stringify(dataDir)}); console.log('won'); await new Promise((r) => setTimeout(r, 1500)); await release(); }
    catch (e) { console.log(e.constructor.name === 'DataDirLockedError' ? 'locked' : 'error ' + e.message); }`;
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', () => resolve(out.trim()));
  });
}

describe('the data folder lock', () => {
  it('lets exactly one of three servers started at the same moment take over a stale lock', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 4; round++) {
      const dataDir = await tempDir('lock-race-');
      // Old single-file locks and numbered ones are both taken over.
      await writeFile(join(dataDir, round % 2 === 0 ? 'intake-bot.lock' : 'intake-bot.lock.7'), String(deadPid()));
      const at = Date.now() + 2500; // both loaded and waiting by then
      const results = await Promise.all([contender(dataDir, at), contender(dataDir, at), contender(dataDir, at)]);
      expect(results.sort(), `round ${round}`).toEqual(['locked', 'locked', 'won']);
      expect((await readdir(dataDir)).filter((f) => f.includes('lock')), `round ${round}`).toEqual([]);
    }
  });

  it('refuses a folder held by a live process, takes over a dead one, and is free again after release', async () => {
    const dataDir = await tempDir('lock-');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(join(dataDir, 'intake-bot.lock.2'), String(holder.pid));
      await expect(acquireDataDirLock(dataDir)).rejects.toThrow(DataDirLockedError);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    const release = await acquireDataDirLock(dataDir);
    expect(await readdir(dataDir)).toEqual(['intake-bot.lock.3']);
    await release();
    expect(await readdir(dataDir)).toEqual([]);
    const again = await acquireDataDirLock(dataDir);
    expect(await readdir(dataDir)).toEqual(['intake-bot.lock.1']);
    await again();
  });
});
