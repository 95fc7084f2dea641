// The floor: a plain botbuilder echo bot (Microsoft's 02.echo-bot sample plus the conversation-state
// counter of 45.state-management) on the same stack as the intake bot: restify, CloudAdapter with
// anonymous auth, bodyParser, expectReplies. State is botbuilder's ConversationState over MemoryStorage.
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  MessageFactory,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';

class EchoBot extends ActivityHandler {
  private readonly turns: StatePropertyAccessor<number>;

  constructor(private readonly conversationState: ConversationState) {
    super();
    this.turns = conversationState.createProperty<number>('turns');
    this.onMessage(async (context, next) => {
      const n = (await this.turns.get(context, 0)) + 1;
      await this.turns.set(context, n);
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`, `Echo: ${context.activity.text}`));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

export interface EchoServer {
  url: string;
  /** The MemoryStorage contents, for counting what is kept per conversation. */
  memory: Record<string, string>;
  close(): Promise<void>;
}

export async function startEchoServer(port: number, host = '127.0.0.1'): Promise<EchoServer> {
  const memory: Record<string, string> = {};
  const bot = new EchoBot(new ConversationState(new MemoryStorage(memory)));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    console.error('echo bot turn failed', error);
    await context.sendActivity('The bot encountered an error.');
  };
  const server = restify.createServer({ name: 'echo-floor', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.json(200, { status: 'ok' });
    return next();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    url: `http://${host}:${typeof address === 'object' && address ? address.port : port}`,
    memory,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
