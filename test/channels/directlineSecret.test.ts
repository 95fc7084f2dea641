// The generated Direct Line secret opens every transcript: it is stored, never written to the log.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { resolveDirectLineSecret } from '../../src/channels/directline/secret.js';
import { createLogger } from '../../src/server/logger.js';
import { openPglite } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';

describe('the generated Direct Line secret', () => {
  // A fresh PGlite (initdb) takes seconds, many on a busy machine.
  it('is stored and reused, and the log says how to set one but never shows it', { timeout: 90_000 }, async () => {
    const db = await openPglite(null);
    let log = '';
    const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => ((log += String(chunk)), done()) }));
    try {
      await migrate(db);
      const secret = await resolveDirectLineSecret(db, undefined, logger);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await resolveDirectLineSecret(db, undefined, logger)).toBe(secret);
      expect(log).toMatch(/generated one and stored it in the database.*set DIRECTLINE_SECRET/);
      expect(log.split('\n').filter(Boolean)).toHaveLength(1); // said once, at the start that made it
      expect(log).not.toContain(secret);
      expect(log).not.toContain(secret.slice(0, 12));
    } finally {
      await db.close();
    }
  });
});
