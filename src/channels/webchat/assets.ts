// Static files for the page: web/static/* and Web Chat's UMD bundle from node_modules (no CDN).
// Read once, compressed once (the 3.9 MB bundle is about 1 MB gzipped, less with brotli: it matters on
// a phone), served with an ETag so a returning browser revalidates cheaply.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants as zlib, gunzip, gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

export const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));
const STATIC_DIR = join(WEB_DIR, 'static');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

// The thread pool compresses, so the first request for the bundle does not stall other patients' turns.
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const gunzipAsync = promisify(gunzip);
const unbrotliAsync = promisify(brotliDecompress);

/**
 * Compressing the 3.9 MB Web Chat bundle takes about 0.6 s of CPU at every start. Large files keep their
 * compressed copies here, named by a hash of the content, so a restart (or the next test's server)
 * reads them instead. Best effort: a read-only install just compresses again. A copy is used only if
 * it decompresses to exactly the file, so a damaged or stale one is never served.
 */
const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/intake-bot/', import.meta.url));
const CACHE_FROM_BYTES = 256 * 1024;

interface Asset {
  type: string;
  etag: string;
  raw: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

const require = createRequire(import.meta.url);

/** Where botframework-webchat is installed (its exports map hides package.json), and its version. */
export function webChatBundle(): { path: string; version: string } {
  const root = resolve(dirname(require.resolve('botframework-webchat')), '..');
  const version = (require(join(root, 'package.json')) as { version: string }).version;
  return { path: join(root, 'dist', 'webchat.js'), version };
}

export class AssetCache {
  private readonly cache = new Map<string, Promise<Asset | null>>();

  /** Serves web/static/<name>; false when there is no such file (the caller answers 404). */
  async serveStatic(req: Request, res: Response, name: string, maxAge: number): Promise<boolean> {
    const path = resolve(STATIC_DIR, name);
    // Only files directly under web/static (and its subfolders): no ../ escapes, no dotfiles.
    if (!path.startsWith(STATIC_DIR + sep) || /(^|[\\/])\./.test(name)) return false;
    return this.serve(req, res, path, maxAge);
  }

  /** Reads and compresses ahead of the first request (the Web Chat bundle at start-up). */
  warm(path: string): void {
    void this.get(path);
  }

  private get(path: string): Promise<Asset | null> {
    let pending = this.cache.get(path);
    if (!pending) {
      pending = load(path);
      this.cache.set(path, pending);
    }
    return pending;
  }

  async serve(req: Request, res: Response, path: string, maxAge: number): Promise<boolean> {
    const asset = await this.get(path);
    if (!asset) {
      this.cache.delete(path);
      return false;
    }
    res.setHeader('Content-Type', asset.type);
    res.setHeader('ETag', asset.etag);
    res.setHeader('Cache-Control', maxAge > 0 ? `public, max-age=${maxAge}, immutable` : 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304);
      res.end();
      return true;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    let body = asset.raw;
    if (/\bbr\b/.test(accepts) && asset.br) {
      res.setHeader('Content-Encoding', 'br');
      body = asset.br;
    } else if (/\bgzip\b/.test(accepts) && asset.gzip) {
      res.setHeader('Content-Encoding', 'gzip');
      body = asset.gzip;
    }
    res.setHeader('Content-Length', body.length);
    res.writeHead(200);
    res.end(body);
    return true;
  }
}

async function load(path: string): Promise<Asset | null> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch {
    return null;
  }
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  // One hash of the content: the ETag, and the name of its compressed copies.
  const digest = createHash('sha256').update(raw).digest();
  const asset: Asset = { type, raw, etag: `"${digest.toString('base64url').slice(0, 27)}"` };
  if (/javascript|css|svg|json|text/.test(type) && raw.length > 1024) {
    const key = raw.length >= CACHE_FROM_BYTES ? digest.toString('hex') : null;
    [asset.gzip, asset.br] = (key ? await cached(key, raw) : null) ?? (await compress(raw, key));
  }
  return asset;
}

async function compress(raw: Buffer, cacheKey: string | null): Promise<[Buffer, Buffer]> {
  const both = await Promise.all([
    gzipAsync(raw, { level: 9 }),
    brotliAsync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  ]);
  if (cacheKey) {
    try {
      await mkdir(CACHE_DIR, { recursive: true });
      // Written under a temporary name and renamed: another process never reads half a file.
      for (const [ext, data] of [['gz', both[0]], ['br', both[1]]] as const) {
        const tmp = join(CACHE_DIR, `${cacheKey}.${ext}.${process.pid}.tmp`);
        await writeFile(tmp, data);
        await rename(tmp, join(CACHE_DIR, `${cacheKey}.${ext}`));
      }
    } catch {
      /* best effort: the next start compresses again */
    }
  }
  return both;
}

async function cached(key: string, raw: Buffer): Promise<[Buffer, Buffer] | null> {
  try {
    const [gz, br] = await Promise.all([readFile(join(CACHE_DIR, `${key}.gz`)), readFile(join(CACHE_DIR, `${key}.br`))]);
    const [a, b] = await Promise.all([gunzipAsync(gz), unbrotliAsync(br)]);
    return a.equals(raw) && b.equals(raw) ? [gz, br] : null;
  } catch {
    return null;
  }
}
