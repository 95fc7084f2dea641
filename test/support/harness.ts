// A real IntakeBot on real (in-memory) PGlite, driven through botbuilder's TestAdapter.
import { TestAdapter, type Activity, type CardAction } from 'botbuilder';
import pino from 'pino';
import { EXAMPLE_CLINIC, type ClinicProfile } from '../../dialogs/clinicProfile.js';
import type { IntakeSummary } from '../../dialogs/summarySchema.js';
import { IntakeBot } from '../../src/bot/intakeBot.js';
import type { IntakeSink } from '../../src/bot/intakeSink.js';
import { openPglite, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { SqlStorage } from '../../src/store/sqlStorage.js';

export type Reply = Partial<Activity>;

export interface IntakeMarker {
  step: string;
  subject?: string;
  progress: { index: number; total: number };
  summary?: IntakeSummary;
}

export function markerOf(reply: Reply | undefined): IntakeMarker | undefined {
  return (reply?.channelData as { intake?: IntakeMarker } | undefined)?.intake;
}

export interface Harness {
  db: Database;
  adapter: TestAdapter;
  ended: Array<{ summary: IntakeSummary; outcome: string }>;
  deleted: number;
  /** Sends text (or a whole activity) and returns the bot's message replies. */
  send(input: string | Partial<Activity>): Promise<Reply[]>;
  /** Presses the suggested action whose title matches, on the last prompt. */
  press(title: string | RegExp): Promise<Reply[]>;
  /** The last prompt's marker. */
  last(): IntakeMarker | undefined;
  lastReplies: Reply[];
  close(): Promise<void>;
}

export async function makeHarness(options: { clinic?: ClinicProfile; db?: Database } = {}): Promise<Harness> {
  const db = options.db ?? (await openPglite(null));
  await migrate(db);
  let ids = 0;
  const h: Harness = {
    db,
    adapter: undefined as unknown as TestAdapter,
    ended: [],
    deleted: 0,
    lastReplies: [],
    async send(input) {
      const activity = typeof input === 'string' ? { type: 'message', text: input } : input;
      await h.adapter.receiveActivity(activity);
      const replies = h.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
      h.lastReplies = replies;
      return replies;
    },
    async press(title) {
      const prompt = [...h.lastReplies].reverse().find((r) => r.suggestedActions);
      const action = prompt?.suggestedActions?.actions.find((a: CardAction) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
      if (!action) throw new Error(`no button ${String(title)} on the last prompt (${prompt?.suggestedActions?.actions.map((a) => a.title).join(', ')})`);
      return h.send({ type: 'message', text: action.text as string, value: action.value });
    },
    last: () => markerOf([...h.lastReplies].reverse().find((r) => markerOf(r))),
    close: () => (options.db ? Promise.resolve() : db.close()),
  };
  const sink: IntakeSink = {
    async intakeEnded(summary, outcome) {
      h.ended.push({ summary, outcome });
    },
    async dataDeleted() {
      h.deleted++;
    },
  };
  const bot = new IntakeBot({
    storage: new SqlStorage(db),
    clinic: options.clinic ?? EXAMPLE_CLINIC,
    logger: pino({ level: 'silent' }),
    sink,
    clock: () => new Date('2026-03-02T10:00:00.000Z'),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  });
  h.adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  return h;
}

export function texts(replies: Reply[]): string {
  return replies.map((r) => r.text ?? '').join('\n');
}
