// Everything the clinic receives, started in one call from the server's wiring: the IntakeSink the
// bot hands intakes to, the webhook worker, the scheduled sweeps (abandoned intakes, reconcile,
// retention), and the API and inbox routes. stop() ends the worker and timers before the database closes.
import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { Config } from '../config.js';
import type { IntakeSink } from '../bot/intakeSink.js';
import type { Database } from '../store/database.js';
import { safeError } from '../server/logger.js';
import { sweepConversations, type SweepOptions } from './abandoned.js';
import { ClinicAuth } from './auth.js';
import { registerClinicApi } from './clinicApi.js';
import { clinicSink } from './clinicSink.js';
import { registerInbox } from './inbox/routes.js';
import type { Erased } from './erasure.js';
import { purgeExpired } from './retention.js';
import { scrubDeletedRows } from '../store/diskErasure.js';
import { SignInThrottle } from './signInThrottle.js';
import { purgeExpiredRevocations, StaffSessions } from './staffSessions.js';
import type { IncomingMessage } from 'node:http';
import { WebhookWorker, type WebhookWorkerOptions } from './webhookWorker.js';

export interface ClinicOptions {
  config: Pick<Config, 'clinic' | 'clinicApiToken' | 'webhook' | 'timeZone' | 'retentionDays' | 'abandonedAfterHours'> & { rateLimits?: Pick<Config['rateLimits'], 'wrongClinicTokensPerHour'> };
  db: Database;
  logger: Logger;
  /** Overrides for tests (timeouts, backoff, poll interval). */
  worker?: Partial<Omit<WebhookWorkerOptions, 'db' | 'url' | 'secret' | 'logger'>>;
  /**
   * Conversation state (bot_state rows) was deleted by clinic SQL; a server that keeps recent
   * conversations in memory drops them (the given keys, or all).
   */
  forgetConversations?: (keys?: string[]) => void;
  /** The client address of a request (behind a trusted proxy, the one it names), for sign-in throttling. */
  addressOf?: (req: IncomingMessage) => string;
  /** How often the conversation sweep (abandoned + reconcile) and the retention purge run. */
  sweepEveryMs?: number;
  purgeEveryMs?: number;
  /**
   * How long after a deletion the deleted rows are scrubbed from the database files (PGlite): later
   * deletions in that time join the same run, and turns are not held up by one run per deletion.
   */
  scrubAfterMs?: number;
}

export interface Clinic {
  sink: IntakeSink;
  register(server: Server): void;
  /** Runs the sweeps once now (tests, and start-up). */
  runJobs(): Promise<void>;
  /** The running webhook worker, if a webhook is configured. */
  worker: WebhookWorker | undefined;
  stop(): Promise<void>;
}

export function startClinic(options: ClinicOptions): Clinic {
  const { config, db, logger } = options;
  const log = logger.child({ component: 'clinic' });
  const auth = config.clinicApiToken ? new ClinicAuth(config.clinicApiToken) : undefined;
  const worker = config.webhook ? new WebhookWorker({ db, url: config.webhook.url, secret: config.webhook.secret, timeoutMs: config.webhook.timeoutSeconds * 1000, logger: log, ...options.worker }) : undefined;
  const kick = () => worker?.kick();
  let scrubTimer: NodeJS.Timeout | undefined;
  const scrub = () => {
    scrubTimer = undefined;
    return run(async () => {
      if (await scrubDeletedRows(db)) log.info('deleted data scrubbed from the database files');
    }, 'disk erasure');
  };
  const scrubSoon = () => {
    scrubTimer ??= setTimeout(() => void scrub(), options.scrubAfterMs ?? 30_000);
  };
  const onErased = (erased: Erased) => {
    if (erased.notified > 0) kick();
    if (erased.conversationKeys.length > 0) options.forgetConversations?.(erased.conversationKeys);
    if (erased.intakeIds.length + erased.conversationKeys.length > 0) scrubSoon();
  };
  const sweepOptions: SweepOptions = {
    clinic: config.clinic,
    abandonedAfterHours: config.abandonedAfterHours,
    retentionDays: config.retentionDays,
    webhook: Boolean(config.webhook),
    logger: log,
  };

  let stopped = false;
  let jobs: Promise<void> = Promise.resolve();
  const sweep = async () => {
    const r = await sweepConversations(db, sweepOptions);
    if (r.recovered > 0) kick();
  };
  const purge = async () => {
    await purgeExpiredRevocations(db);
    const r = await purgeExpired(db, config.retentionDays);
    if (r.conversations > 0) options.forgetConversations?.();
    if (r.intakes + r.conversations + r.events > 0) {
      log.info(r, 'retention purge');
      scrubSoon();
    }
  };
  /** Jobs run one at a time and never overlap the shutdown. */
  const run = (job: () => Promise<void>, name: string) => {
    jobs = jobs.then(async () => {
      if (stopped) return;
      try {
        await job();
      } catch (error) {
        log.error({ err: safeError(error), job: name }, 'scheduled job failed; it runs again at the next interval');
      }
    });
    return jobs;
  };

  const timers = [
    setInterval(() => void run(sweep, 'sweep'), options.sweepEveryMs ?? 5 * 60 * 1000),
    setInterval(() => void run(purge, 'retention'), options.purgeEveryMs ?? 60 * 60 * 1000),
  ];
  for (const t of timers) t.unref();
  // At start-up: recover anything a crash left unrecorded, then deliver what is due.
  void run(purge, 'retention');
  void run(sweep, 'sweep');
  worker?.start();

  let retrySoon: NodeJS.Timeout | undefined;
  const sink = clinicSink({
    db,
    logger: log,
    webhook: Boolean(config.webhook),
    onEnqueued: kick,
    onErased,
    onRecordFailed: () => {
      retrySoon ??= setTimeout(() => {
        retrySoon = undefined;
        void run(sweep, 'sweep');
      }, 10_000).unref();
    },
  });

  return {
    sink,
    worker,
    register(server) {
      const throttle = new SignInThrottle(options.addressOf ?? ((req) => req.socket.remoteAddress ?? 'unknown'), config.rateLimits?.wrongClinicTokensPerHour ?? 20);
      const sessions = auth ? new StaffSessions(db, auth) : undefined;
      const deps = { db, auth, clinic: config.clinic, timeZone: config.timeZone, logger: log, onErased, throttle, sessions };
      registerClinicApi(server, deps);
      registerInbox(server, deps);
    },
    async runJobs() {
      await run(purge, 'retention');
      await run(sweep, 'sweep');
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      // A deletion waiting for its scrub is not left on disk by a clean stop.
      if (scrubTimer) {
        clearTimeout(scrubTimer);
        await scrub();
      }
      stopped = true;
      if (retrySoon) clearTimeout(retrySoon);
      await Promise.all([jobs, worker?.stop()]);
    },
  };
}
