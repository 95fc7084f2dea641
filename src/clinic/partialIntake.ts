// What the clinic gets for an abandoned conversation: only what the patient answered. A separate
// schema, so the contract's IntakeSummary (every field required) stays exactly as published.
import { z } from 'zod';
import { STEP_OF, flagsOf, hadFallOrKnock, mentionedOf, movementList, type IntakeContext, type QuestionState } from '../../dialogs/intakeContext.js';
import { BodySite, Contact, Duration, Flag, MovementLimit } from '../../dialogs/summarySchema.js';
import { triageOf } from '../../dialogs/triage.js';
import { Cause, Region, Side, Step, Triage } from '../../dialogs/vocabulary.js';

const PainScore = z.number().int().min(0).max(10);
const IsoTime = z.string().datetime({ offset: true });

export const PartialIntake = z
  .object({
    schemaVersion: z.literal(1),
    intakeId: z.string().uuid(),
    conversationId: z.string().min(1),
    channelId: z.string().min(1),
    startedAt: IsoTime,
    /** When the patient last said something. */
    lastActivityAt: IsoTime,
    /** The question the patient was at when they left. */
    lastStep: Step,
    /** A side is missing where the patient left before saying it; no primary when not yet asked. */
    painAreas: z.array(z.object({ region: Region, side: Side.optional(), primary: z.boolean() })).optional(),
    spreadsTo: z.array(BodySite).optional(),
    duration: Duration.optional(),
    causes: z.array(Cause).min(1).optional(),
    intensity: z.object({ now: PainScore.optional(), worst: PainScore.optional() }).optional(),
    movementLimits: z.array(MovementLimit).min(1).optional(),
    /** Present once the safety screen was answered; triage follows from these flags. */
    flags: z.array(Flag).optional(),
    triage: Triage.optional(),
    contact: Contact.optional(),
    patientWords: z.partialRecord(Step, z.array(z.string())),
  })
  .meta({ title: 'PartialIntake', description: 'What was answered in an abandoned intake conversation (schemaVersion 1)' });
export type PartialIntake = z.infer<typeof PartialIntake>;

/** Builds the partial record from a stored conversation; fields the patient never reached are left out. */
export function partialFromContext(ctx: IntakeContext, state: QuestionState, lastActivityAt: string): PartialIntake {
  const answeredStates = new Set(ctx.trail.map((t) => t.state));
  const primary = ctx.primary ?? (new Set(ctx.sites.map((s) => s.region)).size === 1 ? ctx.sites[0]!.region : null);
  const limits = movementList(ctx).flatMap((movement) => {
    const difficulty = ctx.movementAnswers[movement];
    return difficulty ? [{ movement, difficulty }] : [];
  });
  const flags = ctx.screened !== null ? flagsOf(ctx) : undefined;
  const intensity = {
    ...(ctx.intensityNow !== null ? { now: ctx.intensityNow } : {}),
    ...(ctx.intensityWorst !== null ? { worst: ctx.intensityWorst } : {}),
  };
  const words = Object.fromEntries(Object.entries(ctx.patientWords).filter(([step]) => Step.safeParse(step).success));
  return PartialIntake.parse({
    schemaVersion: 1,
    intakeId: ctx.intakeId,
    conversationId: ctx.conversationId,
    channelId: ctx.channelId,
    startedAt: ctx.startedAt,
    lastActivityAt,
    lastStep: STEP_OF[state],
    ...(ctx.sites.length > 0
      ? { painAreas: ctx.sites.map((s) => ({ region: s.region, ...(s.side ? { side: s.side } : {}), primary: s.region === primary })) }
      : {}),
    ...(ctx.spreadsTo.length > 0 || answeredStates.has('spread') ? { spreadsTo: ctx.spreadsTo } : {}),
    ...(ctx.duration ? { duration: ctx.duration } : {}),
    ...(ctx.causes.length > 0 ? { causes: ctx.causes } : {}),
    ...(Object.keys(intensity).length > 0 ? { intensity } : {}),
    ...(limits.length > 0 ? { movementLimits: limits } : {}),
    ...(flags ? { flags, triage: triageOf(flags, { mentioned: mentionedOf(ctx).length, fallOrKnock: hadFallOrKnock(ctx) }) } : {}),
    ...(ctx.contact ? { contact: ctx.contact } : {}),
    patientWords: words,
  });
}
