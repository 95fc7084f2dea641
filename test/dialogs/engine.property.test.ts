// Whatever a patient sends, in whatever order, the engine answers with a question or an ending,
// never throws, and what it asks to store is a valid snapshot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CLINIC } from '../../dialogs/clinicProfile.js';
import { PersistedIntake, takeTurn, type TurnEnv } from '../../dialogs/engine.js';
import type { PatientInput } from '../../dialogs/interpret.js';
import type { Output, Progress } from '../../dialogs/outputs.js';
import { IntakeSummary } from '../../dialogs/summarySchema.js';
import { STEPS } from '../../dialogs/vocabulary.js';

const TEXTS = [
  'hi', 'yes', 'no', 'neck', 'left shoulder and lower back', 'knee', 'both', 'left', 'the first one', 'down my leg', 'nowhere',
  '3 weeks', 'a few days', 'years', 'lifting', 'not sure', 'stress', '7', '11', '4/10', 'about a six', 'a bit', "can't", 'none',
  'none of these', 'pins and needles', 'I fell off my bike', 'cancer', 'pregnant', 'yes thats right', 'change the pain score',
  'change where it hurts', 'Sam 0412 345 678', 'no thanks', 'help', 'back', 'restart', 'stop', 'delete my data', '', '🙂',
  // Words that look like warnings and are not, and real warnings typed anywhere.
  '6', '5/10', 'L4/5', '3/52', 'no to all', 'yes, that is all correct', 'my mum had cancer', 'no chest pain',
  "I can't breathe properly", 'numb down there', 'yes to all', 'why do you need that?', 'purple', 'hmm',
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

function freshEnv(): TurnEnv {
  let n = 0;
  return {
    clinic: EXAMPLE_CLINIC,
    now: '2026-03-02T10:00:00.000Z',
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    conversationId: 'c',
    channelId: 'test',
  };
}

/** How far along the bar is: the step, plus the share of the step's questions already behind. */
function position(p: Progress): number {
  return p.index - 1 + (p.part ? (p.part.index - 1) / p.part.total : 0);
}

function progressOfOutputs(outputs: Output[]): Progress[] {
  return outputs.flatMap((o) => ('progress' in o ? [o.progress] : []));
}

/** The urgent advice: shown only at an emergency ending. */
const URGENT = /call 000|emergency department/i;

describe('engine under arbitrary input', () => {
  it('never asks the same question more than twice in a row without the closed form, and never gives urgent advice unless a flag was confirmed or chosen', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 60 }), (inputs) => {
        let stored: unknown = null;
        const env = freshEnv();
        let lastAsk = '';
        let repeats = 0;
        for (const i of inputs) {
          const result = takeTurn(stored, i, env);
          const last = result.outputs.at(-1)!;
          const urgent = result.outputs.some((o) => URGENT.test(o.text));
          // Urgent advice appears only with an emergency ending, and that ending only with an emergency flag.
          if (urgent) {
            expect(last.kind === 'end' && last.step === 'emergency').toBe(true);
            const summary = last.kind === 'end' ? last.summary : undefined;
            expect(summary?.flags.some((f) => f.level === 'emergency')).toBe(true);
          }
          // Consent is the exception by design: nothing is stored before it (APP 3), so there is no count
          // of misses to keep; its buttons are always there.
          if ((last.kind === 'ask' || last.kind === 'summary') && last.step !== 'consent') {
            const key = `${last.step}|${last.subject ?? ''}|${last.text}`;
            repeats = key === lastAsk ? repeats + 1 : 1;
            lastAsk = key;
            // From the third time on, the same question comes only in the closed form.
            if (repeats >= 3) expect(last.kind === 'ask' && last.closed === true).toBe(true);
          } else {
            lastAsk = '';
            repeats = 0;
          }
          stored = result.persisted;
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('always answers with a marked prompt or ending and stores only valid snapshots', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 60 }), (inputs) => {
        let stored: unknown = null;
        const env = freshEnv();
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
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('moves the progress bar only forwards except after "back" or "restart", edits from the summary included, with valid parts', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 60 }), (inputs) => {
        let stored: unknown = null;
        const env = freshEnv();
        let at = -1;
        for (const i of inputs) {
          const result = takeTurn(stored, i, env);
          const goesBack = i.text === 'back' || i.text === 'restart';
          // A new intake after an ending (or before consent, when nothing is stored) starts the bar again.
          if (goesBack || stored === null) at = -1;
          for (const p of progressOfOutputs(result.outputs)) {
            expect(Number.isInteger(p.index) && p.index >= 1 && p.index <= p.total).toBe(true);
            if (p.part) expect(Number.isInteger(p.part.index) && p.part.index >= 1 && p.part.index <= p.part.total).toBe(true);
            expect(position(p)).toBeGreaterThanOrEqual(at);
            at = position(p);
          }
          if (result.outputs.at(-1)?.kind === 'end') at = -1;
          stored = result.persisted;
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});

describe('the progress bar', () => {
  const walk = (texts: string[]) => {
    let stored: unknown = null;
    const env = freshEnv();
    const seen: Array<{ step: string; progress: Progress }> = [];
    for (const text of texts) {
      const result = takeTurn(stored, { text }, env);
      for (const o of result.outputs) if ('progress' in o) seen.push({ step: o.step, progress: o.progress });
      stored = result.persisted;
    }
    return seen;
  };
  const TO_SUMMARY = ['hi', 'yes', 'right shoulder and lower back', 'lower back', 'no', '2 weeks', 'lifting', '5', '7', ...Array<string>(6).fill('some'), 'none of these', 'none of these'];

  it('moves on with each movement question, and with each safety follow-up', () => {
    const seen = walk(TO_SUMMARY);
    const movements = seen.filter((s) => s.step === 'movement');
    expect(movements.map((m) => m.progress.part)).toEqual([1, 2, 3, 4, 5, 6].map((index) => ({ index, total: 6 })));
    expect(movements.every((m) => m.progress.index === 10)).toBe(true);
    expect(seen.at(-1)).toEqual({ step: 'summary', progress: { index: 13, total: 15 } });
    // A ticked sign that needs a follow-up question: the checklist is the first of the step's questions.
    const followed = walk([...TO_SUMMARY.slice(0, -2), 'pins and needles']);
    expect(followed.at(-1)).toMatchObject({ step: 'red_flags', progress: { index: 11, part: { index: 2, total: 2 } } });
  });

  it('stays at the summary through an edit from it, and the summary after the edit shows the step it showed before', () => {
    const seen = walk([...TO_SUMMARY, 'change the pain score', '3', '6', 'change the movements', ...Array<string>(6).fill('a lot')]);
    const afterFirstSummary = seen.slice(seen.findIndex((s) => s.step === 'summary'));
    expect(afterFirstSummary.map((s) => s.step)).toEqual(['summary', 'intensity_now', 'intensity_worst', 'summary', ...Array<string>(6).fill('movement'), 'summary']);
    for (const s of afterFirstSummary) expect(s.progress).toEqual({ index: 13, total: 15 });
  });

  it('goes back with "back": the patient is back at an earlier question', () => {
    const seen = walk([...TO_SUMMARY.slice(0, 11), 'back']);
    expect(seen.slice(-2).map((s) => s.progress.part)).toEqual([{ index: 3, total: 6 }, { index: 2, total: 6 }]);
  });
});
