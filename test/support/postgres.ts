// The PostgreSQL tests' shared pieces: the gate (mandatory in CI, skipped locally with a message
// saying how to enable them) and throwaway schemas so parallel test files never collide.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { it } from 'vitest';

export const pgUrl = process.env['TEST_DATABASE_URL'] ?? '';
const inCi = !!process.env['CI'] && !['0', 'false'].includes(process.env['CI'].toLowerCase());

/** Call at the top of a test file; returns true when the PostgreSQL tests should run. */
export function postgresGate(what: string, file: string): boolean {
  if (!pgUrl && inCi) {
    it('TEST_DATABASE_URL must be set in CI', () => {
      throw new Error(`TEST_DATABASE_URL must be set in CI for ${what} (e.g. postgres://postgres@127.0.0.1:5432/test)`);
    });
  } else if (!pgUrl) {
    console.warn(
      `Skipping ${what}: set TEST_DATABASE_URL to run them, e.g.\n` +
        `  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run ${file}`,
    );
  }
  return pgUrl !== '';
}

export function schemaName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function dropSchemas(schemas: Iterable<string>): Promise<void> {
  for (const s of schemas) await admin(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
}

/** A fresh schema in TEST_DATABASE_URL's database; drop it with the returned function. */
export async function throwawaySchema(prefix: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = schemaName(prefix);
  await admin(`CREATE SCHEMA ${schema}`);
  return { schema, drop: () => dropSchemas([schema]) };
}
