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

/**
 * One process per contender. Each says "ready" once loaded; when all are, the test says "go" to all at
 * once, each tries the lock and says "won" or "locked", and a winner holds it until its stdin closes,
 * so a contender that is slow to load (a busy machine) still meets the lock held, never released.
 */
async function race(dataDir: string, contenders: number): Promise<string[]> {
  const script = `
    import { acquireDataDirLock } from './src/store/dataDirLock.ts';
    import { createInterface } from 'node:readline';
    const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
    console.log('ready');
    await lines.next();
    try { const release = await acquireDataDirLock(${JSON.stringify(dataDir)}); console.log('won'); await lines.next(); await release(); }
    catch (e) { console.log(e.constructor.name === 'DataDirLockedError' ? 'locked' : 'error ' + e.message); }`;
  const children = Array.from({ length: contenders }, () => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const said = children.map((child) => {
    const lines: string[] = [];
    const waiters: Array<() => void> = [];
    child.stdout.on('data', (d) => {
      lines.push(...String(d).split('\n').filter(Boolean));
      waiters.splice(0).forEach((w) => w());
    });
    const nth = async (n: number) => {
      while (lines.length < n && child.exitCode === null) await new Promise<void>((r) => waiters.push(r));
      return lines[n - 1] ?? 'exited';
    };
    return { child, nth };
  });
  await Promise.all(said.map((s) => s.nth(1)));
  for (const child of children) child.stdin.write('go\n');
  const results = await Promise.all(said.map((s) => s.nth(2)));
  const exited = children.map((child) => new Promise((r) => child.once('exit', r)));
  for (const child of children) child.stdin.end();
  await Promise.all(exited);
  return results;
}

describe('the data folder lock', () => {
  it('lets exactly one of three servers started at the same moment take over a stale lock', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 4; round++) {
      const dataDir = await tempDir('lock-race-');
      // Old single-file locks and numbered ones are both taken over.
      await writeFile(join(dataDir, round % 2 === 0 ? 'intake-bot.lock' : 'intake-bot.lock.7'), String(deadPid()));
      const results = await race(dataDir, 3);
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
