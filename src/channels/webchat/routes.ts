// The patient-facing web: the chat page, the embeddable widget script, the page's token endpoint and
// the static files (Web Chat itself comes from node_modules, never a CDN).
//   GET  /                       the chat page (?embed=1 inside the widget's panel)
//   GET  /widget.js              one <script> tag adds a chat button to a clinic's website
//   POST /api/webchat/token      a conversation-scoped Direct Line token for the page (resumes one it already had)
//   GET  /static/*               web/static
//   GET  /webchat/webchat-<version>.js   botframework-webchat's UMD bundle
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { ClinicProfile } from '../../../dialogs/clinicProfile.js';
import { safeError } from '../../server/logger.js';
import type { DirectLineChannel } from '../directline/channel.js';
import { newConversationId, TOKEN_TTL_SECONDS } from '../directline/tokens.js';
import { applyCors, HttpError, publicOrigin, readJson, sendError, sendHttpError, spend, type ClientLimits } from '../http.js';
import { AssetCache, webChatBundle } from './assets.js';
import { renderPage, renderWidget } from './page.js';
import { originAllowed, setPageHeaders } from './securityHeaders.js';

export interface WebChatOptions {
  clinic: ClinicProfile;
  allowedOrigins: readonly string[];
  publicUrl: string | undefined;
  logger: Logger;
  limits: ClientLimits;
}

const TokenRequest = z.object({ token: z.string().max(1024).optional() });
const YEAR = 365 * 24 * 3600;

export function registerWebChat(server: Server, channel: DirectLineChannel, options: WebChatOptions): void {
  const assets = new AssetCache();
  const bundle = webChatBundle();
  const bundleRoute = `/webchat/webchat-${bundle.version}.js`;
  assets.warm(bundle.path);
  const widget = renderWidget({ clinic: options.clinic, allowedOrigins: options.allowedOrigins });

  const fail = (res: Response, error: unknown) => {
    if (sendHttpError(res, error)) return;
    options.logger.error({ err: safeError(error) }, 'web chat request failed');
    sendError(res, 500, 'InternalError', 'Something went wrong on the server.');
  };

  server.get('/', async (req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    const embed = new URL(req.url ?? '/', 'http://localhost').searchParams.get('embed') === '1';
    setPageHeaders(res, { nonce, origin: publicOrigin(req, options.publicUrl), allowedOrigins: options.allowedOrigins, logoUrl: options.clinic.logoUrl });
    const html = renderPage({ clinic: options.clinic, nonce, embed, webChatVersion: bundle.version });
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.writeHead(200);
    res.end(html);
  });

  server.get('/widget.js', async (_req: Request, res: Response) => {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    // Loaded by the clinic's own pages, which live on another origin.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.writeHead(200);
    res.end(widget);
  });

  server.opts('/api/webchat/token', async (req: Request, res: Response) => {
    applyCors(req, res, options.allowedOrigins);
    res.send(204);
  });

  server.post('/api/webchat/token', async (req: Request, res: Response) => {
    applyCors(req, res, options.allowedOrigins);
    res.setHeader('Cache-Control', 'no-store');
    try {
      if (!originAllowed(req, publicOrigin(req, options.publicUrl), options.allowedOrigins)) {
        throw new HttpError(403, 'Forbidden', 'This origin may not start a chat here (see ALLOWED_ORIGINS).');
      }
      const parsed = TokenRequest.safeParse((await readJson(req, 4096, { optional: true })) ?? {});
      if (!parsed.success) throw new HttpError(400, 'BadArgument', 'Send {} or { "token": "<the previous token>" }.');
      // A page that still holds a valid token resumes its conversation; anything else starts afresh
      // (an expired token is not an error here: the patient simply gets a new chat).
      const previous = parsed.data.token ? channel.signer.verify(parsed.data.token) : undefined;
      if (previous?.ok && previous.payload.scope === 'conversation' && (await channel.transcript.exists(previous.payload.cid))) {
        const conversationId = previous.payload.cid;
        spend(options.limits.tokens, options.limits, req, 'tokens');
        await channel.transcript.touch(conversationId);
        const resumed = (await channel.transcript.count(conversationId)) > 0;
        res.json(200, { conversationId, token: channel.signer.sign(conversationId), expires_in: TOKEN_TTL_SECONDS, resumed });
        return;
      }
      spend(options.limits.newChats, options.limits, req, 'new chats');
      spend(options.limits.tokens, options.limits, req, 'tokens');
      const conversationId = newConversationId();
      res.json(200, { conversationId, token: channel.signer.sign(conversationId), expires_in: TOKEN_TTL_SECONDS, resumed: false });
    } catch (error) {
      fail(res, error);
    }
  });

  server.get(bundleRoute, async (req: Request, res: Response) => {
    try {
      if (!(await assets.serve(req, res, bundle.path, YEAR))) sendError(res, 404, 'NotFound', 'Web Chat is not installed.');
    } catch (error) {
      fail(res, error);
    }
  });

  server.get('/static/*', async (req: Request, res: Response) => {
    try {
      const name = safeDecode(new URL(req.url ?? '/', 'http://localhost').pathname.slice('/static/'.length));
      if (name === null || !(await assets.serveStatic(req, res, name, 0))) sendError(res, 404, 'NotFound', 'No such file.');
    } catch (error) {
      fail(res, error);
    }
  });
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
