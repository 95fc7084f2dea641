// Model-based tests: walk the statechart's graph with @xstate/graph and prove that every state is
// reachable, that from every reachable state an end (done, emergency or declined) is reachable,
// and that the shortest paths to each end replay to that end.
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { transition, type SnapshotFrom } from 'xstate';
import type { IntakeEvent } from '../../dialogs/events.js';
import { EDIT_TARGETS, FINAL_STATES, QUESTION_STATES, STEP_OF, movementList, pendingFollowUps, type QuestionState } from '../../dialogs/intakeContext.js';
import { intakeMachine } from '../../dialogs/machine.js';
import { screenFor } from '../../dialogs/redFlags.js';
import { levelOf, type FlagCode } from '../../dialogs/vocabulary.js';

const levelOfCode = (c: string) => levelOf(c as FlagCode);

type Snap = SnapshotFrom<typeof intakeMachine>;
const input = { intakeId: '00000000-0000-4000-8000-000000000001', conversationId: 'c1', channelId: 'test', startedAt: '2026-01-01T00:00:00.000Z' };
const AT = '2026-01-01T00:05:00.000Z';

/** The one-item-at-a-time checklist, walked for one-region intakes only: its length multiplies the graph. */
const oneByOne = (ctx: Snap['context']): IntakeEvent[] => (ctx.sites.length === 1 && ctx.editing === null ? [{ type: 'ONE_BY_ONE' }] : []);

/** A small but representative set of answers per state, plus every command. */
function eventsFor(snap: Snap): IntakeEvent[] {
  if (snap.status !== 'active') return [];
  const state = snap.value as QuestionState;
  const ctx = snap.context;
  const commands: IntakeEvent[] = [
    { type: 'HELP' },
    { type: 'MISS', step: STEP_OF[state] },
    { type: 'BACK' },
    { type: 'RESTART', intakeId: '00000000-0000-4000-8000-000000000002', at: AT },
    { type: 'STOP' },
  ];
  // A warning sign typed at a question: an emergency one is asked about, another is kept. A few
  // questions stand for all of them (the handler is the same everywhere) so the graph stays walkable.
  if ((state === 'location' || state === 'cause' || state === 'precautions') && ctx.editing === null) {
    commands.push(
      { type: 'MENTION', signs: [{ code: 'chest_pain_breathless', words: 'cant breathe' }], resume: state },
      { type: 'MENTION', signs: [{ code: 'cancer_history', words: 'had cancer' }], resume: state },
    );
  }
  const answers: Record<QuestionState, IntakeEvent[]> = {
    consent: [{ type: 'CONSENT', agree: true }, { type: 'CONSENT', agree: false }],
    location: [
      { type: 'SITES', sites: [{ region: 'neck' }] },
      { type: 'SITES', sites: [{ region: 'lower_back' }, { region: 'knee' }] },
      { type: 'SITES', sites: [{ region: 'shoulder', side: 'left' }, { region: 'hip', side: 'right' }, { region: 'neck' }] },
    ],
    side: [{ type: 'SIDE', side: 'left' }],
    primary: ctx.sites.map((s) => ({ type: 'PRIMARY', region: s.region }) as IntakeEvent),
    spread: [{ type: 'SPREAD', sites: [] }],
    duration: [{ type: 'DURATION', duration: { weeks: 2, text: '2 weeks' } }],
    cause: [{ type: 'CAUSES', causes: ['strain'] }],
    // The second is more about the cause, typed at the score (kept, and the score asked again).
    intensityNow: [{ type: 'SCORE', value: 6 }, { type: 'CAUSES', causes: ['posture'] }],
    intensityWorst: [{ type: 'SCORE', value: 3 }, { type: 'SCORE', value: 8 }],
    // The last two are answers about the last and the first movement in the list, typed while another is asked.
    movement: [
      { type: 'DIFFICULTY', difficulty: 'some' },
      { type: 'SKIP' },
      { type: 'DIFFICULTY', difficulty: 'a_lot', movement: movementList(ctx).at(-1)! },
      { type: 'DIFFICULTY', difficulty: 'unable', movement: movementList(ctx)[0]! },
    ],
    redFlags: (() => {
      const offered = screenFor(ctx.sites.map((s) => s.region));
      const pick = (codes: FlagCode[]) => codes.filter((c) => offered.includes(c));
      return [[], pick(['bladder_bowel_change', 'chest_pain_breathless']).slice(0, 1), pick(['trauma_fracture']), pick(['numbness_tingling']), pick(['cancer_history'])]
        .filter((codes, i) => i === 0 || codes.length > 0)
        .flatMap((codes) => [{ type: 'FLAGS', codes } as IntakeEvent, { type: 'FLAGS', codes, typed: true } as IntakeEvent]);
    })().concat(oneByOne(ctx)),
    flagFollowUp: [{ type: 'YES_NO', yes: true }, { type: 'YES_NO', yes: false }],
    precautions: [{ type: 'PRECAUTIONS', codes: [] }, { type: 'PRECAUTIONS', codes: ['pregnancy'] }, ...oneByOne(ctx)],
    confirmSign: [{ type: 'YES_NO', yes: true }, { type: 'YES_NO', yes: false }],
    checkItem: [{ type: 'YES_NO', yes: true }, { type: 'YES_NO', yes: false }],
    summary: [{ type: 'CONFIRM' }, ...EDIT_TARGETS.map((target) => ({ type: 'EDIT', target }) as IntakeEvent)],
    contact: [{ type: 'CONTACT', contact: null, at: AT }, { type: 'CONTACT', contact: { name: 'Sam', phone: '0412 345 678' }, at: AT }],
  };
  return [...answers[state], ...commands];
}

/** What distinguishes states for the flow; words, miss counts and the exact trail do not. */
function serialize(snap: Snap): string {
  // An end takes no events: which way it was reached does not change what follows.
  if ((FINAL_STATES as readonly string[]).includes(snap.value as string)) return JSON.stringify([snap.value]);
  const c = snap.context;
  return JSON.stringify([
    snap.value,
    c.sites.map((s) => s.region),
    c.sites.filter((s) => s.side === undefined).length,
    c.primary === c.sites[0]?.region,
    c.editing,
    c.movementIndex,
    c.screened,
    c.followUpIndex,
    c.precautions === null,
    c.trail.length === 0,
    c.confirming.map((m) => m.code),
    c.resumeAt,
    c.confirmedSigns.length > 0,

    // Which items were ticked one at a time would multiply the graph; whether one was is what routes.
    c.itemCheck && [c.itemCheck.of, c.itemCheck.index, c.itemCheck.yes.length > 0],

  ]);
}

type Adjacency = Record<string, { state: Snap; transitions: Record<string, { state: Snap; event: IntakeEvent }> }>;
const adjacency = getAdjacencyMap(intakeMachine, { input, events: eventsFor, serializeState: serialize, limit: 200_000 }) as unknown as Adjacency;
const vertices = Object.keys(adjacency);
const valueOf = (key: string) => adjacency[key]!.state.value as string;

describe('intake statechart (model-based)', () => {
  it('reaches every question state and every end', () => {
    const reached = new Set(vertices.map(valueOf));
    for (const state of [...QUESTION_STATES, ...FINAL_STATES]) expect(reached, state).toContain(state);
  });

  it('has no dead ends: from every reachable state an end is reachable', () => {
    const canEnd = new Set(vertices.filter((v) => (FINAL_STATES as readonly string[]).includes(valueOf(v))));
    for (let changed = true; changed; ) {
      changed = false;
      for (const v of vertices) {
        if (canEnd.has(v)) continue;
        if (Object.values(adjacency[v]!.transitions).some((t) => canEnd.has(serialize(t.state)))) {
          canEnd.add(v);
          changed = true;
        }
      }
    }
    const stuck = vertices.filter((v) => !canEnd.has(v));
    expect(stuck).toEqual([]);
    expect(vertices.length).toBeGreaterThan(100);
  });

  it('only ever rests in question states or ends (routing states are transient)', () => {
    const allowed = new Set<string>([...QUESTION_STATES, ...FINAL_STATES]);
    for (const v of vertices) expect(allowed).toContain(valueOf(v));
  });

  it('ends in emergency exactly when an emergency flag is raised, never offering a booking step after it', () => {
    for (const v of vertices) {
      const snap = adjacency[v]!.state;
      if (snap.value !== 'emergency') continue;
      const ctx = snap.context;
      const screened = ctx.screened ?? [];
      const direct = screened.some((c: string) => ['bladder_bowel_change', 'saddle_numbness', 'both_legs_symptoms', 'chest_pain_breathless', 'neck_neuro_signs', 'hot_swollen_joint_fever'].includes(c));
      const viaFollowUp = Object.values(ctx.followUpAnswers).some((yes) => yes === true);
      // A typed sign ends the intake only after the patient said yes to "is that happening now?".
      const confirmed = ctx.confirmedSigns.some((c: string) => levelOfCode(c) === 'emergency');
      expect(direct || viaFollowUp || confirmed).toBe(true);
      expect(ctx.completedAt).toBeNull();
    }
  });

  for (const end of FINAL_STATES) {
    it(`shortest paths to "${end}" replay to "${end}"`, () => {
      const paths = getShortestPaths(intakeMachine, {
        input,
        events: eventsFor,
        serializeState: serialize,
        toState: (s) => s.value === end,
        limit: 200_000,
      });
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths.slice(0, 50)) {
        let snap = path.steps[0]!.state;
        for (const step of path.steps.slice(1)) snap = transition(intakeMachine, snap, step.event)[0];
        expect(snap.value).toBe(end);
      }
    });
  }

  it('asks each follow-up only for ticked items that need one', () => {
    for (const v of vertices) {
      const snap = adjacency[v]!.state;
      if (snap.value !== 'flagFollowUp') continue;
      expect(snap.context.followUpIndex).toBeLessThan(pendingFollowUps(snap.context).length);
    }
  });
});
