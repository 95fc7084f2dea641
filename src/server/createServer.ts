// Wiring only: build the pieces from the config, register routes, start, stop gracefully.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
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
import { registerMessages } from '../channels/messages.js';

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
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const releaseLock = config.databaseUrl ? async () => {} : await acquireDataDirLock(config.dataDir);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db);

  const auth = new ConfigurationBotFrameworkAuthentication(config.botFramework);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(logger);
  const bot = new IntakeBot({ storage: new SqlStorage(db), clinic: config.clinic, logger, ...(options.sink ? { sink: options.sink } : {}) });

  const server = restify.createServer({ name: 'intake-bot', handleUncaughtExceptions: false });
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
  registerMessages(server, adapter, bot, logger);

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
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive sockets would hold close() open; idle ones can go now, busy ones finish first.
        server.server.closeIdleConnections?.();
        await closed;
        await db.close();
        await releaseLock();
      })();
      return closing;
    },
  };
}
