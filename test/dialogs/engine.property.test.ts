// Whatever a patient sends, in whatever order, the engine answers with a question or an ending,
// never throws, and what it asks to store is a valid snapshot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CLINIC } from '../../dialogs/clinicProfile.js';
import { PersistedIntake, takeTurn, type TurnEnv } from '../../dialogs/engine.js';
import type { PatientInput } from '../../dialogs/interpret.js';
import { IntakeSummary } from '../../dialogs/summarySchema.js';
import { STEPS } from '../../dialogs/vocabulary.js';

const TEXTS = [
  'hi', 'yes', 'no', 'neck', 'left shoulder and lower back', 'knee', 'both', 'left', 'the first one', 'down my leg', 'nowhere',
  '3 weeks', 'a few days', 'years', 'lifting', 'not sure', 'stress', '7', '11', '4/10', 'about a six', 'a bit', "can't", 'none',
  'none of these', 'pins and needles', 'I fell off my bike', 'cancer', 'pregnant', 'yes thats right', 'change the pain score',
  'change where it hurts', 'Sam 0412 345 678', 'no thanks', 'help', 'back', 'restart', 'stop', 'delete my data', '', '🙂',
];
const VALUES: unknown[] = [
  { intake: { step: 'consent', answer: true } },
  { intake: { step: 'location', answer: [{ region: 'hip', side: 'right' }] } },
  { intake: { step: 'intensity_now', answer: 5 } },
  { intake: { step: 'movement', answer: 'a_lot' } },
  { intake: { step: 'red_flags', answer: [] } },
  { intake: { step: 'summary', answer: 'confirm' } },
  { intake: { step: 'summary', answer: { edit: 'movement' } } },
  { intake: { step: 'contact', answer: null } },
  { intake: { step: 'location', answer: 'not-a-list' } },
  { evil: { __proto__: { polluted: true } } },
  null,
];

const input: fc.Arbitrary<PatientInput> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TEXTS).map((text) => ({ text })) },
  { weight: 2, arbitrary: fc.constantFrom(...VALUES).map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text) => ({ text })) },
);

describe('engine under arbitrary input', () => {
  it('always answers with a marked prompt or ending and stores only valid snapshots', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 60 }), (inputs) => {
        let stored: unknown = null;
        let n = 0;
        const env: TurnEnv = {
          clinic: EXAMPLE_CLINIC,
          now: '2026-03-02T10:00:00.000Z',
          newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
          conversationId: 'c',
          channelId: 'test',
        };
        for (const i of inputs) {
          const result = takeTurn(stored, i, env);
          const last = result.outputs.at(-1)!;
          expect(last.kind).not.toBe('say');
          if (last.kind !== 'say') expect(STEPS).toContain(last.step);
          if (last.kind === 'summary') IntakeSummary.parse(last.summary);
          if (result.persisted) PersistedIntake.parse(result.persisted);
          for (const e of result.effects) if (e.type === 'intake_ended') IntakeSummary.parse(e.summary);
          stored = result.persisted;
        }
      }),
      { numRuns: 300 },
    );
  });
});
