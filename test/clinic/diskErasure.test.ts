// "Deleted" must mean gone from the disk too: after "delete my data" and a staff deletion, no file
// under DATA_DIR (table files, WAL) still holds the patient's words or name.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, tempDir } from '../support/server.js';
import { api, completeIntake, FAST_CLINIC, startClinicServer, type ClinicServer } from './support.js';

/** Every file under `dir` that contains `marker` (as UTF-8 bytes). */
async function filesHolding(dir: string, marker: string): Promise<string[]> {
  const needle = Buffer.from(marker, 'utf8');
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path).catch(() => Buffer.alloc(0));
    if (content.includes(needle)) found.push(path.slice(dir.length + 1));
  }
  return found;
}

describe('erasure reaches the database files (PGlite)', () => {
  let server: ClinicServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir();
    server = await startClinicServer({ DATA_DIR: dataDir }, { clinic: { ...FAST_CLINIC, scrubAfterMs: 200 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('leaves no trace of a patient who said "delete my data"', async () => {
    const marker = 'Quokkaby';
    await completeIntake(server.url, 'erase-me', { contact: `Zed ${marker} 0412 345 678` });
    await server.db.query('CHECKPOINT');
    expect((await filesHolding(dataDir, marker)).length).toBeGreaterThan(0); // it was there to begin with

    const erased = await post(server.url, 'erase-me', { text: 'delete my data' });
    expect(erased.status).toBe(200);
    await expect.poll(() => filesHolding(dataDir, marker), { timeout: 20_000, interval: 250 }).toEqual([]);
  });

  it('leaves no trace of an intake the clinic deleted', async () => {
    const marker = 'Numbatson';
    const summary = await completeIntake(server.url, 'staff-deletes', { contact: `Ada ${marker} 0412 345 678` });
    await server.db.query('CHECKPOINT');
    expect((await filesHolding(dataDir, marker)).length).toBeGreaterThan(0);
    expect((await api(server, `/api/clinic/intakes/${summary.intakeId}`, { method: 'DELETE' })).status).toBe(204);
    await expect.poll(() => filesHolding(dataDir, marker), { timeout: 20_000, interval: 250 }).toEqual([]);
  });
});
