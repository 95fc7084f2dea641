// A minimal receiver for the intake bot's webhook: verifies the signature, refuses stale or forged
// requests, de-duplicates retries, and acknowledges with 204. Node.js 20+, no dependencies.
//
//   CLINIC_WEBHOOK_SECRET=<same secret as the bot> PORT=4000 node examples/webhook-receiver.mjs
//
// Then start the bot with CLINIC_WEBHOOK_URL=http://localhost:4000/hooks/intake and the same secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.CLINIC_WEBHOOK_SECRET;
if (!secret) throw new Error('set CLINIC_WEBHOOK_SECRET');
const TOLERANCE_SECONDS = 5 * 60;
/** Delivery ids already handled. In production: a unique column in your database. */
const handled = new Set();

/** True when the request was signed with our secret within the last five minutes. */
function verify(secret, timestamp, rawBody, signature, now = Date.now() / 1000) {
  if (!/^\d+$/.test(timestamp ?? '') || Math.abs(now - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex'));
  const given = Buffer.from(signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    // Verify the raw bytes exactly as received, before parsing them.
    const rawBody = Buffer.concat(chunks).toString('utf8');
    if (req.method !== 'POST' || !verify(secret, req.headers['x-intake-timestamp'], rawBody, req.headers['x-intake-signature'])) {
      res.statusCode = 401;
      res.end();
      return;
    }
    const delivery = req.headers['x-intake-delivery'];
    if (!handled.has(delivery)) {
      handled.add(delivery);
      const event = req.headers['x-intake-event'];
      const data = JSON.parse(rawBody);
      if (event === 'intake.created') console.log(`verified intake.created ${data.intakeId} triage=${data.triage}`);
      else if (event === 'intake.deleted') console.log(`verified intake.deleted ${data.intakeId}: erase your copy`);
    }
    // Any 2xx acknowledges; anything else (or no answer in time) is retried with backoff.
    res.statusCode = 204;
    res.end();
  });
});
server.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`webhook receiver listening on port ${server.address().port}`);
});
