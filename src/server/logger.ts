// One pino logger for the process. Patient words never reach a log line: the bot logs steps and
// timings only, and these redactions catch any activity or body that is logged by accident.
import pino, { type Logger } from 'pino';

export const REDACTED_PATHS = [
  'text', '*.text', '*.*.text', 'value', '*.value', 'activity', '*.activity', 'body', '*.body', 'req.body',
  'summary', '*.summary', 'contact', '*.contact', 'patientWords', '*.patientWords', 'headers.authorization', 'req.headers.authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'intake-bot' } }, destination);
}

/** Errors are logged by type and stack frames only: messages can quote input (e.g. a zod error). */
export function safeError(error: unknown): { type: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8).join('\n');
  return { type: error.name, stack: frames };
}
