// Whole simulated intakes through the bot's pure turn (dialogs/engine.ts takeTurn): the patient answers
// whatever is asked from their record, and yes/no safety questions from what is really happening to them.
import { EXAMPLE_CLINIC } from '../dialogs/clinicProfile.js';
import { takeTurn, type TurnEnv } from '../dialogs/engine.js';
import type { Output } from '../dialogs/outputs.js';
import type { IntakeSummary } from '../dialogs/summarySchema.js';
import type { IntakeRecord } from './corpus.js';

const MAX_TURNS = 80;
/** The urgent advice, wherever it appears (the emergency ending, or an aside in older versions). */
const URGENT = /call 000|emergency department/i;

export interface IntakeRun {
  record: IntakeRecord;
  ending: string | null;
  summary: IntakeSummary | null;
  /** Bot messages with urgent advice shown to the patient. */
  urgentShown: number;
  /** Questions asked 3+ times in a row (same step, subject and words). */
  loops: number;
  /** The question and answer of each loop, for reading. */
  loopedAt: string[];
  /** Yes/no questions about a sign, by subject. */
  signQuestions: string[];
  turns: number;
  transcript: string[];
}

function pick(list: readonly string[] | undefined, n: number): string | undefined {
  if (!list || list.length === 0) return undefined;
  return list[Math.min(n, list.length - 1)];
}

function byKey(value: unknown, key: string | undefined, n: number): string | undefined {
  if (Array.isArray(value)) return pick(value as string[], n);
  if (value && typeof value === 'object') {
    const map = value as Record<string, string[]>;
    return pick(map[key ?? ''] ?? map['default'], n);
  }
  return undefined;
}

/** A subject that is a sign or precaution code: a yes/no question about it. */
const YES_NO_STEPS = new Set(['red_flags', 'precautions']);

export function runIntake(record: IntakeRecord): IntakeRun {
  let stored: unknown = null;
  let ids = 0;
  const env: TurnEnv = {
    clinic: EXAMPLE_CLINIC,
    now: '2026-12-02T09:00:00.000Z',
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    conversationId: record.id,
    channelId: 'eval',
  };
  const run: IntakeRun = { record, ending: null, summary: null, urgentShown: 0, loops: 0, loopedAt: [], signQuestions: [], turns: 0, transcript: [] };
  const asked = new Map<string, number>();
  let last = '';
  let repeat = 0;
  let text = 'hi';
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const result = takeTurn(stored, { text }, env);
    stored = result.persisted;
    run.turns++;
    run.transcript.push(`> ${text}`);
    let prompt: Extract<Output, { step: string }> | undefined;
    for (const out of result.outputs) {
      run.transcript.push(`< ${out.text.replace(/\n/g, ' / ')}`);
      if (URGENT.test(out.text)) run.urgentShown++;
      if ('step' in out) prompt = out;
    }
    if (!prompt) break;
    if (prompt.kind === 'end' || prompt.step === 'done' || prompt.step === 'emergency' || prompt.step === 'declined') {
      run.ending = prompt.step;
      run.summary = 'summary' in prompt && prompt.summary ? prompt.summary : null;
      break;
    }
    if (prompt.kind === 'booking') continue;
    const key = `${prompt.step}|${prompt.subject ?? ''}|${prompt.text}`;
    repeat = key === last ? repeat + 1 : 1;
    last = key;
    if (repeat === 3) {
      run.loops++;
      run.loopedAt.push(`${prompt.step}${prompt.subject ? `/${prompt.subject}` : ''} "${text}"`);
    }
    if (repeat > 5) break;
    const n = asked.get(`${prompt.step}|${prompt.subject ?? ''}`) ?? 0;
    asked.set(`${prompt.step}|${prompt.subject ?? ''}`, n + 1);
    const says = record.says as Record<string, unknown>;
    let answer: string | undefined;
    if (YES_NO_STEPS.has(prompt.step) && prompt.subject) {
      run.signQuestions.push(prompt.subject);
      answer = record.now.includes(prompt.subject) ? 'yes' : 'no';
    } else if (prompt.step === 'side' || prompt.step === 'movement') {
      answer = byKey(says[prompt.step], prompt.subject, n);
    } else {
      answer = pick(says[prompt.step] as string[] | undefined, n);
    }
    // A patient with nothing scripted for a question taps the first button, as people do.
    text = answer ?? ('choices' in prompt && prompt.choices[0] ? prompt.choices[0].label : 'ok');
  }
  return run;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === new Set(b).size && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

export interface IntakeGrade {
  falseEmergencyEnding: boolean;
  missedEmergency: boolean;
  falseUrgentWarning: boolean;
  lostWarnings: string[];
  loops: number;
  fields: Record<string, boolean>;
}

export function gradeIntake(run: IntakeRun): IntakeGrade {
  const want = run.record.expect;
  const s = run.summary;
  const emergency = run.ending === 'emergency';
  const recorded = new Set([...(s?.flags ?? []).map((f) => f.code as string), ...(s?.mentioned ?? []).map((m) => m.code as string)]);
  // An emergency ending stops the intake where it happens, so flags the patient would have ticked later
  // were never said: only what was said can be lost.
  const said = emergency && want.ending === 'emergency' ? (want.mentioned ?? []) : [...(want.mentioned ?? []), ...(want.flags ?? [])];
  const lost = said.filter((c) => !recorded.has(c));
  const fields: Record<string, boolean> = { ending: run.ending === want.ending };
  if (s) {
    if (want.triage) fields['triage'] = s.triage === want.triage;
    if (want.flags) fields['flags'] = sameSet(s.flags.map((f) => f.code), want.flags);
    if (want.regions) fields['regions'] = sameSet([...new Set(s.painAreas.map((a) => a.region as string))], want.regions);
    if (want.causes && want.ending === 'done') fields['causes'] = sameSet(s.causes, want.causes);
    if (want.now !== undefined && want.ending === 'done') fields['now'] = s.intensity.now === want.now;
    if (want.worst !== undefined && want.ending === 'done') fields['worst'] = s.intensity.worst === want.worst;
    if (want.weeks !== undefined && want.ending === 'done') fields['weeks'] = Math.abs(s.duration.weeks - want.weeks) <= Math.max(0.25 * want.weeks, 0.3);
  }
  return {
    falseEmergencyEnding: emergency && want.ending !== 'emergency',
    missedEmergency: want.ending === 'emergency' && !emergency,
    falseUrgentWarning: want.ending !== 'emergency' && run.urgentShown > 0,
    lostWarnings: lost,
    loops: run.loops,
    fields,
  };
}
