// `npm start`: read the config, start the server, stop cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../store/dataDirLock.js';
import { startServer } from './createServer.js';
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
  let running;
  try {
    running = await startServer(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
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
