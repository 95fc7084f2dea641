// Who may use POST /api/messages. It is a Bot Framework channel endpoint, not a back door into the
// conversations this server runs itself: without MicrosoftAppId nothing authenticates the caller, and
// the caller chooses channelId, conversation.id and serviceUrl. So an anonymous caller must be on this
// machine (the Emulator, local development) unless the operator allows more, its replies may only go
// to this machine, and no caller, authenticated or not, may name a channel served here (the self-hosted
// Direct Line's conversation ids are in every Web Chat URL and proxy log).
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

export interface MessagesAccess {
  /** MicrosoftAppId is set: CloudAdapter checks the Bot Framework JWT and its serviceUrl claim. */
  authenticated: boolean;
  /** ALLOW_ANONYMOUS_BOT_FRAMEWORK: anonymous callers need not be on this machine. */
  allowRemoteAnonymous: boolean;
  /** Channel ids this server runs itself (lower case); their state is reachable only through them. */
  ownChannels: readonly string[];
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

/** Headers a reverse proxy adds: behind one on this machine every request comes from loopback. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** A request made on this machine, not relayed for someone else by a proxy. */
export function fromThisMachine(req: IncomingMessage): boolean {
  return isLoopbackAddress(req.socket.remoteAddress) && FORWARDING_HEADERS.every((h) => req.headers[h] === undefined);
}

/** `http(s)://localhost`, `127.x.x.x` or `[::1]`, any port: where the Emulator listens for replies. */
export function isLoopbackUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || isLoopbackAddress(host);
}

/** Why this activity may not come in through /api/messages, or undefined when it may. */
export function refusal(req: IncomingMessage, activity: { channelId: string; serviceUrl?: string | undefined }, access: MessagesAccess): Refusal | undefined {
  if (access.ownChannels.includes(activity.channelId.toLowerCase())) {
    return { status: 403, code: 'ChannelNotAccepted', message: `channelId "${activity.channelId}" is served by this server itself (Web Chat uses /v3/directline), not through /api/messages.` };
  }
  if (access.authenticated) return undefined;
  if (!access.allowRemoteAnonymous && !fromThisMachine(req)) {
    return {
      status: 401,
      code: 'Unauthorized',
      message: 'Anonymous Bot Framework requests are answered only from this machine. Register the bot (MicrosoftAppId) or set ALLOW_ANONYMOUS_BOT_FRAMEWORK=true for local development.',
    };
  }
  if (activity.serviceUrl && !isLoopbackUrl(activity.serviceUrl)) {
    return { status: 400, code: 'BadActivity', message: 'serviceUrl: anonymous requests may only have replies sent to this machine (http://localhost:<port>); use deliveryMode "expectReplies" otherwise.' };
  }
  return undefined;
}
