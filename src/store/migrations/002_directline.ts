import type { Migration } from '../migrations.js';

/**
 * The self-hosted Direct Line channel (src/channels/directline).
 * - `directline_conversations`: one row per Web Chat conversation. `last_seq` hands out watermarks:
 *   bumping it with UPDATE … RETURNING takes the row lock, so concurrent appends (several instances
 *   included) get distinct, gap-free, increasing numbers. It never goes back, not even when old
 *   activities are deleted, so a connected client's watermark stays valid.
 * - `directline_activities`: the transcript that lets a reloaded page or a restarted server resume the
 *   conversation with its history. Ids and watermarks derive from `seq`. Kept only while the patient
 *   can still come back to it (see transcriptStore.ts for what is deleted when).
 * - `app_secrets`: secrets the server generates itself when the operator set none (the Direct Line
 *   secret), so every instance and every restart signs and checks tokens with the same key.
 */
export const directLine: Migration = {
  version: 2,
  name: 'directline',
  sql: `
    CREATE TABLE directline_conversations (
      id          text PRIMARY KEY,
      last_seq    integer NOT NULL DEFAULT 0,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX directline_conversations_updated_at ON directline_conversations (updated_at);
    CREATE TABLE directline_activities (
      conversation_id text NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
      seq             integer NOT NULL,
      activity        jsonb NOT NULL,
      created_at      timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (conversation_id, seq)
    );
    CREATE TABLE app_secrets (
      name       text PRIMARY KEY,
      value      text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
