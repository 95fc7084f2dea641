// The compressed copies of large files kept between starts: used when they are the file, never when not.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { AssetCache } from '../../src/channels/webchat/assets.js';
import { tempDir } from '../support/server.js';

const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/intake-bot/', import.meta.url));

/** Serves `path` through the cache as a browser asking for `encoding` would get it. */
async function served(path: string, encoding: 'gzip' | 'br'): Promise<Buffer> {
  const headers: Record<string, unknown> = {};
  let body: Buffer = Buffer.alloc(0);
  const res = { setHeader: (k: string, v: unknown) => (headers[k] = v), writeHead: () => undefined, end: (b?: Buffer) => (body = b ?? body) };
  await new AssetCache().serve({ headers: { 'accept-encoding': encoding } } as never, res as never, path, 0);
  expect(headers['Content-Encoding']).toBe(encoding);
  return body;
}

describe('compressed copies kept between starts', () => {
  let dir: string;
  let key: string;
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(join(CACHE_DIR, `${key}.gz`), { force: true });
    await rm(join(CACHE_DIR, `${key}.br`), { force: true });
  });

  it('are written on first use, and a damaged copy is never served: the file is compressed again', async () => {
    dir = await tempDir('assets-');
    const raw = Buffer.from(`// ${randomBytes(16).toString('hex')}\n${'const x = 1;\n'.repeat(30_000)}`);
    key = createHash('sha256').update(raw).digest('hex');
    const path = join(dir, 'big.js');
    await writeFile(path, raw);

    expect(gunzipSync(await served(path, 'gzip')).equals(raw)).toBe(true);
    expect(gunzipSync(await readFile(join(CACHE_DIR, `${key}.gz`))).equals(raw)).toBe(true);

    await mkdir(CACHE_DIR, { recursive: true });
    await writeFile(join(CACHE_DIR, `${key}.br`), Buffer.from('not brotli at all'));
    expect(brotliDecompressSync(await served(path, 'br')).equals(raw)).toBe(true);
    // And the good copy replaced the damaged one.
    expect(brotliDecompressSync(await readFile(join(CACHE_DIR, `${key}.br`))).equals(raw)).toBe(true);
  });
});
