// Intake records, deletion, abandoned conversations, reconcile and retention, on real PGlite with the
// real bot (TestAdapter) producing real summaries.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_CLINIC } from '../../dialogs/clinicProfile.js';
import { IntakeSummary } from '../../dialogs/summarySchema.js';
import { recordAbandonedConversations, recoverUnrecorded, sweepConversations, type SweepOptions } from '../../src/clinic/abandoned.js';
import { clinicSink } from '../../src/clinic/clinicSink.js';
import { deleteIntake, eraseConversation, type Erased } from '../../src/clinic/erasure.js';
import { ConversationStore } from '../../src/bot/conversationStore.js';
import { countIntakes, getIntake, recordIntake } from '../../src/clinic/intakeRecords.js';
import { claimDue } from '../../src/clinic/outbox.js';
import { PartialIntake } from '../../src/clinic/partialIntake.js';
import { purgeExpired } from '../../src/clinic/retention.js';
import { openPglite, type Database } from '../../src/store/database.js';
import { makeHarness, type Harness } from '../support/harness.js';

const silent = pino({ level: 'silent' });
let db: Database;
let h: Harness;

beforeAll(async () => {
  db = await openPglite(null);
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  h = await makeHarness({ db });
  await db.exec('DELETE FROM bot_state; DELETE FROM intakes; DELETE FROM intake_outbox; DELETE FROM intake_tombstones; DELETE FROM directline_conversations;');
});

// The harness clock is fixed (2026-03-02), so the sweeps look back further than the default 90 days.
const sweep: SweepOptions = { clinic: EXAMPLE_CLINIC, abandonedAfterHours: 24, retentionDays: 3650, webhook: true, logger: silent };

async function finishByButtons(): Promise<IntakeSummary> {
  await h.send('hi');
  await h.send('yes');
  await h.send('right shoulder');
  await h.send('no');
  await h.send('2 weeks');
  await h.send('typing at work');
  await h.send('4');
  await h.send('6');
  while (h.last()?.step === 'movement') await h.send('a bit');
  await h.send('none of these');
  await h.send('none');
  await h.send('yes');
  await h.send('Alex Kim alex@example.com');
  expect(h.last()?.step).toBe('done');
  return h.ended.at(-1)!.summary;
}

async function outbox(): Promise<Array<{ event: string; intake_id: string }>> {
  return (await db.query<{ event: string; intake_id: string }>('SELECT event, intake_id::text FROM intake_outbox ORDER BY created_at')).rows;
}

async function ageConversations(hours: number): Promise<void> {
  await db.query(`UPDATE bot_state SET updated_at = now() - ($1::float8 * interval '1 hour')`, [hours]);
}

describe('recording', () => {
  it('writes the intake and its webhook event once, however often a turn is retried', async () => {
    const summary = await finishByButtons();
    expect(await recordIntake(db, summary, 'done', { webhook: true })).toBe(true);
    expect(await recordIntake(db, summary, 'done', { webhook: true })).toBe(false);
    await Promise.all([recordIntake(db, summary, 'done', { webhook: true }), recordIntake(db, summary, 'done', { webhook: true })]);
    expect(await countIntakes(db)).toBe(1);
    expect(await outbox()).toEqual([{ event: 'intake.created', intake_id: summary.intakeId }]);
    const record = await getIntake(db, summary.intakeId);
    expect(record).toMatchObject({ outcome: 'done', triage: 'routine', partial: null, delivery: { status: 'pending', attempts: 0 } });
    expect(IntakeSummary.parse(record!.summary)).toEqual(summary);
    // The outbox body is the exact JSON that gets signed.
    const { rows } = await db.query<{ body: string }>('SELECT body FROM intake_outbox');
    expect(JSON.parse(rows[0]!.body)).toEqual(summary);
  });

  it('queues no webhook event when no webhook is configured', async () => {
    const summary = await finishByButtons();
    await recordIntake(db, summary, 'done', { webhook: false });
    expect(await outbox()).toEqual([]);
    expect((await getIntake(db, summary.intakeId))?.delivery).toBeNull();
  });

  it('the clinic sink records what the bot hands it, and a failing write never fails the turn', async () => {
    const summary = await finishByButtons();
    let failed = 0;
    const sink = clinicSink({ db, logger: silent, webhook: true, onEnqueued: () => {}, onErased: () => {}, onRecordFailed: () => failed++ });
    await sink.intakeEnded(summary, 'done');
    expect(await countIntakes(db)).toBe(1);
    const broken = clinicSink({ db: { ...db, query: async () => { throw new Error('disk full'); } }, logger: silent, webhook: true, onEnqueued: () => {}, onErased: () => {}, onRecordFailed: () => failed++ });
    await expect(broken.intakeEnded({ ...summary, intakeId: '11111111-1111-4111-8111-111111111111' }, 'done')).resolves.toBeUndefined();
    expect(failed).toBe(1);
  });
});

describe('reconcile', () => {
  it('records an intake whose conversation ended but was never recorded (a crash after the save)', async () => {
    const summary = await finishByButtons();
    // The harness sink only collected it: nothing is in the intakes table, as after a crash.
    expect(await countIntakes(db)).toBe(0);
    expect(await recoverUnrecorded(db, sweep)).toBe(1);
    const record = await getIntake(db, summary.intakeId);
    expect(record?.summary).toEqual(summary);
    expect(await outbox()).toHaveLength(1);
    expect(await recoverUnrecorded(db, sweep)).toBe(0);
  });
});

describe('abandoned conversations', () => {
  it('are recorded after the configured quiet time with only what was answered', async () => {
    await h.send('hi');
    await h.send('yes');
    await h.send('lower back and left knee');
    await h.send('the lower back mostly');
    await h.send('no');
    await h.send('about 4 months');
    expect(h.last()?.step).toBe('cause');

    expect(await recordAbandonedConversations(db, sweep)).toBe(0);
    await ageConversations(25);
    expect(await recordAbandonedConversations(db, sweep)).toBe(1);
    expect(await recordAbandonedConversations(db, sweep)).toBe(0);

    const { rows } = await db.query<{ id: string }>('SELECT intake_id::text AS id FROM intakes');
    const record = await getIntake(db, rows[0]!.id);
    expect(record).toMatchObject({ outcome: 'abandoned', triage: null, summary: null, delivery: null });
    const partial = PartialIntake.parse(record!.partial);
    expect(partial).toMatchObject({
      lastStep: 'cause',
      painAreas: [
        { region: 'lower_back', side: 'centre', primary: true },
        { region: 'knee', side: 'left', primary: false },
      ],
      spreadsTo: [],
      duration: { category: 'chronic' },
    });
    expect(partial.causes).toBeUndefined();
    expect(partial.intensity).toBeUndefined();
    expect(partial.flags).toBeUndefined();
    expect(partial.patientWords.location).toEqual(['lower back and left knee']);
    // Abandoned intakes are for the inbox and API; the webhook contract is the confirmed IntakeSummary.
    expect(await outbox()).toEqual([]);
  });

  it('respects ABANDONED_AFTER_HOURS', async () => {
    await h.send('hi');
    await h.send('yes');
    await ageConversations(2);
    expect(await recordAbandonedConversations(db, { ...sweep, abandonedAfterHours: 3 })).toBe(0);
    expect(await recordAbandonedConversations(db, { ...sweep, abandonedAfterHours: 1.5 })).toBe(1);
  });

  it('become a full intake when the patient comes back and finishes', async () => {
    await h.send('hi');
    await h.send('yes');
    await h.send('right shoulder');
    await ageConversations(30);
    await sweepConversations(db, sweep);
    expect((await db.query(`SELECT 1 FROM intakes WHERE outcome = 'abandoned'`)).rowCount).toBe(1);
    await h.send('no');
    await h.send('2 weeks');
    await h.send('typing at work');
    await h.send('4');
    await h.send('6');
    while (h.last()?.step === 'movement') await h.send('a bit');
    await h.send('none of these');
    await h.send('none');
    await h.send('yes');
    await h.send('no thanks');
    const summary = h.ended.at(-1)!.summary;
    expect(await recordIntake(db, summary, 'done', { webhook: true })).toBe(true);
    const record = await getIntake(db, summary.intakeId);
    expect(record).toMatchObject({ outcome: 'done', partial: null });
    expect(await countIntakes(db)).toBe(1);
    expect(await outbox()).toHaveLength(1);
  });
});

describe('deletion', () => {
  it('"delete my data" erases the intake, its unsent event and the conversation, and sends no deletion event for an intake never sent', async () => {
    const erasures: Erased[] = [];
    const sink = clinicSink({ db, logger: silent, webhook: true, onEnqueued: () => {}, onErased: (e) => erasures.push(e), onRecordFailed: () => {} });
    const summary = await finishByButtons();
    await sink.intakeEnded(summary, 'done');
    await sink.dataDeleted({ channelId: summary.channelId, conversationId: summary.conversationId });
    expect(await countIntakes(db)).toBe(0);
    expect(await outbox()).toEqual([]);
    expect((await db.query('SELECT 1 FROM bot_state')).rowCount).toBe(0);
    // What was erased is reported, so a server keeping the conversation in memory can drop it too.
    const key = ConversationStore.key(summary.channelId, summary.conversationId);
    expect(erasures).toEqual([{ intakeIds: [summary.intakeId], notified: 0, conversationKeys: [key] }]);
    // A tombstone keeps the reconcile sweep from ever bringing it back.
    expect(await recordIntake(db, summary, 'done', { webhook: true })).toBe(false);
    expect(await countIntakes(db)).toBe(0);
  });

  it('queues a signed intake.deleted event when intake.created may have reached the receiver', async () => {
    const summary = await finishByButtons();
    await recordIntake(db, summary, 'done', { webhook: true });
    // A delivery attempt in flight (claimed, lease held) counts as possibly received.
    const [claim] = await claimDue(db, 10, 60_000);
    expect(claim?.intakeId).toBe(summary.intakeId);
    const erased = await eraseConversation(db, { channelId: summary.channelId, conversationId: summary.conversationId }, new Date('2026-03-03T00:00:00Z'));
    expect(erased).toEqual({ intakeIds: [summary.intakeId], notified: 1, conversationKeys: [ConversationStore.key(summary.channelId, summary.conversationId)] });
    const { rows } = await db.query<{ event: string; body: string; due_later: boolean }>(`SELECT event, body, next_attempt_at > now() + interval '50 seconds' AS due_later FROM intake_outbox`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: 'intake.deleted', due_later: true });
    expect(JSON.parse(rows[0]!.body)).toEqual({ event: 'intake.deleted', intakeId: summary.intakeId, deletedAt: '2026-03-03T00:00:00.000Z' });
  });

  it('the clinic can delete one intake; the conversation state holding it goes too', async () => {
    const summary = await finishByButtons();
    await recordIntake(db, summary, 'done', { webhook: false });
    expect(await deleteIntake(db, '22222222-2222-4222-8222-222222222222')).toBeNull();
    expect(await deleteIntake(db, summary.intakeId)).toEqual({
      intakeIds: [summary.intakeId],
      notified: 0,
      conversationKeys: [ConversationStore.key(summary.channelId, summary.conversationId)],
    });
    expect(await countIntakes(db)).toBe(0);
    expect((await db.query('SELECT 1 FROM bot_state')).rowCount).toBe(0);
    expect(await recoverUnrecorded(db, sweep)).toBe(0);
  });

  it('deleting an intake from a web chat also deletes that chat transcript', async () => {
    const summary = { ...(await finishByButtons()), channelId: 'directline', conversationId: 'webchat-conversation-1' };
    await recordIntake(db, summary, 'done', { webhook: false });
    await db.query('INSERT INTO directline_conversations (id) VALUES ($1), ($2)', ['webchat-conversation-1', 'webchat-conversation-2']);
    await db.query(`INSERT INTO directline_activities (conversation_id, seq, activity) VALUES ($1, 1, '{"text":"my sore neck"}'), ($2, 1, '{}')`, [
      'webchat-conversation-1',
      'webchat-conversation-2',
    ]);
    await deleteIntake(db, summary.intakeId);
    const { rows } = await db.query<{ conversation_id: string }>('SELECT conversation_id FROM directline_activities');
    expect(rows).toEqual([{ conversation_id: 'webchat-conversation-2' }]);
  });
});

describe('retention', () => {
  it('purges intakes, events and conversations older than INTAKE_RETENTION_DAYS, and keeps newer ones', async () => {
    const old = await finishByButtons();
    await recordIntake(db, old, 'done', { webhook: true });
    const fresh = { ...old, intakeId: '33333333-3333-4333-8333-333333333333', conversationId: 'other' };
    await recordIntake(db, fresh, 'done', { webhook: true });
    // Another conversation, quiet for longer than the retention period.
    await db.query(`INSERT INTO bot_state (key, doc, etag, updated_at) VALUES ('intake/test/stale', '{}'::jsonb, 1, now() - interval '100 days')`);

    await db.query(`UPDATE intakes SET recorded_at = now() - interval '91 days' WHERE intake_id = $1`, [old.intakeId]);
    const result = await purgeExpired(db, 90);
    // The old intake's conversation goes with it even though the patient touched it recently.
    expect(result).toMatchObject({ intakes: 1, events: 1, conversations: 2 });
    expect(await getIntake(db, old.intakeId)).toBeNull();
    expect(await getIntake(db, fresh.intakeId)).not.toBeNull();
    expect((await db.query('SELECT 1 FROM bot_state')).rowCount).toBe(0);
    expect(await outbox()).toEqual([{ event: 'intake.created', intake_id: fresh.intakeId }]);
    // Nothing comes back from the stored conversations.
    expect(await recoverUnrecorded(db, sweep)).toBe(0);
    await expect(purgeExpired(db, 0)).rejects.toThrow(/at least 1/);
  });
});

describe('configuration', () => {
  it('validates the clinic keys, naming the bad one', async () => {
    const { ConfigError, loadConfig } = await import('../../src/config.js');
    const base = { DATA_DIR: '/tmp/unused' };
    expect(loadConfig(base)).toMatchObject({ retentionDays: 90, abandonedAfterHours: 24, clinicApiToken: undefined, webhook: undefined });
    expect(loadConfig({ ...base, CLINIC_WEBHOOK_URL: 'https://x.example/h', CLINIC_WEBHOOK_SECRET: 'a'.repeat(16) }).webhook).toEqual({ url: 'https://x.example/h', secret: 'a'.repeat(16), timeoutSeconds: 10 });
    for (const [key, value] of [['INTAKE_RETENTION_DAYS', '0'], ['INTAKE_RETENTION_DAYS', '1.5'], ['ABANDONED_AFTER_HOURS', '-1'], ['CLINIC_TIMEZONE', 'Mars/Olympus'], ['WEBHOOK_TIMEOUT_SECONDS', 'soon'], ['CLINIC_API_TOKEN', 'short']] as const) {
      expect(() => loadConfig({ ...base, [key]: value }), key).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, [key]: value })).toThrow(new RegExp(`^${key}: `));
    }
  });
});
