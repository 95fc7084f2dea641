// Webhook delivery to a real receiver on loopback: signatures, retries while the receiver is down or
// hanging, deletion events, and a server killed between writing the intake and POSTing it.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeSummary } from '../../dialogs/summarySchema.js';
import { signPayload, verifySignature } from '../../src/clinic/signature.js';
import { enqueue } from '../../src/clinic/outbox.js';
import { backoffDelay, WebhookWorker } from '../../src/clinic/webhookWorker.js';
import { openPglite } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { post, startChild, tempDir } from '../support/server.js';
import { SECRET, TOKEN, api, completeIntake, eventually, startClinicServer, startReceiver, type ClinicServer, type Receiver } from './support.js';

interface Delivery {
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
}

function verified(r: { headers: Record<string, unknown>; body: string }): boolean {
  return verifySignature(SECRET, String(r.headers['x-intake-timestamp']), r.body, String(r.headers['x-intake-signature']));
}

describe('signatures', () => {
  it('is sha256=<hex HMAC-SHA256 of "timestamp.body">, verifiable with a fresh timestamp only', () => {
    const sig = signPayload('s3cret-s3cret-s3cret', '1700000000', '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret-s3cret-s3cret', '1700000000', '{"a":1}', sig, { now: 1700000100 })).toBe(true);
    expect(verifySignature('s3cret-s3cret-s3cret', '1700000000', '{"a":2}', sig, { now: 1700000100 })).toBe(false);
    expect(verifySignature('another-secret-here', '1700000000', '{"a":1}', sig, { now: 1700000100 })).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', '1700000000', '{"a":1}', sig, { now: 1700000000 + 301 })).toBe(false);
  });

  it('retries back off exponentially with jitter, capped', () => {
    const b = { baseMs: 1000, maxMs: 8000 };
    expect(backoffDelay(1, b, () => 0)).toBe(500);
    expect(backoffDelay(1, b, () => 1)).toBe(1000);
    expect(backoffDelay(3, b, () => 1)).toBe(4000);
    expect(backoffDelay(10, b, () => 1)).toBe(8000);
    expect(backoffDelay(50, b, () => 0.5)).toBe(6000);
  });
});

describe('a receiver that never answers, while the garbage collector runs', () => {
  it('the attempt still times out and is marked for retry, so later deliveries are not stalled behind it', async () => {
    // On Node 20 a timeout signal combined with AbortSignal.any could be collected before it fired.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const receiver = await startReceiver();
    receiver.hang = true;
    const db = await openPglite(null);
    const collecting = setInterval(gc, 10);
    try {
      await migrate(db);
      await enqueue(db, { intakeId: randomUUID(), event: 'intake.created', body: '{}' });
      const worker = new WebhookWorker({ db, url: `http://127.0.0.1:${receiver.port}/hooks/intake`, secret: SECRET, logger: pino({ level: 'silent' }), timeoutMs: 300 });
      const stalled = new Promise((resolve) => setTimeout(() => resolve('stalled: the attempt never timed out'), 10_000).unref());
      expect(await Promise.race([worker.drainOnce(), stalled])).toBe(1);
      const { rows } = await db.query<{ last_error: string; attempts: number }>('SELECT last_error, attempts FROM intake_outbox');
      expect(rows).toEqual([{ last_error: 'timed out after 0.3 s', attempts: 1 }]);
    } finally {
      clearInterval(collecting);
      await receiver.close();
      await db.close();
    }
  }, 20_000);
});

describe('a receiver that holds one request open', () => {
  it('does not hold the other deliveries: they go out beside it, long before its timeout', async () => {
    const receiver = await startReceiver();
    receiver.hang = true; // the first request that arrives is never answered
    const db = await openPglite(null);
    await migrate(db);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const intakeId of ids) await enqueue(db, { intakeId, event: 'intake.created', body: '{}' });
    const worker = new WebhookWorker({ db, url: receiver.url, secret: SECRET, logger: pino({ level: 'silent' }), timeoutMs: 60_000, pollMs: 30 });
    try {
      worker.start();
      await receiver.waitFor(1);
      receiver.hang = false;
      await receiver.waitFor(3); // the worker's timeout is a minute: sent one after another, these would wait for it
      const statuses = async () => (await db.query<{ status: string }>('SELECT status FROM intake_outbox ORDER BY status')).rows.map((r) => r.status);
      await expect.poll(statuses).toEqual(['delivered', 'delivered', 'pending']);
      // A new event is not held either.
      await enqueue(db, { intakeId: randomUUID(), event: 'intake.created', body: '{}' });
      worker.kick();
      await receiver.waitFor(4);
    } finally {
      await worker.stop(); // aborts the request still held open
      await receiver.close();
      await db.close();
    }
  });
});

describe('delivery (one server, a receiver that comes and goes on a fixed port)', () => {
  let server: ClinicServer;
  let receiver: Receiver;
  let port: number;

  const delivery = async (intakeId: string) => ((await (await api(server, `/api/clinic/intakes/${intakeId}`)).json()) as { delivery: Delivery }).delivery;

  beforeAll(async () => {
    receiver = await startReceiver();
    port = receiver.port;
    server = await startClinicServer(
      { CLINIC_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/intake`, CLINIC_WEBHOOK_SECRET: SECRET },
      { clinic: { worker: { pollMs: 30, timeoutMs: 400, backoff: { baseMs: 60, maxMs: 300 } } } },
    );
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('POSTs the IntakeSummary with a valid signature and a stable X-Intake-Id', async () => {
    const summary = await completeIntake(server.url, 'wh-1');
    const [got] = await receiver.waitFor(1);
    const h = got!.headers;
    expect(h['content-type']).toBe('application/json');
    expect(h['x-intake-id']).toBe(summary.intakeId);
    expect(h['x-intake-event']).toBe('intake.created');
    expect(h['x-intake-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Number(h['x-intake-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    // What a receiver does: HMAC over "timestamp.body" with the shared secret, compared in constant time.
    expect(verified(got!)).toBe(true);
    const body = IntakeSummary.parse(JSON.parse(got!.body));
    expect(body).toEqual(summary);
    expect(body.completedAt).not.toBeNull();
    const d = await eventually(async () => {
      const d = await delivery(summary.intakeId);
      return d.status === 'delivered' && d;
    });
    expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204, lastError: null });
    expect(receiver.received).toHaveLength(1);
  });

  it('tells the receiver intake.deleted, signed the same way, when a delivered intake is erased by "delete my data"', async () => {
    receiver.received.length = 0;
    const summary = await completeIntake(server.url, 'wh-del');
    await receiver.waitFor(1);
    await eventually(async () => (await delivery(summary.intakeId)).status === 'delivered');
    await post(server.url, 'wh-del', { text: 'delete my data' });
    const [, deleted] = await receiver.waitFor(2);
    expect(deleted!.headers['x-intake-event']).toBe('intake.deleted');
    expect(deleted!.headers['x-intake-id']).toBe(summary.intakeId);
    expect(verified(deleted!)).toBe(true);
    expect(JSON.parse(deleted!.body)).toEqual({ event: 'intake.deleted', intakeId: summary.intakeId, deletedAt: expect.any(String) });
    expect((await api(server, `/api/clinic/intakes/${summary.intakeId}`)).status).toBe(404);
  });

  it('a receiver that hangs times out and is retried until it answers', async () => {
    receiver.received.length = 0;
    receiver.hang = true;
    const summary = await completeIntake(server.url, 'wh-hang');
    await receiver.waitFor(2);
    const failing = await eventually(async () => {
      const d = await delivery(summary.intakeId);
      return d.status === 'failing' && d;
    });
    expect(failing.lastError).toMatch(/timed out after 0.4 s/);
    receiver.hang = false;
    await eventually(async () => (await delivery(summary.intakeId)).status === 'delivered');
  });

  it('keeps retrying while the receiver is down, shows it failing, then delivers every intake', async () => {
    await receiver.close();
    const ids: string[] = [];
    for (const conv of ['down-1', 'down-2', 'down-3']) ids.push((await completeIntake(server.url, conv)).intakeId);

    // The patients never waited on the webhook; the API shows each delivery failing, with the reason.
    for (const id of ids) {
      const d = await eventually(async () => {
        const d = await delivery(id);
        return d.status === 'failing' && d.attempts >= 2 && d;
      });
      expect(d.lastError).toBe('connection failed (ECONNREFUSED)');
    }
    const failing = (await (await api(server, '/api/clinic/deliveries?status=failing')).json()) as { items: Array<{ intakeId: string }> };
    expect(failing.items.map((i) => i.intakeId).sort()).toEqual([...ids].sort());

    // Back, but answering 503 for a while: still failing, now with the status.
    receiver = await startReceiver(port);
    receiver.status = 503;
    const d503 = await eventually(async () => {
      const d = await delivery(ids[0]!);
      return d.lastStatus === 503 && d;
    });
    expect(d503).toMatchObject({ status: 'failing', lastError: 'HTTP 503' });

    receiver.status = 200;
    for (const id of ids) await eventually(async () => (await delivery(id)).status === 'delivered');
    const delivered = receiver.received.filter((r) => r.headers['x-intake-event'] === 'intake.created');
    expect(new Set(delivered.map((r) => r.headers['x-intake-id']))).toEqual(new Set(ids));
    // One delivery id per intake across all its retries: what a receiver de-duplicates on.
    for (const id of ids) expect(new Set(delivered.filter((r) => r.headers['x-intake-id'] === id).map((r) => r.headers['x-intake-delivery'])).size).toBe(1);
    expect(delivered.every(verified)).toBe(true);
  });
});

describe('the README example receiver (examples/webhook-receiver.mjs)', () => {
  it('verifies a real delivery and refuses a forged one', async () => {
    const child = spawn(process.execPath, ['examples/webhook-receiver.mjs'], { env: { ...process.env, PORT: '0', CLINIC_WEBHOOK_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const port = await eventually(async () => /listening on port (\d+)/.exec(out)?.[1]);
    const server = await startClinicServer({ CLINIC_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/intake`, CLINIC_WEBHOOK_SECRET: SECRET });
    try {
      const summary = await completeIntake(server.url, 'example-receiver');
      await eventually(async () => out.includes(`verified intake.created ${summary.intakeId} triage=routine`));
      const forged = await fetch(`http://127.0.0.1:${port}/hooks/intake`, {
        method: 'POST',
        headers: { 'x-intake-timestamp': String(Math.floor(Date.now() / 1000)), 'x-intake-signature': `sha256=${'0'.repeat(64)}`, 'x-intake-event': 'intake.created' },
        body: JSON.stringify(summary),
      });
      expect(forged.status).toBe(401);
      const stale = Math.floor(Date.now() / 1000) - 3600;
      const replayed = await fetch(`http://127.0.0.1:${port}/hooks/intake`, {
        method: 'POST',
        headers: { 'x-intake-timestamp': String(stale), 'x-intake-signature': signPayload(SECRET, String(stale), '{}') },
        body: '{}',
      });
      expect(replayed.status).toBe(401);
    } finally {
      await server.close();
      child.kill();
    }
  });
});

describe('durability', () => {
  it('a server killed between the database write and the POST delivers after restart, with the same X-Intake-Id', async () => {
    const DATA_DIR = await tempDir();
    const down = await startReceiver();
    await down.close();
    const env = {
      DATA_DIR,
      CLINIC_API_TOKEN: TOKEN,
      CLINIC_WEBHOOK_URL: `http://127.0.0.1:${down.port}/hooks/intake`,
      CLINIC_WEBHOOK_SECRET: SECRET,
      WEBHOOK_TIMEOUT_SECONDS: '1',
    };
    const first = await startChild(env);
    let summary: IntakeSummary;
    try {
      // The intake and its outbox row are committed before the last reply returns; nothing can receive it.
      summary = await completeIntake(first.url, 'killed-1');
    } finally {
      first.process.kill('SIGKILL');
      await new Promise((r) => first.process.once('exit', r));
    }

    const receiver = await startReceiver(down.port);
    const second = await startChild(env);
    try {
      const [got] = await receiver.waitFor(1, 20_000);
      expect(got!.headers['x-intake-id']).toBe(summary.intakeId);
      expect(got!.headers['x-intake-event']).toBe('intake.created');
      expect(verified(got!)).toBe(true);
      expect(JSON.parse(got!.body)).toEqual(summary);
      const d = await eventually(async () => {
        const res = await fetch(`${second.url}/api/clinic/intakes/${summary.intakeId}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        const d = ((await res.json()) as { delivery: Delivery }).delivery;
        return d.status === 'delivered' && d;
      });
      expect(d.attempts).toBeGreaterThanOrEqual(1);
      expect(new Set(receiver.received.map((r) => r.headers['x-intake-delivery'])).size).toBe(1);
    } finally {
      second.process.kill('SIGTERM');
      await new Promise((r) => second.process.once('exit', r));
      await receiver.close();
    }
  }, 60_000);
});
