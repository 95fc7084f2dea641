// Scores of the corpus, as plain data: what `npm run eval` prints and the test suite holds to targets.
import { isHeldOut, loadAnswers, loadIntakes } from './corpus.js';
import { gradeIntake, runIntake } from './intakes.js';
import { STATE_OF, grade, invented, type Graded, type Invented } from './readings.js';
import { typedSigns } from '../dialogs/engine.js';

export interface StepScore {
  step: string;
  n: number;
  correct: number;
  heldOutN: number;
  heldOutCorrect: number;
}

export interface UnderstandingReport {
  steps: StepScore[];
  overall: { n: number; correct: number; heldOutN: number; heldOutCorrect: number };
  /** Every wrong reading of the tuning part; held-out misreadings are counted, not listed. */
  confusions: Array<{ id: string; step: string; text: string; expected: unknown; got: unknown }>;
  heldOutConfusions: number;
  /** Facts recorded on the held-out slice that the patient did not say (the target is none). */
  heldOutInvented: Invented;
}

const STEP_ORDER = [
  'consent', 'location', 'side', 'primary', 'spread', 'duration', 'cause', 'intensity_now', 'intensity_worst', 'movement',
  'red_flags', 'follow_up', 'precautions', 'summary', 'contact',
];

export function understanding(graded: Graded[] = loadAnswers().map(grade)): UnderstandingReport {
  const steps = STEP_ORDER.map((step) => {
    const of = graded.filter((g) => g.record.step === step);
    const held = of.filter((g) => isHeldOut(g.record.id));
    return { step, n: of.length, correct: of.filter((g) => g.ok).length, heldOutN: held.length, heldOutCorrect: held.filter((g) => g.ok).length };
  }).filter((s) => s.n > 0);
  const sum = (k: keyof StepScore) => steps.reduce((a, s) => a + (s[k] as number), 0);
  const wrong = graded.filter((g) => !g.ok);
  return {
    steps,
    overall: { n: sum('n'), correct: sum('correct'), heldOutN: sum('heldOutN'), heldOutCorrect: sum('heldOutCorrect') },
    confusions: wrong.filter((g) => !isHeldOut(g.record.id)).map((g) => ({ id: g.record.id, step: g.record.step, text: g.record.text, expected: g.record.expect, got: g.got })),
    heldOutConfusions: wrong.filter((g) => isHeldOut(g.record.id)).length,
    heldOutInvented: graded.filter((g) => isHeldOut(g.record.id)).reduce<Invented>((sum, g) => {
      const one = invented(g.record.step, g.got, g.record.expect);
      return { regions: sum.regions + one.regions, causes: sum.causes + one.causes, durations: sum.durations + one.durations, flags: sum.flags + one.flags };
    }, { regions: 0, causes: 0, durations: 0, flags: 0 }),
  };
}

/** Steps where the patient's own words are the safety answer: typed signs are not looked for there. */
const SAFETY_STEPS = new Set(['red_flags', 'follow_up']);

export interface SafetyReport {
  answers: { n: number; heldOutN: number; falseWarnings: number; missedWarnings: number; heldOutFalse: number; heldOutMissed: number; list: string[] };
  intakes: {
    n: number;
    heldOutN: number;
    falseEmergencyEndings: number;
    missedEmergencies: number;
    falseUrgentWarnings: number;
    lostWarnings: number;
    loops: number;
    fieldAccuracy: number;
    heldOut: { falseEmergencyEndings: number; missedEmergencies: number; falseUrgentWarnings: number; lostWarnings: number; loops: number };
    list: string[];
  };
}

export function safety(): SafetyReport {
  const answers = loadAnswers().filter((r) => !SAFETY_STEPS.has(r.step));
  const a = { n: answers.length, heldOutN: 0, falseWarnings: 0, missedWarnings: 0, heldOutFalse: 0, heldOutMissed: 0, list: [] as string[] };
  for (const r of answers) {
    const held = isHeldOut(r.id);
    if (held) a.heldOutN++;
    const state = STATE_OF[r.step];
    const got = new Set(typedSigns(state, { text: r.text }).map((s) => s.code as string));
    const want = new Set(r.warn ?? []);
    const extra = [...got].filter((c) => !want.has(c));
    const missing = [...want].filter((c) => !got.has(c));
    if (extra.length) { a.falseWarnings++; if (held) a.heldOutFalse++; }
    if (missing.length) { a.missedWarnings++; if (held) a.heldOutMissed++; }
    if ((extra.length || missing.length) && !held) a.list.push(`${r.id} | ${r.step} | ${r.text} | want ${[...want].join(',') || '-'} | got ${[...got].join(',') || '-'}`);
  }
  const runs = loadIntakes().map(runIntake);
  const i = {
    n: runs.length, heldOutN: 0, falseEmergencyEndings: 0, missedEmergencies: 0, falseUrgentWarnings: 0, lostWarnings: 0, loops: 0, fieldAccuracy: 0,
    heldOut: { falseEmergencyEndings: 0, missedEmergencies: 0, falseUrgentWarnings: 0, lostWarnings: 0, loops: 0 },
    list: [] as string[],
  };
  let fieldsOk = 0;
  let fieldsN = 0;
  for (const run of runs) {
    const g = gradeIntake(run);
    const held = isHeldOut(run.record.id);
    if (held) i.heldOutN++;
    const add = (k: keyof typeof i.heldOut, v: number) => { i[k] += v; if (held) i.heldOut[k] += v; };
    add('falseEmergencyEndings', +g.falseEmergencyEnding);
    add('missedEmergencies', +g.missedEmergency);
    add('falseUrgentWarnings', +g.falseUrgentWarning);
    add('lostWarnings', g.lostWarnings.length);
    add('loops', g.loops);
    for (const ok of Object.values(g.fields)) { fieldsN++; if (ok) fieldsOk++; }
    const bad = Object.entries(g.fields).filter(([, ok]) => !ok).map(([k]) => k);
    const problems = [
      g.falseEmergencyEnding && 'FALSE EMERGENCY', g.missedEmergency && 'MISSED EMERGENCY', g.falseUrgentWarning && 'false urgent warning',
      g.lostWarnings.length && `lost ${g.lostWarnings.join(',')}`, g.loops && `loop at ${run.loopedAt.join(', ')}`, bad.length && `fields: ${bad.join(',')}`,
    ].filter(Boolean);
    if (problems.length && !held) i.list.push(`${run.record.id} | ${problems.join('; ')} | ended ${run.ending} triage ${run.summary?.triage ?? '-'}`);
  }
  i.fieldAccuracy = fieldsN ? fieldsOk / fieldsN : 1;
  return { answers: a, intakes: i };
}
