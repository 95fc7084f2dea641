// `npm start`: read the config, start the server, stop cleanly on SIGTERM/SIGINT.
// The config and the data-folder lock are checked before the server's modules load (Bot Framework,
// restify and the database take seconds to import), so a second server on one folder is refused at once.
import { ConfigError, loadConfig } from '../config.js';
import { acquireDataDirLock, DataDirLockedError } from '../store/dataDirLock.js';
import { safeError } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let releaseLock: () => Promise<void> = async () => {};
  try {
    if (!config.databaseUrl) releaseLock = await acquireDataDirLock(config.dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { startServer } = await import('./createServer.js');
  let running;
  try {
    running = await startServer(config, { releaseLock });
  } catch (error) {
    await releaseLock();
    throw error;
  }
  console.log(`Intake bot for ${config.clinic.name} on ${running.url} (database: ${running.db.kind})`);
  const stop = (signal: string) => {
    running.logger.info({ signal }, 'shutting down');
    running
      .close()
      .then(() => process.exit(0))
      .catch((error) => {
        running.logger.error({ err: safeError(error) }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main().catch((error) => {
  console.error('Start-up failed:', safeError(error).type, error instanceof Error ? error.message : '');
  process.exit(1);
});
