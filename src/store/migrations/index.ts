/**
 * Every migration the app knows, in order. To add one:
 *   1. create `NNN_what_it_does.ts` next to this file exporting a `Migration`
 *      with the next free `version` (never renumber or edit one that has shipped);
 *   2. import it here and append it to the array.
 * The runner applies each pending one in its own transaction at start-up, on PGlite and Postgres alike,
 * so write plain PostgreSQL that both accept (no CREATE INDEX CONCURRENTLY: it cannot run in a transaction).
 */
import type { Migration } from '../migrations.js';
import { botState } from './001_bot_state.js';
import { directLine } from './002_directline.js';
import { intakes } from './003_intakes.js';
import { staffSessionRevocations } from './004_staff_session_revocations.js';
import { intakeReview } from './005_intake_review.js';

export const migrations: readonly Migration[] = [botState, directLine, intakes, staffSessionRevocations, intakeReview];
