// POST /api/messages: the Bot Framework Activity protocol through CloudAdapter (Emulator, Azure Bot
// Service, Teams, any Bot Framework client). Activities are checked for the fields the bot relies
// on before the adapter sees them, so bad input gets a 400 that says what is wrong, never a 500.
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { safeError } from '../server/logger.js';
import { HttpError, readJson } from './http.js';
import { closesConnection } from '../server/body.js';
import { refusal, type MessagesAccess } from './messagesAccess.js';
import { IncomingActivity } from './incomingActivity.js';
import { KeyedQueue } from './keyedQueue.js';

/** Big enough for a 1 MB message (which the bot answers with a kind re-ask), small enough to bound memory. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function badRequest(res: Response, status: number, code: string, message: string): void {
  res.json(status, { error: { code, message } });
}

export function registerMessages(server: Server, adapter: CloudAdapter, bot: ActivityHandler, logger: Logger, access: MessagesAccess): void {
  // One turn at a time per conversation, as the Direct Line channel does: concurrent answers to one
  // conversation then never race on its eTag (they did, and ran out of retries).
  const turns = new KeyedQueue();
  server.post(
    '/api/messages',
    async (req: Request, res: Response) => {
      // The same bounded, cleaned reader as every other route (not restify's bodyParser, which inflated
      // gzip unchecked); CloudAdapter reads the activity from req.body.
      try {
        req.body = await readJson(req, MAX_BODY_BYTES);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        if (closesConnection(error)) res.setHeader('Connection', 'close');
        return badRequest(res, error.status, error.status === 400 ? 'BadActivity' : error.code, error.message);
      }
      const parsed = IncomingActivity.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return badRequest(res, 400, 'BadActivity', `${issue.path.join('.') || 'body'}: ${issue.message}`);
      }
      const refused = refusal(req, parsed.data, access);
      if (refused) return badRequest(res, refused.status, refused.code, refused.message);
      try {
        const { channelId, conversation } = parsed.data;
        await turns.run(`${channelId}/${conversation.id}`, () => adapter.process(req, res, (context) => bot.run(context)));
      } catch (error) {
        logger.error({ err: safeError(error) }, 'adapter failed');
        if (!res.headersSent) badRequest(res, 500, 'InternalError', 'The bot could not process this activity.');
      }
    },
  );
}
