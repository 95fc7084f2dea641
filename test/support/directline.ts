// A tiny Direct Line 3.0 client over real HTTP and WebSocket, for protocol tests.
import WebSocket from 'ws';

export type Json = Record<string, any>;

export interface Reply {
  status: number;
  body: Json;
}

export async function call(url: string, path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${url}${path}`, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: Json = {};
  try {
    parsed = text ? (JSON.parse(text) as Json) : {};
  } catch {
    parsed = { raw: text };
  }
  return { status: res.status, body: parsed };
}

/** What the page does: a token from /api/webchat/token, then start the conversation with it. */
export async function startConversation(url: string): Promise<{ conversationId: string; token: string; streamUrl: string }> {
  const minted = await call(url, '/api/webchat/token', { method: 'POST', body: {} });
  if (minted.status !== 200) throw new Error(`token: ${minted.status}`);
  const started = await call(url, '/v3/directline/conversations', { method: 'POST', token: minted.body['token'] });
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  return { conversationId: started.body['conversationId'], token: started.body['token'], streamUrl: started.body['streamUrl'] };
}

let clientIds = 0;
export async function postActivity(url: string, conversationId: string, token: string, activity: Json): Promise<Reply> {
  return call(url, `/v3/directline/conversations/${conversationId}/activities`, {
    method: 'POST',
    token,
    body: { type: 'message', from: { id: 'patient-1', name: 'Patient' }, channelData: { clientActivityID: `client-${++clientIds}` }, ...activity },
  });
}

export async function activities(url: string, conversationId: string, token: string, watermark?: string | number): Promise<Reply> {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  return call(url, `/v3/directline/conversations/${conversationId}/activities${query}`, { token });
}

export function lastPromptStep(list: Json[]): string | undefined {
  return list.filter((a) => a['from']?.role === 'bot' && a['channelData']?.intake).at(-1)?.['channelData'].intake.step;
}

export interface Stream {
  ws: WebSocket;
  messages: Json[];
  /** Every activity received, in order. */
  activities(): Json[];
  /** Resolves once `predicate` holds for the activities received so far. */
  until(predicate: (list: Json[]) => boolean, ms?: number): Promise<Json[]>;
  close(): Promise<void>;
}

export function openStream(streamUrl: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(streamUrl);
    const messages: Json[] = [];
    const waiters: Array<() => void> = [];
    ws.on('message', (data) => {
      const text = data.toString();
      if (text) messages.push(JSON.parse(text) as Json);
      waiters.splice(0).forEach((w) => w());
    });
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
    ws.once('open', () => {
      const all = () => messages.flatMap((m) => m['activities'] as Json[]);
      resolve({
        ws,
        messages,
        activities: all,
        async until(predicate, ms = 5000) {
          const deadline = Date.now() + ms;
          while (!predicate(all())) {
            if (Date.now() > deadline) throw new Error(`stream: condition not met; got ${all().map((a) => `${a['type']}:${a['from']?.role}`).join(', ')}`);
            await new Promise<void>((r) => {
              waiters.push(r);
              setTimeout(r, 100);
            });
          }
          return all();
        },
        close: () =>
          new Promise<void>((r) => {
            if (ws.readyState === ws.CLOSED) return r();
            ws.once('close', () => r());
            ws.close();
          }),
      });
    });
  });
}

/** Resolves with the HTTP status the server answered a WebSocket upgrade with. */
export function upgradeStatus(streamUrl: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(streamUrl);
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('error', () => resolve(0));
  });
}
