// The Direct Line WebSocket stream (the `streamUrl`): one socket per open Web Chat, attached to the
// HTTP server's `upgrade` event. Authenticated like Azure's, by a short-lived stream token in the
// query string (browsers cannot set headers on a WebSocket). Messages are `{ activities, watermark }`.
// Every socket first catches up from its watermark out of the database, then gets new activities as
// they are appended, always in seq order with no gaps (a gap means: read the database again).
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { safeError } from '../../server/logger.js';
import { CONVERSATION_ID, type TokenSigner } from './tokens.js';
import { activityId, type StoredActivity, type TranscriptStore } from './transcriptStore.js';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?]+)\/stream$/;
const PAGE = 100;
/** Proxies drop idle sockets after about a minute; a ping every 30 s keeps them and finds dead peers. */
const HEARTBEAT_MS = 30_000;

/** What a client sees: the stored activity plus its id and the order Web Chat should sort it in. */
export function present(conversationId: string, stored: StoredActivity): Record<string, unknown> {
  const channelData = (stored.activity['channelData'] as Record<string, unknown> | undefined) ?? {};
  return { ...stored.activity, id: activityId(conversationId, stored.seq), channelData: { ...channelData, 'webchat:sequence-id': stored.seq } };
}

interface Client {
  ws: WebSocket;
  conversationId: string;
  /** Highest seq sent to this socket (its watermark). */
  sent: number;
  pumping: boolean;
  again: boolean;
  alive: boolean;
}

export interface StreamOptions {
  transcript: TranscriptStore;
  signer: TokenSigner;
  logger: Logger;
  /**
   * Several instances on one PostgreSQL: another instance may append to a conversation whose socket is
   * here, so sockets also re-read the database this often. 0 (one process) relies on in-process pushes.
   */
  catchUpMs: number;
}

export class StreamServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly clients = new Map<string, Set<Client>>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly options: StreamOptions) {
    this.timers.push(setInterval(() => this.heartbeat(), HEARTBEAT_MS).unref());
    if (options.catchUpMs > 0) this.timers.push(setInterval(() => this.forEachClient((c) => void this.pump(c)), options.catchUpMs).unref());
  }

  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      this.upgrade(req, socket, head).catch((error) => {
        this.options.logger.error({ err: safeError(error) }, 'direct line stream upgrade failed');
        refuse(socket, 500, 'InternalError', 'The stream could not be opened.');
      });
    });
  }

  /** An activity was appended: push it, or re-read if this socket is behind or busy. */
  appended(conversationId: string, stored: StoredActivity): void {
    for (const client of this.clients.get(conversationId) ?? []) {
      if (!client.pumping && stored.seq === client.sent + 1) {
        this.send(client, [present(conversationId, stored)], stored.seq);
      } else if (stored.seq > client.sent) {
        void this.pump(client);
      }
    }
  }

  /** Activities that are not kept (typing): sent to open sockets only, without a watermark. */
  ephemeral(conversationId: string, activity: Record<string, unknown>): void {
    for (const client of this.clients.get(conversationId) ?? []) {
      if (client.ws.readyState === client.ws.OPEN) client.ws.send(JSON.stringify({ activities: [activity] }));
    }
  }

  connections(conversationId?: string): number {
    if (conversationId) return this.clients.get(conversationId)?.size ?? 0;
    let n = 0;
    this.forEachClient(() => n++);
    return n;
  }

  /** Closes every socket with 1001 (going away): Web Chat reconnects to whichever server comes back. */
  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.forEachClient((c) => c.ws.close(1001, 'server shutting down'));
    await new Promise<void>((resolve) => setTimeout(resolve, 50).unref());
    this.forEachClient((c) => c.ws.terminate());
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'NotFound', 'No WebSocket here.');
    const conversationId = decodeURIComponent(match[1]!);
    if (!CONVERSATION_ID.test(conversationId)) return refuse(socket, 404, 'NotFound', 'Unknown conversation.');
    const verified = this.options.signer.verify(url.searchParams.get('t') ?? '');
    if (!verified.ok || verified.payload.scope !== 'stream' || verified.payload.cid !== conversationId) {
      return refuse(socket, 403, verified.ok ? 'Forbidden' : verified.reason === 'expired' ? 'TokenExpired' : 'Forbidden', 'The stream token is not valid for this conversation.');
    }
    const watermark = parseWatermark(url.searchParams.get('watermark'));
    if (watermark === null) return refuse(socket, 400, 'BadArgument', 'watermark must be a number.');
    if (!(await this.options.transcript.exists(conversationId))) return refuse(socket, 404, 'NotFound', 'Unknown conversation.');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, conversationId, watermark));
  }

  private connected(ws: WebSocket, conversationId: string, watermark: number): void {
    const client: Client = { ws, conversationId, sent: watermark, pumping: false, again: false, alive: true };
    let set = this.clients.get(conversationId);
    if (!set) this.clients.set(conversationId, (set = new Set()));
    set.add(client);
    ws.on('pong', () => (client.alive = true));
    // Web Chat sends empty strings as its own keep-alive; nothing a client sends here means anything.
    ws.on('message', () => {});
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      set.delete(client);
      if (set.size === 0 && this.clients.get(conversationId) === set) this.clients.delete(conversationId);
    });
    void this.pump(client);
  }

  /** Sends everything after the client's watermark from the database; one pump per socket at a time. */
  private async pump(client: Client): Promise<void> {
    if (client.pumping) {
      client.again = true;
      return;
    }
    client.pumping = true;
    try {
      do {
        client.again = false;
        for (;;) {
          const batch = await this.options.transcript.after(client.conversationId, client.sent, PAGE);
          if (batch.length === 0 || client.ws.readyState !== client.ws.OPEN) break;
          this.send(client, batch.map((s) => present(client.conversationId, s)), batch.at(-1)!.seq);
          if (batch.length < PAGE) break;
        }
      } while (client.again);
    } catch (error) {
      this.options.logger.error({ err: safeError(error) }, 'direct line stream could not read the transcript');
      client.ws.close(1011, 'transcript unavailable');
    } finally {
      client.pumping = false;
    }
  }

  private send(client: Client, activities: Record<string, unknown>[], watermark: number): void {
    if (client.ws.readyState !== client.ws.OPEN) return;
    client.ws.send(JSON.stringify({ activities, watermark: String(watermark) }));
    client.sent = watermark;
  }

  private heartbeat(): void {
    this.forEachClient((c) => {
      if (!c.alive) return c.ws.terminate();
      c.alive = false;
      c.ws.ping();
    });
  }

  private forEachClient(fn: (c: Client) => void): void {
    for (const set of this.clients.values()) for (const c of [...set]) fn(c);
  }
}

/** '' or absent means "from the start" (what Web Chat sends for a new or reloaded conversation). */
export function parseWatermark(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return 0;
  return /^[0-9]{1,9}$/.test(value) ? Number(value) : null;
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
