// The Direct Line channel as one object: tokens, transcript, WebSocket stream and the in-process
// adapter, plus the one operation that matters, "a patient posted an activity". routes.ts is HTTP only.
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../../store/database.js';
import { safeError } from '../../server/logger.js';
import { DirectLineAdapter } from './directLineAdapter.js';
import { StreamServer } from './stream.js';
import { TokenSigner } from './tokens.js';
import { activityId, ConversationNotFound, TranscriptStore } from './transcriptStore.js';
import { INTAKE_HELD } from '../../bot/intakeBot.js';
import { KeyedQueue } from '../keyedQueue.js';

export const CHANNEL_ID = 'directline';
export const BOT_ID = 'intake-bot';

/** Conversations idle this long are deleted: their tokens (30 min, refreshed while open) are long gone. */
const IDLE_HOURS = 24;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** What the channel needs from the bot: a turn, and whether it keeps anything for the conversation. */
export interface DirectLineBot {
  run(context: TurnContext): Promise<void>;
  holdsIntake(channelId: string, conversationId: string): Promise<boolean>;
}

/** What a client may post; everything else it sends (ids, conversation, recipient, role) is set here. */
export const PostedActivity = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  value: z.unknown().optional(),
  name: z.string().max(256).optional(),
  locale: z.string().max(35).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  from: z.object({ id: z.string().min(1).max(256), name: z.string().max(256).optional() }).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments (file uploads) are not supported').optional(),
});
export type PostedActivity = z.infer<typeof PostedActivity>;

export interface DirectLineChannelOptions {
  db: Database;
  secret: string;
  bot: DirectLineBot;
  logger: Logger;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** Shown as the bot's name on its activities. */
  botName: string;
  now?: () => number;
}

export class DirectLineChannel {
  readonly transcript: TranscriptStore;
  readonly signer: TokenSigner;
  readonly stream: StreamServer;
  private readonly adapter: DirectLineAdapter;
  private readonly turns = new KeyedQueue();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: DirectLineChannelOptions) {
    this.transcript = new TranscriptStore(options.db);
    this.signer = new TokenSigner(options.secret, options.now);
    this.stream = new StreamServer({
      transcript: this.transcript,
      signer: this.signer,
      logger: options.logger,
      catchUpMs: options.db.kind === 'postgres' ? 2_000 : 0,
    });
    this.adapter = new DirectLineAdapter(this.transcript, this.stream);
    this.adapter.onTurnError = options.onTurnError;
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS).unref();
    void this.sweep();
  }

  /**
   * Stores the patient's activity (the echo Web Chat waits for), runs the bot's turn, and returns the
   * activity's id once the replies are in the transcript. Turns of one conversation run one at a time,
   * in arrival order, so a double tap cannot interleave two sets of replies.
   */
  async post(conversationId: string, posted: PostedActivity, serviceUrl: string): Promise<string> {
    const incoming: Record<string, unknown> = {
      ...posted,
      channelId: CHANNEL_ID,
      conversation: { id: conversationId },
      from: { id: posted.from?.id ?? 'patient', ...(posted.from?.name ? { name: posted.from.name } : {}), role: 'user' },
      recipient: { id: BOT_ID, name: this.options.botName, role: 'bot' },
      serviceUrl,
      timestamp: new Date().toISOString(),
    };
    if (posted.type === 'typing') {
      // Not stored, so nothing else would find an unknown conversation.
      if (!(await this.transcript.exists(conversationId))) throw new ConversationNotFound();
      return `${conversationId}|typing`;
    }
    return this.turns.run(conversationId, async () => {
      const seq = await this.transcript.append(conversationId, incoming);
      this.stream.appended(conversationId, { seq, activity: incoming });
      const id = activityId(conversationId, seq);
      let held: boolean | undefined;
      await this.adapter.process({ ...incoming, id } as Partial<Activity>, async (context) => {
        await this.options.bot.run(context);
        held = context.turnState.get(INTAKE_HELD) as boolean | undefined;
      });
      // Keep no more than the bot keeps: without a stored intake (no consent yet, declined, stopped,
      // deleted) the patient's words so far go; this turn's replies stay so the page can show them.
      // A message turn says so itself; only other turns (events) need to ask.
      held ??= await this.options.bot.holdsIntake(CHANNEL_ID, conversationId);
      if (!held) await this.transcript.forgetThrough(conversationId, seq);
      return id;
    });
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.stream.close();
  }

  private async sweep(): Promise<void> {
    try {
      const swept = await this.transcript.sweep(new Date(Date.now() - IDLE_HOURS * 3600_000));
      if (swept > 0) this.options.logger.info({ swept }, 'deleted idle web chat transcripts');
    } catch (error) {
      this.options.logger.warn({ err: safeError(error) }, 'could not sweep idle web chat transcripts');
    }
  }

}
