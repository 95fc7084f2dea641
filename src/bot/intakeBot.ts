// The Bot Framework face of the intake: load snapshot → pure turn → save → send → hand off effects.
// Replies are sent only after the save succeeds, so a patient never sees an answer that was lost.
import { randomUUID } from 'node:crypto';
import { ActivityHandler, ActivityTypes, DeliveryModes, type Storage, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ClinicProfile } from '../../dialogs/clinicProfile.js';
import { takeTurn, welcome, type TurnEnv, type TurnResult } from '../../dialogs/engine.js';
import { ConversationStore, isETagConflict } from './conversationStore.js';
import { noSink, type IntakeSink } from './intakeSink.js';
import { patientInput } from './patientInput.js';
import { render } from './render.js';

export interface IntakeBotOptions {
  storage: Storage;
  clinic: ClinicProfile;
  logger: Logger;
  sink?: IntakeSink;
  /** For tests: fixed time and ids. */
  clock?: () => Date;
  newId?: () => string;
}

/** Turn-state key: after a message turn, whether the conversation still holds an intake. */
export const INTAKE_HELD = Symbol('intakeHeld');

/** Enough for a burst of double taps; past this something is wrong and the turn fails loudly. */
const MAX_ATTEMPTS = 5;

export class IntakeBot extends ActivityHandler {
  private readonly store: ConversationStore;
  private readonly sink: IntakeSink;

  constructor(private readonly options: IntakeBotOptions) {
    super();
    this.store = new ConversationStore(options.storage);
    this.sink = options.sink ?? noSink;

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) await this.greet(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await this.greet(context);
      await next();
    });
  }

  private env(context: TurnContext): TurnEnv {
    const now = (this.options.clock ?? (() => new Date()))();
    return {
      clinic: this.options.clinic,
      now: now.toISOString(),
      newId: this.options.newId ?? randomUUID,
      conversationId: context.activity.conversation.id,
      channelId: context.activity.channelId,
    };
  }

  /**
   * Whether the bot keeps an intake for this conversation (consent given, not declined, stopped or
   * deleted). Channels that keep their own copy of the chat (Direct Line) keep no more than this.
   * A message turn leaves the answer in its turn state (see INTAKE_HELD), so they need not read it again.
   */
  async holdsIntake(channelId: string, conversationId: string): Promise<boolean> {
    const { snapshot } = await this.store.load(ConversationStore.key(channelId, conversationId));
    return snapshot !== null;
  }

  private async greet(context: TurnContext): Promise<void> {
    const key = ConversationStore.key(context.activity.channelId, context.activity.conversation.id);
    const { snapshot } = await this.store.load(key);
    // A returning patient (page reload, reconnect) carries on instead of being greeted again.
    if (snapshot !== null) return;
    await this.send(context, welcome(this.env(context)));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = performance.now();
    // Typing shows on live channels while the turn runs. With expectReplies every reply comes back in
    // one response, where "typing…" would arrive together with the answer it announces.
    if (context.activity.deliveryMode !== DeliveryModes.ExpectReplies) await context.sendActivity({ type: ActivityTypes.Typing });
    const key = ConversationStore.key(context.activity.channelId, context.activity.conversation.id);
    const input = patientInput(context.activity);
    let result: TurnResult | undefined;
    for (let attempt = 1; result === undefined; attempt++) {
      const { snapshot, eTag } = await this.store.load(key);
      const candidate = takeTurn(snapshot, input, this.env(context));
      try {
        await this.store.save(key, candidate.persisted, eTag);
        result = candidate;
      } catch (error) {
        if (!isETagConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
        this.options.logger.debug({ attempt }, 'concurrent turn on the same conversation; retrying');
      }
    }
    context.turnState.set(INTAKE_HELD, result.persisted !== null);
    await this.send(context, result);
    await this.applyEffects(context, result);
    // Step and timing only: never the patient's words. Debug, not info: a line per message is noise in
    // a clinic's logs (and measurable per turn); intakes recorded and deletions are logged at info.
    const marker = result.outputs.at(-1);
    this.options.logger.debug({ step: marker && 'step' in marker ? marker.step : undefined, ms: Math.round(performance.now() - started) }, 'turn');
  }

  private async send(context: TurnContext, result: TurnResult): Promise<void> {
    await context.sendActivities(result.outputs.map(render));
  }

  private async applyEffects(context: TurnContext, result: TurnResult): Promise<void> {
    const conversation = { channelId: context.activity.channelId, conversationId: context.activity.conversation.id };
    for (const effect of result.effects) {
      if (effect.type === 'intake_ended') await this.sink.intakeEnded(effect.summary, effect.outcome);
      // The snapshot itself was already removed by the save of a null snapshot.
      if (effect.type === 'delete_data') await this.sink.dataDeleted(conversation);
    }
  }
}
