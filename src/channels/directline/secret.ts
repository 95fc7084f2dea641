// The Direct Line secret: DIRECTLINE_SECRET when the operator set one, otherwise one generated at the
// first start and kept in the database, so tokens survive restarts and every instance of a Postgres
// deployment agrees. Never a fixed default: a default secret would let anyone mint tokens.
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
    // Printed once, on the start that created it, so the operator can pin it in the environment.
    logger.warn(
      `No DIRECTLINE_SECRET was set: generated one and stored it in the database. To set it yourself (e.g. for server-side Direct Line clients), use DIRECTLINE_SECRET=${secret}`,
    );
  }
  return secret;
}
