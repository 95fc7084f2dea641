// What comes in from a client is made storable in PostgreSQL without losing what was text.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../src/store/database.js';
import { storableJson, storableJsonText, storableText } from '../../src/store/storable.js';

/** Any JSON a client could send, strings with any UTF-16 units (U+0000, halves of emoji) included. */
const anyText = fc.string({ unit: 'binary' });
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value')), fc.dictionary(anyText, tie('value'))),
})).value;

describe('storable', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(null);
  });
  afterAll(async () => {
    await db.close();
  });

  it('drops U+0000 and replaces an unpaired surrogate, keeping whole emoji', () => {
    expect(storableText('ne\u0000ck')).toBe('neck');
    expect(storableText('ok 😀 \ud83d')).toBe('ok 😀 \ufffd');
    expect(storableText('\udc00\ud83d\ude00\ud83d')).toBe('\ufffd😀\ufffd');
  });

  it('JSON text for jsonb: cleaned only where JSON.stringify wrote an escape the database refuses', () => {
    const clean = { text: 'neck 😀', path: 'C:\\u0000 is what I typed', n: 1 };
    expect(storableJsonText(clean)).toBe(JSON.stringify(clean));
    expect(JSON.parse(storableJsonText({ said: 'a\u0000b \ud83d', list: ['\ude00'] }))).toEqual({ said: 'ab \ufffd', list: ['\ufffd'] });
  });

  it('leaves clean input as it is, the same object', () => {
    const clean = { text: 'neck 😀', value: { list: ['a', 1, null, true] } };
    expect(storableJson(clean)).toBe(clean);
  });

  it('whatever JSON a client sends, the cleaned copy goes into jsonb and comes back the same', async () => {
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const cleaned = storableJson(value);
        const { rows } = await db.query<{ back: string }>('SELECT $1::text::jsonb::text AS back', [JSON.stringify(cleaned)]);
        expect(JSON.parse(rows[0]!.back)).toEqual(cleaned);
      }),
      { numRuns: 200 },
    );
  });

  it('whatever the bot builds, its storable JSON text goes into jsonb, and is plain JSON.stringify when nothing needed cleaning', async () => {
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const text = storableJsonText(value);
        const { rows } = await db.query<{ back: string }>('SELECT $1::text::jsonb::text AS back', [text]);
        expect(JSON.parse(rows[0]!.back)).toEqual(JSON.parse(text));
        if (storableJson(value) === value) expect(text).toBe(JSON.stringify(value));
      }),
      { numRuns: 200 },
    );
  });
});
