// The Direct Line 3.0 REST routes, enough for unmodified botframework-directlinejs and Web Chat:
//   POST /v3/directline/tokens/generate            secret → token for a new conversation
//   POST /v3/directline/tokens/refresh             token → fresh token, same conversation
//   POST /v3/directline/conversations              start (token: its conversation; secret: a new one)
//   GET  /v3/directline/conversations/:id          reconnect: fresh token and streamUrl
//   POST /v3/directline/conversations/:id/activities   send; returns { id } after the bot's turn
//   GET  /v3/directline/conversations/:id/activities   poll with ?watermark=
//   POST /v3/directline/conversations/:id/upload   refused: the intake takes no files
// Auth is `Authorization: Bearer <token or secret>`; a token only opens its own conversation.
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { safeError } from '../../server/logger.js';
import { applyCors, HttpError, publicOrigin, readJson, sendError, sendHttpError, spend, type ClientLimits } from '../http.js';
import { PostedActivity, type DirectLineChannel } from './channel.js';
import { parseWatermark, present } from './stream.js';
import { CONVERSATION_ID, newConversationId, TOKEN_TTL_SECONDS } from './tokens.js';
import { ConversationNotFound } from './transcriptStore.js';

/** A typed answer is at most 2,000 characters (Web Chat's own limit); card submits are small. */
export const MAX_ACTIVITY_BYTES = 64 * 1024;
/** Bodies of the token and start routes are tiny ({ user, locale }) or absent. */
const MAX_SMALL_BODY = 4 * 1024;
const PAGE = 100;

export interface DirectLineRouteOptions {
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
  logger: Logger;
  limits: ClientLimits;
}

type Auth = { kind: 'secret' } | { kind: 'token'; conversationId: string };

export function registerDirectLine(server: Server, channel: DirectLineChannel, options: DirectLineRouteOptions): void {
  const { signer, transcript } = channel;

  const authenticate = (req: Request): Auth => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new HttpError(401, 'Unauthorized', 'Send Authorization: Bearer <token>.');
    if (signer.isSecret(match[1]!)) return { kind: 'secret' };
    const verified = signer.verify(match[1]!);
    if (!verified.ok) {
      throw verified.reason === 'expired' ? new HttpError(403, 'TokenExpired', 'The token has expired.') : new HttpError(403, 'Forbidden', 'The token is not valid.');
    }
    if (verified.payload.scope !== 'conversation') throw new HttpError(403, 'Forbidden', 'This token cannot be used here.');
    return { kind: 'token', conversationId: verified.payload.cid };
  };

  /** The conversation in the path, which the caller must hold a token for (or the secret); not looked up. */
  const claimedConversation = (req: Request, auth: Auth): string => {
    const id = String(req.params?.['id'] ?? '');
    if (auth.kind === 'token' && auth.conversationId !== id) throw new HttpError(403, 'Forbidden', 'This token is for another conversation.');
    if (!CONVERSATION_ID.test(id)) throw new HttpError(404, 'NotFound', 'Unknown conversation.');
    return id;
  };

  /** The same, and it must exist. */
  const conversationOf = async (req: Request, auth: Auth): Promise<string> => {
    const id = claimedConversation(req, auth);
    if (!(await transcript.exists(id))) throw new HttpError(404, 'NotFound', 'Unknown conversation.');
    return id;
  };

  const watermarkOf = (req: Request): number => {
    const raw = new URL(req.url ?? '/', 'http://localhost').searchParams.get('watermark');
    const watermark = parseWatermark(raw);
    if (watermark === null) throw new HttpError(400, 'BadArgument', 'watermark must be a number.');
    return watermark;
  };

  /** Token holders are browsers, limited per address; the secret is the clinic's own server-side client. */
  const spendToken = (req: Request, auth: Auth) => {
    if (auth.kind === 'token') spend(options.limits.tokens, options.limits, req, 'tokens');
  };

  const tokenBody = (conversationId: string) => ({ conversationId, token: signer.sign(conversationId), expires_in: TOKEN_TTL_SECONDS });

  const streamUrl = (req: Request, conversationId: string, watermark: number): string => {
    const base = publicOrigin(req, options.publicUrl).replace(/^http/, 'ws');
    const query = new URLSearchParams({ watermark: watermark > 0 ? String(watermark) : '', t: signer.sign(conversationId, 'stream') });
    return `${base}/v3/directline/conversations/${conversationId}/stream?${query}`;
  };

  /** Every route: CORS for allowed origins, errors as `{ error }`, nothing unexpected leaks. */
  const route =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      applyCors(req, res, options.allowedOrigins);
      res.setHeader('Cache-Control', 'no-store');
      try {
        await handler(req, res);
      } catch (error) {
        if (sendHttpError(res, error)) return;
        if (error instanceof ConversationNotFound) return sendError(res, 404, 'NotFound', 'Unknown conversation.');
        options.logger.error({ err: safeError(error) }, 'direct line request failed');
        sendError(res, 500, 'InternalError', 'Something went wrong on the server.');
      }
    };

  server.opts('/v3/directline/*', async (req: Request, res: Response) => {
    applyCors(req, res, options.allowedOrigins);
    res.send(204);
  });

  server.post(
    '/v3/directline/tokens/generate',
    route(async (req, res) => {
      const auth = authenticate(req);
      if (auth.kind !== 'secret') throw new HttpError(403, 'Forbidden', 'Generating a token needs the Direct Line secret.');
      await readJson(req, MAX_SMALL_BODY, { optional: true });
      res.json(200, tokenBody(newConversationId()));
    }),
  );

  server.post(
    '/v3/directline/tokens/refresh',
    route(async (req, res) => {
      const auth = authenticate(req);
      if (auth.kind !== 'token') throw new HttpError(403, 'Forbidden', 'Refreshing needs a token, not the secret.');
      spendToken(req, auth);
      await transcript.touch(auth.conversationId);
      res.json(200, tokenBody(auth.conversationId));
    }),
  );

  server.post(
    '/v3/directline/conversations',
    route(async (req, res) => {
      const auth = authenticate(req);
      await readJson(req, MAX_SMALL_BODY, { optional: true });
      spendToken(req, auth);
      const conversationId = auth.kind === 'token' ? auth.conversationId : newConversationId();
      const existed = await transcript.exists(conversationId);
      await transcript.ensure(conversationId);
      res.json(existed ? 200 : 201, { ...tokenBody(conversationId), streamUrl: streamUrl(req, conversationId, 0) });
    }),
  );

  server.get(
    '/v3/directline/conversations/:id',
    route(async (req, res) => {
      const auth = authenticate(req);
      const conversationId = await conversationOf(req, auth);
      const watermark = watermarkOf(req);
      spendToken(req, auth);
      await transcript.touch(conversationId);
      res.json(200, { ...tokenBody(conversationId), streamUrl: streamUrl(req, conversationId, watermark) });
    }),
  );

  server.post(
    '/v3/directline/conversations/:id/activities',
    route(async (req, res) => {
      // Not looked up first: storing the activity finds an unknown conversation (ConversationNotFound, a
      // 404), which saves a query on the path of every message a patient sends.
      const conversationId = claimedConversation(req, authenticate(req));
      const parsed = PostedActivity.safeParse(await readJson(req, MAX_ACTIVITY_BYTES));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new HttpError(400, 'BadArgument', `${issue.path.join('.') || 'activity'}: ${issue.message}`);
      }
      const id = await channel.post(conversationId, parsed.data, publicOrigin(req, options.publicUrl));
      res.json(200, { id });
    }),
  );

  server.get(
    '/v3/directline/conversations/:id/activities',
    route(async (req, res) => {
      const conversationId = await conversationOf(req, authenticate(req));
      const watermark = watermarkOf(req);
      const page = await transcript.after(conversationId, watermark, PAGE);
      res.json(200, { activities: page.map((s) => present(conversationId, s)), watermark: String(page.at(-1)?.seq ?? watermark) });
    }),
  );

  server.post(
    '/v3/directline/conversations/:id/upload',
    route(async (req) => {
      await conversationOf(req, authenticate(req));
      throw new HttpError(400, 'BadArgument', 'File uploads are not supported by this bot.');
    }),
  );
}
