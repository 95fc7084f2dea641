import type { Migration } from '../migrations.js';

/**
 * Staff keep track of which intakes they have read and dealt with: `review` is `new` until someone
 * opens the intake in the inbox (`seen`), and `handled` once they mark it so (a call made, a booking
 * checked). `reviewed_at` is when it last changed. No patient data.
 */
export const intakeReview: Migration = {
  version: 5,
  name: 'intake_review',
  sql: `
    ALTER TABLE intakes
      ADD COLUMN review text NOT NULL DEFAULT 'new' CHECK (review IN ('new', 'seen', 'handled')),
      ADD COLUMN reviewed_at timestamptz NULL;
  `,
};
