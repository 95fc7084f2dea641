// Reading a request body, the one way every route does it. restify's bodyParser inflates
// `Content-Encoding: gzip` itself: a body that is not gzip emitted an unhandled 'error' on its Gunzip
// stream (the process exited), and its size limit counted compressed bytes, so a small upload could
// inflate to hundreds of megabytes. No client of this server compresses what it sends (Web Chat and
// botframework-directlinejs post plain JSON, Bot Framework channels and the Emulator too, browsers never
// compress a form), so an encoded body is refused with 415 before a byte of it is read, and the limit
// counts the bytes that arrive, which are then the bytes that are parsed.
import type { IncomingMessage } from 'node:http';

/** A refusal the route answers as `{ error: { code, message } }` with this status; never a stack trace. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Headers the answer carries, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Whether the request announces a body at all (a length above zero, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const declared = Number(req.headers['content-length'] ?? NaN);
  return (Number.isFinite(declared) && declared > 0) || req.headers['transfer-encoding'] !== undefined;
}

/**
 * The body's bytes, at most `maxBytes` of them. Throws HttpError 415 (compressed), 413 (too big, by
 * its Content-Length or as it streams in) or 400 (the client went away mid-body).
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    throw new HttpError(415, 'UnsupportedMediaType', 'Compressed bodies (Content-Encoding) are not accepted: send the body uncompressed.');
  }
  const tooBig = () => new HttpError(413, 'MessageSizeTooBig', `The body is larger than ${maxBytes} bytes.`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooBig();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooBig();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'BadArgument', 'The body could not be read to its end.');
  }
  return Buffer.concat(chunks);
}

/**
 * Whether the connection must close after answering `error`: a refused body may still be streaming in,
 * and reading it to the end only to drop it is what the refusal was meant to avoid.
 */
export function closesConnection(error: HttpError): boolean {
  return error.status === 413 || error.status === 415;
}

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;.*)?$/i;

/** An HTML form's fields (`application/x-www-form-urlencoded`), first value of each; 415 for anything else. */
export async function readForm(req: IncomingMessage, maxBytes: number): Promise<Record<string, string>> {
  if (!FORM_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'UnsupportedMediaType', 'Send the form as application/x-www-form-urlencoded.');
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams((await readBody(req, maxBytes)).toString('utf8'))) fields[name] ??= value;
  return fields;
}
