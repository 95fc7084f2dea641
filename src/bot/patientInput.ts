// The parts of an incoming activity the conversation uses, validated: any client can send anything.
import { z } from 'zod';
import type { PatientInput } from '../../dialogs/interpret.js';

const MessageActivity = z.object({
  text: z.string().optional().catch(undefined),
  value: z.unknown().optional(),
});

export function patientInput(activity: unknown): PatientInput {
  const parsed = MessageActivity.safeParse(activity);
  if (!parsed.success) return {};
  const { text, value } = parsed.data;
  return { ...(text !== undefined ? { text } : {}), ...(value !== undefined ? { value } : {}) };
}
