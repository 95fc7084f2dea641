// Where a question stands in the intake, for a client's progress bar (CONTRACT §2: `progress`).
import { STEP_OF, movementList, pendingFollowUps, type IntakeContext, type QuestionState } from './intakeContext.js';
import type { Progress } from './outputs.js';
import { STEPS, type Step } from './vocabulary.js';

const TOTAL = STEPS.indexOf('booking') + 1;

/** Steps in contract order, so the bar only moves backwards after back or restart. */
export function progressOf(step: Step, part?: Progress['part']): Progress {
  const index = Math.min(STEPS.indexOf(step) + 1, TOTAL);
  return part ? { index, total: TOTAL, part } : { index, total: TOTAL };
}

/**
 * The progress of the question a state asks. `index` stays the contract's step number (clients that
 * read only it see what they always saw); `part` is added where one step asks several questions in a
 * row, so the bar moves on with each of them instead of standing still for five movement questions.
 */
export function progressAt(state: QuestionState, ctx: IntakeContext): Progress {
  // An edit from the summary is a short detour that comes straight back to the summary: the bar stays
  // where the patient was (the summary) rather than falling back to step 2 and telling them steps 3-12
  // are still to come, which they are not. So the summary after an edit shows the step it showed before,
  // and the bar never moves backwards at all except after "back" or "restart".
  if (ctx.editing !== null) return progressOf('summary');
  switch (state) {
    case 'movement': {
      const total = movementList(ctx).length;
      return progressOf('movement', total > 1 ? { index: Math.min(ctx.movementIndex + 1, total), total } : undefined);
    }
    case 'flagFollowUp': {
      // The checklist itself is the first of the safety questions; each follow-up comes after it. (The
      // checklist carries no part: how many follow-ups there will be is known only from its answer.)
      const total = pendingFollowUps(ctx).length + 1;
      return progressOf('red_flags', { index: Math.min(ctx.followUpIndex + 2, total), total });
    }
    case 'checkItem':
      // The one-item-at-a-time form says "question 3 of 9" in its own words; the bar stays at the list's
      // step, so the follow-ups that come after it still move it forwards.
      return progressOf(ctx.itemCheck?.of === 'precautions' ? 'precautions' : 'red_flags');
    case 'confirmSign':
      // A safety question asked in the middle of another: the bar stays where the conversation is.
      return ctx.resumeAt && ctx.resumeAt !== 'routeScreen' && ctx.resumeAt !== 'confirmSign' ? progressAt(ctx.resumeAt, ctx) : progressOf('red_flags');
    default:
      return progressOf(STEP_OF[state]);
  }
}
