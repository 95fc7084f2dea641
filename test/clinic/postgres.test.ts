/**
 * The clinic's SQL on real PostgreSQL: the outbox claim with FOR UPDATE SKIP LOCKED across several
 * connections (as several server instances would), and records, paging, erasure and retention.
 * Needs TEST_DATABASE_URL; skipped locally without it, a hard failure in CI.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSummary } from '../../dialogs/summarySchema.js';
import { eraseConversation } from '../../src/clinic/erasure.js';
import { getIntake, listIntakes, recordIntake } from '../../src/clinic/intakeRecords.js';
import { claimDue, markDelivered, markFailed } from '../../src/clinic/outbox.js';
import { purgeExpired } from '../../src/clinic/retention.js';
import { WebhookWorker } from '../../src/clinic/webhookWorker.js';
import { openPostgres, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { SECRET, startReceiver } from './support.js';
import { dropSchemas, pgUrl, postgresGate, schemaName } from '../support/postgres.js';

const url = pgUrl;
const run = postgresGate('PostgreSQL clinic tests', 'test/clinic');

function summary(i: number, triage: IntakeSummary['triage'] = 'routine'): IntakeSummary {
  return {
    schemaVersion: 1,
    intakeId: randomUUID(),
    conversationId: `pg-conv-${i}`,
    channelId: 'test',
    startedAt: '2026-03-02T09:55:00.000Z',
    completedAt: '2026-03-02T10:00:00.000Z',
    painAreas: [{ region: 'neck', side: 'centre', primary: true }],
    spreadsTo: [],
    duration: { weeks: 2, category: 'acute', text: '2 weeks' },
    causes: ['stress'],
    intensity: { now: 3, worst: 5 },
    movementLimits: [{ movement: 'turning_head', difficulty: 'some' }],
    flags: triage === 'therapist_review' ? [{ code: 'pregnancy', level: 'review' }] : [],
    triage,
    recommendation: { appointmentType: 'Initial consultation', durationMinutes: 60, bookingUrl: 'https://booking.example.com/x' },
    patientWords: { location: ['my neck'] },
  };
}

describe.skipIf(!run)('clinic on PostgreSQL (TEST_DATABASE_URL)', () => {
  const schema = schemaName('test_clinic');
  let a: Database;
  let b: Database;

  beforeAll(async () => {
    a = await openPostgres(url, { schema });
    b = await openPostgres(url, { schema });
    await migrate(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchemas([schema]);
  });

  it('two instances claiming at once never claim the same event, and together claim all of them', async () => {
    await a.exec('DELETE FROM intake_outbox; DELETE FROM intakes;');
    const made = [];
    for (let i = 0; i < 40; i++) {
      const s = summary(i);
      await recordIntake(a, s, 'done', { webhook: true });
      made.push(s.intakeId);
    }
    // Hold a lock on some rows in an open transaction: SKIP LOCKED claims around them instead of waiting.
    const blocker = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await blocker.connect();
    await blocker.query('BEGIN');
    const locked = await blocker.query(`SELECT id FROM intake_outbox ORDER BY created_at LIMIT 5 FOR UPDATE`);
    const started = Date.now();
    const claims = await Promise.all([claimDue(a, 10, 30_000), claimDue(b, 10, 30_000), claimDue(a, 10, 30_000), claimDue(b, 10, 30_000)]);
    expect(Date.now() - started).toBeLessThan(5_000);
    const ids = claims.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(35);
    expect(ids).not.toContain(locked.rows[0].id);
    await blocker.query('ROLLBACK');
    await blocker.end();

    const rest = await claimDue(b, 100, 30_000);
    expect(rest).toHaveLength(5);
    // Leased rows are not claimed again until the lease runs out.
    expect(await claimDue(a, 100, 30_000)).toHaveLength(0);
    const [first] = claims.flat();
    expect(await markDelivered(b, { ...first!, leaseToken: randomUUID() }, 200)).toBe(false);
    expect(await markDelivered(b, first!, 200)).toBe(true);
    expect(await markFailed(a, rest[0]!, { httpStatus: 500, error: 'HTTP 500', retryInMs: 0 })).toBe(true);
    expect(await claimDue(a, 100, 30_000)).toHaveLength(1);
  });

  it('two workers on one database deliver every intake exactly once between them', async () => {
    await a.exec('DELETE FROM intake_outbox; DELETE FROM intakes;');
    const receiver = await startReceiver();
    const logger = pino({ level: 'silent' });
    const workers = [a, b].map((db) => new WebhookWorker({ db, url: receiver.url, secret: SECRET, logger, pollMs: 20, timeoutMs: 2_000 }));
    try {
      workers.forEach((w) => w.start());
      const ids = [];
      for (let i = 0; i < 20; i++) {
        const s = summary(100 + i);
        await recordIntake(i % 2 ? a : b, s, 'done', { webhook: true });
        ids.push(s.intakeId);
        workers[i % 2]!.kick();
      }
      await receiver.waitFor(20);
      await new Promise((r) => setTimeout(r, 200));
      expect(receiver.received).toHaveLength(20);
      expect(new Set(receiver.received.map((r) => r.headers['x-intake-id']))).toEqual(new Set(ids));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await receiver.close();
    }
  });

  it('records, pages, erases and purges with the same SQL as PGlite', async () => {
    await a.exec('DELETE FROM intake_outbox; DELETE FROM intakes; DELETE FROM intake_tombstones;');
    const all = [summary(1), summary(2, 'therapist_review'), summary(3), summary(4)];
    for (const s of all) expect(await recordIntake(a, s, 'done', { webhook: true })).toBe(true);
    expect(await recordIntake(b, all[0]!, 'done', { webhook: true })).toBe(false);
    const page1 = await listIntakes(a, { limit: 3 });
    const page2 = await listIntakes(a, { limit: 3, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((r) => r.intakeId).sort()).toEqual(all.map((s) => s.intakeId).sort());
    expect(page2.nextCursor).toBeNull();
    expect((await listIntakes(a, { limit: 10, triage: ['therapist_review'] })).items.map((r) => r.intakeId)).toEqual([all[1]!.intakeId]);

    const erased = await eraseConversation(a, { channelId: 'test', conversationId: 'pg-conv-1' });
    expect(erased).toEqual({ intakeIds: [all[0]!.intakeId], notified: 0, conversationKeys: [] });
    expect(await recordIntake(a, all[0]!, 'done', { webhook: true })).toBe(false);

    await a.query(`UPDATE intakes SET recorded_at = now() - interval '40 days' WHERE intake_id = $1`, [all[2]!.intakeId]);
    expect(await purgeExpired(a, 30)).toMatchObject({ intakes: 1 });
    expect(await getIntake(a, all[2]!.intakeId)).toBeNull();
    expect(await getIntake(a, all[3]!.intakeId)).not.toBeNull();
  });
});
