import type { Migration } from '../migrations.js';

/**
 * Staff inbox sessions that were signed out before they expired. A session cookie is signed, not
 * stored, so signing out must name it somewhere every instance looks: a row per signed-out session
 * until its own expiry (then the retention job removes it). Holds no patient data.
 */
export const staffSessionRevocations: Migration = {
  version: 4,
  name: 'staff_session_revocations',
  sql: `
    CREATE TABLE staff_session_revocations (
      session_id text PRIMARY KEY,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX staff_session_revocations_expires_at ON staff_session_revocations (expires_at);
  `,
};
