// Wiring only: build the pieces from the config, register routes, start, stop gracefully.
import { CloudAdapter, type Storage } from 'botbuilder';
import restify from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { IntakeBot } from '../bot/intakeBot.js';
import { turnErrorHandler } from './turnError.js';
import type { IntakeSink } from '../bot/intakeSink.js';
import { openDatabase, type Database } from '../store/database.js';
import { migrate } from '../store/migrations.js';
import { SqlStorage } from '../store/sqlStorage.js';
import { acquireDataDirLock } from '../store/dataDirLock.js';
import { createLogger, safeError } from './logger.js';
import { clientAddress } from './clientAddress.js';
import { RateLimiter } from './rateLimit.js';
import type { IncomingMessage } from 'node:http';
import { CachingBotFrameworkAuthentication } from '../channels/botAuthentication.js';
import { registerMessages } from '../channels/messages.js';
import { CHANNEL_ID as DIRECT_LINE_CHANNEL_ID, DirectLineChannel } from '../channels/directline/channel.js';
import { registerDirectLine } from '../channels/directline/routes.js';
import { resolveDirectLineSecret } from '../channels/directline/secret.js';
import { registerWebChat } from '../channels/webchat/routes.js';
import { startClinic, type ClinicOptions } from '../clinic/index.js';

/** Conversations kept in memory on PGlite: far more than are ever mid-intake at once, ~1.5 KB each. */
const RECENT_CONVERSATIONS = 2000;

/** How long a client may take to send its request headers, and its whole request. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  logger: Logger;
  close(): Promise<void>;
}

export interface ServerOptions {
  logger?: Logger;
  sink?: IntakeSink;
  /** Clinic delivery timings (webhook backoff, job intervals); tests shorten them. */
  clinic?: Pick<ClinicOptions, 'worker' | 'sweepEveryMs' | 'purgeEveryMs' | 'scrubAfterMs'>;
  /**
   * Keep bot state in this Storage instead of the database (the benchmark's memory-storage run).
   * Not a config key: a production server always keeps conversations in its database.
   */
  storage?: Storage;
  /** The data-folder lock, when the caller took it first (`npm start` does, before loading the server's modules). */
  releaseLock?: () => Promise<void>;
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const releaseLock = options.releaseLock ?? (config.databaseUrl ? async () => {} : await acquireDataDirLock(config.dataDir));
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db);
  // PGlite has one process behind its data-dir lock, so that process can keep recent conversations in memory.
  const storage = options.storage ?? new SqlStorage(db, { exclusiveCacheEntries: db.kind === 'pglite' ? RECENT_CONVERSATIONS : 0 });
  const forgetConversations = storage instanceof SqlStorage ? (keys?: string[]) => storage.forget(keys) : undefined;
  const addressOf = (req: IncomingMessage) => clientAddress(req, config.trustProxy);
  const clinic = startClinic({ config, db, logger, forgetConversations, addressOf, ...options.clinic });

  const auth = new CachingBotFrameworkAuthentication(config.botFramework);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(logger);
  const bot = new IntakeBot({ storage, clinic: config.clinic, logger, sink: options.sink ?? clinic.sink });

  const server = restify.createServer({ name: 'intake-bot', handleUncaughtExceptions: false });
  // A client that sends its headers or body a byte at a time holds a socket and memory for as long as
  // the server lets it. Node checks these every 30 s, so such a client is cut off within ~40 s / ~60 s
  // (the defaults were 60 s and 5 min). Bodies here are small; WebSockets are past these once upgraded.
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.pre((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return next();
  });
  server.get('/healthz', async (_req, res) => {
    try {
      await db.query('select 1');
      res.json(200, { status: 'ok', database: db.kind });
    } catch (error) {
      logger.error({ err: safeError(error) }, 'health check failed');
      res.json(503, { status: 'unavailable', database: db.kind });
    }
  });
  registerMessages(server, adapter, bot, logger, {
    authenticated: config.botFramework.MicrosoftAppId !== '',
    allowRemoteAnonymous: config.allowAnonymousBotFramework,
    ownChannels: [DIRECT_LINE_CHANNEL_ID],
  });
  const directLineSecret = await resolveDirectLineSecret(db, config.directLineSecret, logger);
  const directLine = new DirectLineChannel({ db, secret: directLineSecret, bot, logger, onTurnError: turnErrorHandler(logger), botName: config.clinic.name });
  const burst = (perHour: number) => Math.max(1, Math.ceil(perHour / 3));
  const limits = {
    newChats: new RateLimiter({ perHour: config.rateLimits.newChatsPerHour, burst: burst(config.rateLimits.newChatsPerHour) }),
    tokens: new RateLimiter({ perHour: config.rateLimits.tokensPerHour, burst: burst(config.rateLimits.tokensPerHour) }),
    addressOf,
  };
  const web = { publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins, logger, limits };
  registerDirectLine(server, directLine, web);
  registerWebChat(server, directLine, { ...web, clinic: config.clinic });
  directLine.stream.attach(server.server);
  clinic.register(server);

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.info({ port, database: db.kind }, 'intake bot listening');

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    logger,
    close() {
      // Stop accepting, let in-flight turns finish (server.close waits for them), then release the database.
      closing ??= (async () => {
        await directLine.close(); // WebSockets first: server.close would wait for them forever
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive sockets would hold close() open; idle ones can go now, busy ones finish first.
        server.server.closeIdleConnections?.();
        await closed;
        await clinic.stop();
        await db.close();
        await releaseLock();
      })();
      return closing;
    },
  };
}
