// What happens when a turn throws (database down, a bug): the patient gets a kind message, the log
// gets the error's type and stack frames but no patient text, and because the snapshot is saved
// only after a turn succeeds, the conversation resumes from the last good answer.
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { safeError } from './logger.js';

export const TURN_ERROR_TEXT = 'Sorry, something went wrong on my side. Your answers so far are safe: please send your last answer again.';

export function turnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    logger.error({ err: safeError(error), activityType: context.activity.type }, 'turn failed');
    try {
      await context.sendActivity(TURN_ERROR_TEXT);
    } catch (sendError) {
      logger.error({ err: safeError(sendError) }, 'could not tell the patient about the failed turn');
    }
  };
}
