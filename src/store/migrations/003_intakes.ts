import type { Migration } from '../migrations.js';

/**
 * What the clinic receives: one row per intake, the webhook outbox, and tombstones.
 * - `intakes`: written once when an intake is confirmed or ends in an emergency (`summary` holds the
 *   IntakeSummary), or when a conversation is abandoned (`partial` holds what was answered; a patient
 *   who comes back and finishes upgrades the row). Timestamps are the database's, so several instances
 *   agree on order.
 * - `intake_outbox`: one row per webhook event, written in the same transaction as the intake. `body` is
 *   the exact JSON that is signed and POSTed, so every retry sends identical bytes. No foreign key: an
 *   `intake.deleted` event outlives its intake. A worker claims due rows with a lease (`lease_token`,
 *   `leased_until`) so a crashed sender's rows are retried, never lost.
 * - `intake_tombstones`: ids that were deleted (by the patient or the clinic), so the reconcile sweep
 *   never recreates them from conversation state. They hold no patient data.
 */
export const intakes: Migration = {
  version: 3,
  name: 'intakes',
  sql: `
    CREATE TABLE intakes (
      intake_id       uuid PRIMARY KEY,
      channel_id      text NOT NULL,
      conversation_id text NOT NULL,
      outcome         text NOT NULL CHECK (outcome IN ('done', 'emergency', 'abandoned')),
      triage          text NULL CHECK (triage IN ('emergency', 'see_doctor_first', 'therapist_review', 'routine')),
      summary         jsonb NULL,
      partial         jsonb NULL,
      started_at      timestamptz NOT NULL,
      recorded_at     timestamptz NOT NULL,
      updated_at      timestamptz NOT NULL DEFAULT now(),
      CHECK ((outcome = 'abandoned') = (summary IS NULL)),
      CHECK ((outcome = 'abandoned') = (partial IS NOT NULL))
    );
    CREATE INDEX intakes_recent ON intakes (recorded_at DESC, intake_id DESC);
    CREATE INDEX intakes_conversation ON intakes (channel_id, conversation_id);

    CREATE TABLE intake_outbox (
      id              uuid PRIMARY KEY,
      intake_id       uuid NOT NULL,
      event           text NOT NULL CHECK (event IN ('intake.created', 'intake.deleted')),
      body            text NOT NULL,
      status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered')),
      attempts        integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      lease_token     uuid NULL,
      leased_until    timestamptz NULL,
      last_attempt_at timestamptz NULL,
      last_status     integer NULL,
      last_error      text NULL,
      delivered_at    timestamptz NULL,
      created_at      timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX intake_outbox_due ON intake_outbox (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX intake_outbox_intake ON intake_outbox (intake_id);

    CREATE TABLE intake_tombstones (
      intake_id  uuid PRIMARY KEY,
      deleted_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
