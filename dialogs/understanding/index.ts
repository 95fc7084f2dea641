// The offline free-text understanding: every parser the dialogs use, from one import.
export { parseCommand } from './commands.js';
export { parseYesNo, parseConsent } from './yesNo.js';
export { parseSignAnswer } from './signAnswer.js';
export { parseSites, parseSpread, parsePrimary } from './bodySites.js';
export { correctionPoints, parseSide } from './sides.js';
export { describeWeeks, parseDuration } from './duration.js';
export { parseCauses } from './causes.js';
export { parsePainScore, parseWorstScore } from './painScore.js';
export { parseDifficulty } from './difficulty.js';
export { parseFlagChecklist } from './flags.js';
export { parsePrecautions } from './precautions.js';
export { cutAt, tokenise } from './text.js';
export { parseQuestionBack } from './questionsBack.js';
export { findSigns, isAffirmed, isWorthAsking } from './signs.js';
export { answeringFor, inPatientsVoice } from './proxy.js';
export { parseSummaryReply } from './summaryReply.js';
export { NAME_NOT_GIVEN, nameSaid, parseContact } from './contact.js';
export type * from './types.js';
