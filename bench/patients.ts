// Scripted patients for the benchmark and the scale tests. Pure: no I/O. A patient answers whatever
// step the bot is on (so a flow change that skips or adds a question does not break the script),
// mixing typed free text and button presses. A button press is what a client sends: the button's
// text plus its `value: { intake: { step, answer } }`, taken from the previous reply's suggestedActions.

export interface Turn {
  text?: string;
  value?: unknown;
}

/** The parts of a reply activity a patient looks at. */
export interface ReplyActivity {
  type?: string;
  text?: string;
  channelData?: { intake?: { step: string; subject?: string; summary?: Record<string, any> } };
  suggestedActions?: { actions: Array<{ title?: string; text?: string; value?: unknown }> };
}

/** One conversation's script: what to send next, given what the bot said last. */
export interface Conversation {
  readonly id: string;
  /** The next message, or null when the conversation is over. */
  next(): Turn | null;
  receive(replies: ReplyActivity[]): void;
  /** Ended as scripted (e.g. reached `done`). */
  readonly completed: boolean;
  /** Something went wrong: the turn-failed apology, a step the script cannot answer, too many turns. */
  readonly failure: string | undefined;
}

export const TURN_FAILED = /something went wrong on my side/i;
const ENDS = new Set(['done', 'emergency', 'declined']);
const MAX_TURNS = 40;

/** Activity JSON for POST /api/messages with expectReplies. */
export function activityBody(conversationId: string, turn: Turn, channelId = 'bench'): string {
  return JSON.stringify({
    type: 'message',
    channelId,
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    from: { id: `patient-${conversationId}` },
    recipient: { id: 'bot' },
    conversation: { id: conversationId },
    ...turn,
  });
}

export function lastMarker(replies: ReplyActivity[]) {
  return replies.filter((r) => r.channelData?.intake).at(-1)?.channelData?.intake;
}

/** Presses the button titled `title` on the last prompt that has buttons. */
export function press(replies: ReplyActivity[], title: string | RegExp): Turn | undefined {
  const prompt = [...replies].reverse().find((r) => r.suggestedActions);
  const action = prompt?.suggestedActions?.actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title ?? '')));
  return action ? { text: action.text ?? action.title ?? '', value: action.value } : undefined;
}

/** Per step: what a patient types, and which button they would press instead. */
const ANSWERS: Record<string, { text: string; button: string | RegExp }> = {
  consent: { text: 'yes', button: 'Yes, I agree' },
  location: { text: 'lower back', button: /^Lower back$/ },
  side: { text: 'left', button: 'Right' },
  primary: { text: 'first', button: /./ },
  spread: { text: 'no', button: 'No, it stays there' },
  duration: { text: '3 weeks', button: '1 to 2 weeks' },
  cause: { text: 'lifting', button: 'Lifting, sport or overdoing it' },
  intensity_now: { text: '6', button: '6' },
  intensity_worst: { text: '8', button: '8' },
  movement: { text: 'some', button: 'Some' },
  red_flags: { text: 'none of these', button: 'None of these' },
  precautions: { text: 'none', button: 'None of these' },
  summary: { text: 'yes', button: "Yes, that's right" },
  contact: { text: 'no thanks', button: 'No thanks' },
};
/** Where a patient would say where it hurts; a few are paired regions, so the side question comes up. */
const LOCATIONS = ['lower back', 'my neck', 'right shoulder', 'left knee and lower back', 'neck and upper back'];
const LOCATION_BUTTONS = [/^Lower back$/, /^Neck$/, /^Shoulder$/, /^Knee$/];

/** A cheap deterministic hash, so patient n always behaves the same. */
function bit(n: number, salt: number): boolean {
  let h = (n * 2654435761 + salt * 40503) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822507) >>> 0;
  return ((h ^ (h >>> 13)) & 1) === 1;
}

export interface PatientOptions {
  /** Varies where it hurts and which steps are answered by button. */
  seed?: number;
  /** Answer everything by typing (the transcript-style script); default mixes text and buttons. */
  textOnly?: boolean;
  /** Stop after this many turns (a conversation left idle mid-intake). */
  stopAfter?: number;
}

/**
 * A patient doing a whole intake: says hi, agrees, names where it hurts, answers every question and
 * finishes at `done`. `completed` is true once `done` arrived (or `stopAfter` turns were sent).
 */
export function patient(id: string, options: PatientOptions = {}): Conversation & { steps: string[]; summary: Record<string, any> | undefined } {
  const seed = options.seed ?? 0;
  let replies: ReplyActivity[] = [];
  let sent = 0;
  let completed = false;
  let failure: string | undefined;
  const steps: string[] = [];
  let summary: Record<string, any> | undefined;

  const answer = (step: string, subject: string | undefined): Turn | undefined => {
    const byButton = !options.textOnly && bit(seed, sent);
    if (step === 'location') {
      const i = seed % LOCATIONS.length;
      if (byButton && i < LOCATION_BUTTONS.length) return press(replies, LOCATION_BUTTONS[i]!);
      return { text: options.textOnly ? 'lower back' : LOCATIONS[i]! };
    }
    // The follow-up questions of the safety screen are yes/no.
    if (step === 'red_flags' && subject !== undefined) return byButton ? press(replies, 'No') : { text: 'no' };
    const a = ANSWERS[step];
    if (!a) return undefined;
    return (byButton && press(replies, a.button)) || { text: a.text };
  };

  return {
    id,
    steps,
    get summary() {
      return summary;
    },
    get completed() {
      return completed;
    },
    get failure() {
      return failure;
    },
    next() {
      if (completed || failure) return null;
      if (sent >= MAX_TURNS) {
        failure = `no end after ${MAX_TURNS} turns (steps ${steps.join(' ')})`;
        return null;
      }
      let turn: Turn | undefined;
      if (sent === 0) turn = { text: 'hi' };
      else {
        const m = lastMarker(replies);
        turn = m ? answer(m.step, m.subject) : undefined;
        if (!turn) {
          failure = `no answer for step ${m?.step ?? '(none)'}`;
          return null;
        }
      }
      sent++;
      return turn;
    },
    receive(activities) {
      replies = activities.filter((a) => a.type === 'message');
      if (replies.some((r) => TURN_FAILED.test(r.text ?? ''))) failure = 'the bot apologised for a failed turn';
      const m = lastMarker(replies);
      if (!m) {
        failure ??= 'a reply without a step marker';
        return;
      }
      steps.push(m.step);
      if (m.summary) summary = m.summary;
      if (ENDS.has(m.step)) {
        if (m.step === 'done') completed = true;
        else failure ??= `ended at ${m.step}`;
      }
      if (options.stopAfter !== undefined && sent >= options.stopAfter) completed = true;
    },
  };
}

/** An echo-bot conversation: `turns` messages of the kind a patient types. */
export function echoConversation(id: string, turns = 14): Conversation {
  const words = ['hi', 'yes', 'lower back', 'no', '3 weeks', 'lifting', '6', '8', 'some', 'a lot', 'none of these', 'none', 'yes', 'no thanks'];
  let sent = 0;
  let failure: string | undefined;
  return {
    id,
    get completed() {
      return sent >= turns;
    },
    get failure() {
      return failure;
    },
    next() {
      if (sent >= turns || failure) return null;
      return { text: words[sent++ % words.length]! };
    },
    receive(activities) {
      if (!activities.some((a) => a.type === 'message' && typeof a.text === 'string')) failure = 'no echo';
    },
  };
}
