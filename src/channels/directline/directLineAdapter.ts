// A botbuilder adapter for the self-hosted Direct Line: the bot runs in this process (no HTTP loopback,
// no Bot Framework auth round trip), and whatever it sends is numbered, appended to the transcript and
// pushed to the conversation's open WebSockets. Same bot, same middleware, same onTurnError as /api/messages.
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { StreamServer } from './stream.js';
import { activityId, type TranscriptStore } from './transcriptStore.js';

/** Longest `delay` activity honoured; a bot asking for more is holding the patient's request open. */
const MAX_DELAY_MS = 5_000;

export class DirectLineAdapter extends BotAdapter {
  private typing = 0;

  constructor(
    private readonly transcript: TranscriptStore,
    private readonly stream: StreamServer,
  ) {
    super();
  }

  /** Runs one incoming activity (already in the transcript, with its id) through middleware and the bot. */
  async process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation.id;
    const responses: ResourceResponse[] = [];
    for (const outgoing of activities) {
      if (outgoing.type === 'delay') {
        const ms = Math.min(typeof outgoing.value === 'number' ? outgoing.value : 1000, MAX_DELAY_MS);
        await new Promise((resolve) => setTimeout(resolve, ms));
        responses.push({ id: '' });
        continue;
      }
      // Nothing a Web Chat user should see or that is worth keeping.
      if (outgoing.type === 'trace' || outgoing.type === 'invokeResponse') {
        responses.push({ id: '' });
        continue;
      }
      const { id: _ignored, ...rest } = outgoing;
      const activity = { ...rest, timestamp: new Date().toISOString() } as Record<string, unknown>;
      if (outgoing.type === 'typing') {
        // Only meaningful live: replaying "typing…" after a reload would be noise. Web Chat sorts by
        // sequence id and keeps the indicator while no message sorts after it, so place it right
        // after the activity being answered (a later reply then clears it).
        const id = `${conversationId}|typing-${++this.typing}`;
        const answering = Number(String(context.activity.id ?? '').split('|')[1] ?? 0) || 0;
        const channelData = { ...((activity['channelData'] as object | undefined) ?? {}), 'webchat:sequence-id': answering + 0.5 };
        this.stream.ephemeral(conversationId, { ...activity, id, channelData });
        responses.push({ id });
        continue;
      }
      const seq = await this.transcript.append(conversationId, activity);
      this.stream.appended(conversationId, { seq, activity });
      responses.push({ id: activityId(conversationId, seq) });
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('Direct Line (self-hosted): updating a sent activity is not supported');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('Direct Line (self-hosted): deleting a sent activity is not supported');
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
