// The bot's IntakeSink: records ended intakes (with their webhook event) and erases on request.
// Recording never fails a patient's turn: if the database write fails, the error is logged and the
// reconcile sweep records the intake from the saved conversation shortly after.
import type { Logger } from 'pino';
import type { IntakeSink } from '../bot/intakeSink.js';
import type { Database } from '../store/database.js';
import { safeError } from '../server/logger.js';
import { eraseConversation, type Erased } from './erasure.js';
import { recordIntake } from './intakeRecords.js';

export interface ClinicSinkOptions {
  db: Database;
  logger: Logger;
  webhook: boolean;
  /** An intake.created event was queued: wake the sender. */
  onEnqueued: () => void;
  /** The patient's data was erased: wake the sender if intake.deleted was queued, drop kept state. */
  onErased: (erased: Erased) => void;
  /** Recording failed: run the reconcile sweep soon. */
  onRecordFailed: () => void;
  clock?: () => Date;
}

export function clinicSink(options: ClinicSinkOptions): IntakeSink {
  const { db, logger } = options;
  const now = options.clock ?? (() => new Date());
  return {
    async intakeEnded(summary, outcome) {
      try {
        const recorded = await recordIntake(db, summary, outcome, { endedAt: summary.completedAt ?? now().toISOString(), webhook: options.webhook });
        if (recorded) {
          logger.info({ intakeId: summary.intakeId, outcome, triage: summary.triage }, 'intake recorded');
          if (options.webhook) options.onEnqueued();
        }
      } catch (error) {
        logger.error({ err: safeError(error), intakeId: summary.intakeId }, 'could not record the intake now; the reconcile sweep will');
        options.onRecordFailed();
      }
    },
    async dataDeleted(conversation) {
      // Errors propagate: the turn fails, and the patient's retry of "delete my data" runs this again.
      const erased = await eraseConversation(db, conversation, now());
      logger.info({ intakes: erased.intakeIds.length, notified: erased.notified }, 'patient data deleted on request');
      options.onErased(erased);
    },
  };
}
