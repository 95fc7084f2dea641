// A benchmark server in its own process, so the load generator never shares its event loop.
//   node --expose-gc --import tsx bench/serve.ts <echo-floor|intake-memory|intake-pglite|intake-postgres>
// Configured like `npm start` (PORT, DATA_DIR, DATABASE_URL, LOG_LEVEL). Talks to the bench over IPC:
// sends { type: 'ready', url } once listening; answers { type: 'measure' } with its RSS (after a forced
// GC) and what it keeps per conversation; exits on { type: 'stop' }.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { MemoryStorage } from 'botbuilder';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server/createServer.js';
import type { Database } from '../src/store/database.js';
import { startEchoServer } from './echoBot.js';
import { SERVER_CONFIGS, type Measurement, type ServerConfig } from './servers.js';

type Message = { type: 'measure' } | { type: 'stop' } | { type: 'profile'; action: 'start' } | { type: 'profile'; action: 'stop'; file: string };

/**
 * Stored JSON of memory-kept state: every key, and those whose intake is at `done`. The echo bot's
 * conversations have no end, so for it every stored conversation counts as finished.
 */
function measureMemory(memory: Record<string, string>, prefix: string, isFinished: (json: string) => boolean) {
  let conversations = 0;
  let finished = 0;
  let bytes = 0;
  for (const [key, json] of Object.entries(memory)) {
    if (!key.startsWith(prefix)) continue;
    conversations++;
    if (isFinished(json)) {
      finished++;
      bytes += Buffer.byteLength(json);
    }
  }
  return { conversations, finished, bytesPerFinished: finished ? bytes / finished : 0 };
}
const intakeDone = (json: string) => (JSON.parse(json) as { snapshot?: { state?: string } }).snapshot?.state === 'done';

async function measureSql(db: Database) {
  // octet_length of the jsonb as text: what a reader of the row gets back (jsonb's text form adds a
  // space after each colon and comma, so this slightly over-counts the JSON the bot wrote).
  const { rows } = await db.query<{ n: string; done: string; bytes: string | null }>(
    `SELECT count(*)::text AS n,
            count(*) FILTER (WHERE doc->'snapshot'->>'state' = 'done')::text AS done,
            avg(octet_length(doc::text)) FILTER (WHERE doc->'snapshot'->>'state' = 'done')::text AS bytes
       FROM bot_state WHERE key LIKE 'intake/%'`,
  );
  const r = rows[0]!;
  return { conversations: Number(r.n), finished: Number(r.done), bytesPerFinished: Number(r.bytes ?? 0) };
}

// A CPU profile of just the measured window (node --cpu-prof would include start-up), same format.
let session: Session | undefined;
async function profile(m: Extract<Message, { type: 'profile' }>): Promise<void> {
  if (m.action === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    return;
  }
  if (!session) return;
  const { profile: data } = await session.post('Profiler.stop');
  await writeFile(m.file, JSON.stringify(data));
  session.disconnect();
  session = undefined;
}

async function main(): Promise<void> {
  const which = process.argv[2] as ServerConfig;
  if (!SERVER_CONFIGS.includes(which)) throw new Error(`usage: serve.ts <${SERVER_CONFIGS.join('|')}>`);
  if (!process.send) throw new Error('serve.ts runs as a child of the bench (needs an IPC channel)');
  const send = (m: unknown) => process.send!(m);

  let url: string;
  let state: () => Promise<Omit<Measurement, 'rss' | 'heapUsed'>>;
  let close: () => Promise<void>;
  if (which === 'echo-floor') {
    const echo = await startEchoServer(Number(process.env.PORT ?? 0));
    ({ url } = echo);
    state = async () => measureMemory(echo.memory, '', () => true);
    close = echo.close;
  } else {
    const config = loadConfig(process.env);
    if (which === 'intake-postgres' && !config.databaseUrl) throw new Error('intake-postgres needs DATABASE_URL');
    if (which !== 'intake-postgres' && config.databaseUrl) throw new Error(`${which} must not have DATABASE_URL`);
    const memory: Record<string, string> = {};
    const running = await startServer(config, which === 'intake-memory' ? { storage: new MemoryStorage(memory) } : undefined);
    url = running.url;
    state = () => (which === 'intake-memory' ? Promise.resolve(measureMemory(memory, 'intake/', intakeDone)) : measureSql(running.db));
    close = running.close;
  }

  process.on('message', (m: Message) => {
    void (async () => {
      if (m.type === 'stop') {
        await close();
        process.exit(0);
      }
      if (m.type === 'profile') {
        await profile(m);
        send({ type: 'profiled' });
        return;
      }
      const kept = await state();
      const gc = (globalThis as { gc?: () => void }).gc;
      // Several full collections with pauses: the first queues finalizers and weak callbacks that the
      // next frees, and V8 hands emptied pages back to the OS a little after a collection.
      for (let i = 0; i < 3; i++) {
        gc?.();
        await new Promise((r) => setTimeout(r, 300));
      }
      const mem = process.memoryUsage();
      send({ type: 'measured', ...kept, rss: mem.rss, heapUsed: mem.heapUsed } satisfies Measurement & { type: string });
    })().catch((error: unknown) => send({ type: 'error', message: String(error) }));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url });
}

void main().catch((error: unknown) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
