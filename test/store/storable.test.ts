// What comes in from a client is made storable in PostgreSQL without losing what was text.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../src/store/database.js';
import { storableJson, storableText } from '../../src/store/storable.js';

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

  it('leaves clean input as it is, the same object', () => {
    const clean = { text: 'neck 😀', value: { list: ['a', 1, null, true] } };
    expect(storableJson(clean)).toBe(clean);
  });

  it('whatever JSON a client sends, the cleaned copy goes into jsonb and comes back the same', async () => {
    const anyText = fc.string({ unit: 'binary' });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value')), fc.dictionary(anyText, tie('value'))),
    })).value;
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const cleaned = storableJson(value);
        const { rows } = await db.query<{ back: string }>('SELECT $1::text::jsonb::text AS back', [JSON.stringify(cleaned)]);
        expect(JSON.parse(rows[0]!.back)).toEqual(cleaned);
      }),
      { numRuns: 200 },
    );
  });
});
