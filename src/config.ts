// The only reader of process.env. Every key is validated once at start-up; a bad one stops the
// server with a single line naming it (see ConfigError), never a stack trace.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ClinicProfile, EXAMPLE_CLINIC } from '../dialogs/clinicProfile.js';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** `true` or `false` (also 1/0, yes/no); unset or empty is false. */
const flag = optionalString.pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }).optional()).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** `https://host[:port]` exactly (a trailing slash is forgiven): what browsers send as Origin. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** Comma- or space-separated origins, e.g. "https://www.clinic.com.au, https://clinic.com.au". */
const originList = optionalString.transform((value, ctx) => {
  const items = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = items.find((item) => !isOrigin(item));
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: `"${bad}" is not an origin like https://www.example.com.au (scheme and host, no path)` });
    return z.NEVER;
  }
  return items.map((item) => new URL(item).origin);
});

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalString.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional()),
  CLINIC_PROFILE: optionalString,
  EMERGENCY_NUMBER: optionalString.pipe(z.string().regex(/^[0-9+ ]{2,10}$/, 'must be a phone number like 000 or 112').optional()),
  CLINIC_API_TOKEN: optionalString.pipe(z.string().min(24, 'must be at least 24 characters').optional()),
  CLINIC_WEBHOOK_URL: optionalString.pipe(z.string().url('must be a URL').optional()),
  CLINIC_WEBHOOK_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive('must be more than 0').max(120).default(10),
  CLINIC_TIMEZONE: optionalString.pipe(z.string().refine(isTimeZone, 'must be an IANA time zone like Australia/Sydney').optional()),
  INTAKE_RETENTION_DAYS: z.coerce.number().int('must be a whole number of days').min(1).max(3650).default(90),
  ABANDONED_AFTER_HOURS: z.coerce.number().positive('must be more than 0').max(24 * 30).default(24),
  DIRECTLINE_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters (generate one with: openssl rand -base64 32)').optional()),
  ALLOWED_ORIGINS: originList,
  PUBLIC_URL: optionalString.pipe(z.string().refine(isOrigin, 'must be the origin browsers reach the bot at, like https://chat.example.com.au (no path)').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppTenantId: optionalString,
  ALLOW_ANONYMOUS_BOT_FRAMEWORK: flag,
  TRUST_PROXY: flag,
  RATE_LIMIT_NEW_CHATS_PER_HOUR: z.coerce.number().int().min(0, 'must be 0 (off) or more').default(30),
  RATE_LIMIT_TOKENS_PER_HOUR: z.coerce.number().int().min(0, 'must be 0 (off) or more').default(600),
  RATE_LIMIT_WRONG_CLINIC_TOKENS_PER_HOUR: z.coerce.number().int().min(0, 'must be 0 (off) or more').default(20),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  clinic: ClinicProfile;
  clinicApiToken: string | undefined;
  /** timeoutSeconds: how long one POST may take before it counts as failed and is retried. */
  webhook: { url: string; secret: string; timeoutSeconds: number } | undefined;
  /** IANA zone the inbox shows times in and date filters use; default: the server's own zone. */
  timeZone: string;
  /** Intakes (and conversation state) older than this are purged. */
  retentionDays: number;
  /** A conversation with no activity for this long is recorded as abandoned. */
  abandonedAfterHours: number;
  /** Signs Web Chat's Direct Line tokens; when unset, one is generated at first start and kept in the database. */
  directLineSecret: string | undefined;
  /** Sites that may embed the chat (widget, frame-ancestors, CORS). */
  allowedOrigins: string[];
  /** The origin browsers reach the bot at, when a proxy hides it; otherwise taken from each request. */
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /**
   * Without MicrosoftAppId, /api/messages answers anonymous requests from this machine only (the
   * Emulator, local development) unless this is true.
   */
  allowAnonymousBotFramework: boolean;
  /** A reverse proxy in front sets X-Forwarded-For: rate limits count the address it names. */
  trustProxy: boolean;
  /**
   * Per client address and hour, 0 being no limit: new Web Chat conversations, Web Chat tokens of any
   * kind (new, resumed, refreshed), and wrong clinic tokens (inbox sign-in, API) before every attempt
   * waits. A burst of a third of (for wrong clinic tokens: half) the hourly number is allowed at once.
   */
  rateLimits: { newChatsPerHour: number; tokensPerHour: number; wrongClinicTokensPerHour: number };
  /** Passed to botbuilder's ConfigurationBotFrameworkAuthentication as is. */
  botFramework: { MicrosoftAppType: string; MicrosoftAppId: string; MicrosoftAppPassword: string; MicrosoftAppTenantId: string };
}

export class ConfigError extends Error {}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

function loadClinic(path: string | undefined, emergencyNumber: string | undefined): ClinicProfile {
  let clinic = EXAMPLE_CLINIC;
  if (path) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(resolve(path), 'utf8'));
    } catch (e) {
      throw new ConfigError(`CLINIC_PROFILE: cannot read ${path} as JSON (${(e as Error).message.split('\n')[0]})`);
    }
    const parsed = ClinicProfile.safeParse(raw);
    if (!parsed.success) throw new ConfigError(`CLINIC_PROFILE: ${firstIssue(parsed.error)}`);
    clinic = parsed.data;
  }
  return emergencyNumber ? { ...clinic, emergencyNumber } : clinic;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(firstIssue(parsed.error));
  const e = parsed.data;
  if (Boolean(e.CLINIC_WEBHOOK_URL) !== Boolean(e.CLINIC_WEBHOOK_SECRET)) {
    throw new ConfigError(`${e.CLINIC_WEBHOOK_URL ? 'CLINIC_WEBHOOK_SECRET' : 'CLINIC_WEBHOOK_URL'}: set both CLINIC_WEBHOOK_URL and CLINIC_WEBHOOK_SECRET, or neither`);
  }
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    clinic: loadClinic(e.CLINIC_PROFILE, e.EMERGENCY_NUMBER),
    clinicApiToken: e.CLINIC_API_TOKEN,
    webhook: e.CLINIC_WEBHOOK_URL && e.CLINIC_WEBHOOK_SECRET ? { url: e.CLINIC_WEBHOOK_URL, secret: e.CLINIC_WEBHOOK_SECRET, timeoutSeconds: e.WEBHOOK_TIMEOUT_SECONDS } : undefined,
    timeZone: e.CLINIC_TIMEZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    retentionDays: e.INTAKE_RETENTION_DAYS,
    abandonedAfterHours: e.ABANDONED_AFTER_HOURS,
    directLineSecret: e.DIRECTLINE_SECRET,
    allowedOrigins: e.ALLOWED_ORIGINS,
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : undefined,
    logLevel: e.LOG_LEVEL,
    allowAnonymousBotFramework: e.ALLOW_ANONYMOUS_BOT_FRAMEWORK,
    trustProxy: e.TRUST_PROXY,
    rateLimits: { newChatsPerHour: e.RATE_LIMIT_NEW_CHATS_PER_HOUR, tokensPerHour: e.RATE_LIMIT_TOKENS_PER_HOUR, wrongClinicTokensPerHour: e.RATE_LIMIT_WRONG_CLINIC_TOKENS_PER_HOUR },
    botFramework: {
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppId: e.MicrosoftAppId ?? '',
      MicrosoftAppPassword: e.MicrosoftAppPassword ?? '',
      MicrosoftAppTenantId: e.MicrosoftAppTenantId ?? '',
    },
  };
}
