// Staff inbox sessions that signing out ends. The cookie is signed and carries its own expiry (12 h);
// signing out used only to clear it in that browser, so a copied cookie stayed valid. Now its id is
// recorded as revoked until it would have expired, in the database so every instance agrees.
import type { Database } from '../store/database.js';
import type { ClinicAuth } from './auth.js';

export class StaffSessions {
  constructor(
    private readonly db: Database,
    private readonly auth: ClinicAuth,
  ) {}

  /** A session cookie that is signed, unexpired and not signed out. */
  async valid(cookie: string | undefined): Promise<boolean> {
    const session = this.auth.readSession(cookie);
    if (!session) return false;
    const { rows } = await this.db.query('SELECT 1 FROM staff_session_revocations WHERE session_id = $1', [session.id]);
    return rows.length === 0;
  }

  async revoke(cookie: string | undefined): Promise<void> {
    const session = this.auth.readSession(cookie);
    if (!session) return;
    await this.db.query('INSERT INTO staff_session_revocations (session_id, expires_at) VALUES ($1, to_timestamp($2)) ON CONFLICT (session_id) DO NOTHING', [session.id, session.expiresAt]);
  }
}

/** Revocations of sessions that have expired anyway are no longer needed. */
export async function purgeExpiredRevocations(db: Database): Promise<number> {
  return (await db.query('DELETE FROM staff_session_revocations WHERE expires_at < now()')).rowCount;
}
