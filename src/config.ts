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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppTenantId: optionalString,
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  clinic: ClinicProfile;
  clinicApiToken: string | undefined;
  webhook: { url: string; secret: string } | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Passed to botbuilder's ConfigurationBotFrameworkAuthentication as is. */
  botFramework: { MicrosoftAppType: string; MicrosoftAppId: string; MicrosoftAppPassword: string; MicrosoftAppTenantId: string };
}

export class ConfigError extends Error {}

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
    webhook: e.CLINIC_WEBHOOK_URL && e.CLINIC_WEBHOOK_SECRET ? { url: e.CLINIC_WEBHOOK_URL, secret: e.CLINIC_WEBHOOK_SECRET } : undefined,
    logLevel: e.LOG_LEVEL,
    botFramework: {
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppId: e.MicrosoftAppId ?? '',
      MicrosoftAppPassword: e.MicrosoftAppPassword ?? '',
      MicrosoftAppTenantId: e.MicrosoftAppTenantId ?? '',
    },
  };
}
