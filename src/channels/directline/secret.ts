// The Direct Line secret: DIRECTLINE_SECRET when the operator set one, otherwise one generated at the
// first start and kept in the database, so tokens survive restarts and every instance of a Postgres
// deployment agrees. Never a fixed default: a default secret would let anyone mint tokens. Never logged.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../../store/database.js';

const NAME = 'directline_secret';

export async function resolveDirectLineSecret(db: Database, configured: string | undefined, logger: Logger): Promise<string> {
  if (configured) return configured;
  const candidate = randomBytes(32).toString('base64url');
  // Two instances starting together both try; the first insert wins and both read the winner.
  const inserted = await db.query('INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [NAME, candidate]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM app_secrets WHERE name = $1', [NAME]);
  const secret = rows[0]?.value;
  if (!secret) throw new Error('could not store the generated Direct Line secret');
  if (inserted.rowCount > 0) {
    // Never the secret itself: whoever reads the log could read every transcript with it. Logs get
    // shipped and kept; the database is where the secret already is.
    logger.warn(
      "No DIRECTLINE_SECRET was set: generated one and stored it in the database (table app_secrets, name 'directline_secret'); it is not logged. " +
        'Server-side Direct Line clients: set DIRECTLINE_SECRET to a secret of your own (openssl rand -base64 32) and restart, which also rotates it ' +
        "(Web Chat pages simply fetch new tokens). On PostgreSQL the generated one can be read with: SELECT value FROM app_secrets WHERE name = 'directline_secret'.",
    );
  }
  return secret;
}
