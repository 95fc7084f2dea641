import type { Migration } from '../migrations.js';

/**
 * Bot Framework state (conversation/user state) behind SqlStorage.
 * eTags come from a sequence, not a per-row counter, so a key that is deleted and created again
 * never reuses an old eTag (a stale writer holding "1" cannot overwrite the new row).
 */
export const botState: Migration = {
  version: 1,
  name: 'bot_state',
  sql: `
    CREATE SEQUENCE bot_state_etag_seq;
    CREATE TABLE bot_state (
      key        text PRIMARY KEY,
      doc        jsonb NOT NULL,
      etag       bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
