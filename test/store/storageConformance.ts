/**
 * The behaviour any botbuilder Storage in this app must have (MemoryStorage/CosmosDB semantics plus a
 * strict check for eTags on new keys). Run against every backend so PGlite and Postgres cannot drift.
 * One store per describe; each test uses its own key prefix so tests stay independent.
 */
import type { Storage, StoreItem } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export interface StorageUnderTest {
  storage: Storage;
  close(): Promise<void>;
}

export function describeStorageConformance(name: string, makeStorage: () => Promise<StorageUnderTest>): void {
  describe(`Storage conformance: ${name}`, () => {
    let sut: StorageUnderTest | undefined;
    let n = 0;
    const s = (): Storage => sut!.storage;
    const k = (suffix: string): string => `t${n}/${suffix}`;
    const readOne = async (key: string): Promise<StoreItem | undefined> => (await s().read([key]))[key];

    beforeAll(async () => {
      sut = await makeStorage();
    });
    afterAll(async () => {
      await sut?.close();
    });
    // A fresh key namespace per test, so no test sees another's data.
    const test = (title: string, fn: () => Promise<void>) => it(title, async () => ((n += 1), fn()));

    test('creates with no eTag and reads back the doc with a string eTag', async () => {
      await s().write({ [k('a')]: { count: 1 } });
      const item = await readOne(k('a'));
      expect(item).toMatchObject({ count: 1 });
      expect(typeof item?.eTag).toBe('string');
      expect(item?.eTag).not.toBe('*');
    });

    test("overwrites with eTag '*' and with no eTag, each time issuing a new eTag", async () => {
      await s().write({ [k('a')]: { v: 1 } });
      const first = await readOne(k('a'));
      await s().write({ [k('a')]: { v: 2, eTag: '*' } });
      const second = await readOne(k('a'));
      await s().write({ [k('a')]: { v: 3 } });
      const third = await readOne(k('a'));
      expect([first?.v, second?.v, third?.v]).toEqual([1, 2, 3]);
      expect(new Set([first?.eTag, second?.eTag, third?.eTag]).size).toBe(3);
      expect(third).toEqual({ v: 3, eTag: third?.eTag });
    });

    test('read of missing keys returns only existing ones, and an empty list returns {}', async () => {
      await s().write({ [k('here')]: { x: 1 } });
      const items = await s().read([k('missing'), k('here'), k('also-missing')]);
      expect(Object.keys(items)).toEqual([k('here')]);
      expect(await s().read([])).toEqual({});
    });

    test('multi-key read returns every requested key', async () => {
      await s().write({ [k('1')]: { i: 1 }, [k('2')]: { i: 2 }, [k('3')]: { i: 3 } });
      const items = await s().read([k('1'), k('2'), k('3')]);
      expect(Object.keys(items).sort()).toEqual([k('1'), k('2'), k('3')]);
      expect([items[k('1')]?.i, items[k('2')]?.i, items[k('3')]?.i]).toEqual([1, 2, 3]);
    });

    test('stale eTag is rejected and the stored doc is unchanged', async () => {
      await s().write({ [k('a')]: { v: 1 } });
      const stale = (await readOne(k('a')))!;
      await s().write({ [k('a')]: { v: 2, eTag: stale.eTag } });
      const current = await readOne(k('a'));
      await expect(s().write({ [k('a')]: { v: 99, eTag: stale.eTag } })).rejects.toThrow(/eTag conflict/);
      expect(await readOne(k('a'))).toEqual(current);
    });

    test('matching eTag is accepted and the eTag changes', async () => {
      await s().write({ [k('a')]: { v: 1 } });
      const before = (await readOne(k('a')))!;
      await s().write({ [k('a')]: { ...before, v: 2 } });
      const after = (await readOne(k('a')))!;
      expect(after.v).toBe(2);
      expect(after.eTag).not.toBe(before.eTag);
    });

    test('writing a new key with a non-* eTag is rejected and creates nothing', async () => {
      await expect(s().write({ [k('new')]: { v: 1, eTag: '12345' } })).rejects.toThrow(/eTag conflict/);
      await expect(s().write({ [k('new2')]: { v: 1, eTag: 'not-a-number' } })).rejects.toThrow(/eTag conflict/);
      expect(await s().read([k('new'), k('new2')])).toEqual({});
    });

    test('delete removes keys; deleting missing keys is fine', async () => {
      await s().write({ [k('a')]: { v: 1 }, [k('b')]: { v: 2 } });
      await s().delete([k('a'), k('never-existed')]);
      expect(Object.keys(await s().read([k('a'), k('b')]))).toEqual([k('b')]);
      await expect(s().delete([k('a')])).resolves.toBeUndefined();
      await expect(s().delete([])).resolves.toBeUndefined();
    });

    test('a batch with one conflicting key writes nothing', async () => {
      await s().write({ [k('a')]: { v: 1 }, [k('b')]: { v: 1 } });
      const before = await s().read([k('a'), k('b')]);
      const batch = { [k('a')]: { v: 2, eTag: '*' }, [k('b')]: { v: 2, eTag: 'stale' }, [k('c')]: { v: 2 } };
      await expect(s().write(batch)).rejects.toThrow(/eTag conflict/);
      expect(await s().read([k('a'), k('b'), k('c')])).toEqual(before);
    });

    test('10 concurrent writers with the same eTag: exactly one succeeds', async () => {
      await s().write({ [k('race')]: { winner: -1 } });
      const { eTag } = (await readOne(k('race')))!;
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => s().write({ [k('race')]: { winner: i, eTag } })),
      );
      const ok = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(ok).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/eTag conflict/);
      expect((await readOne(k('race')))?.winner).toBe(ok[0]);
    });

    test('unicode and odd keys round-trip and do not collide', async () => {
      const odd = ['a/b:c', 'ümlaut/日本語/🙂', "quote'\"back\\slash", '%_like_wildcards%', ' spaced key ', 'x'.repeat(500)];
      await s().write(Object.fromEntries(odd.map((o, i) => [k(o), { i, label: o }])));
      const items = await s().read(odd.map(k));
      expect(Object.keys(items).sort()).toEqual(odd.map(k).sort());
      odd.forEach((o, i) => expect(items[k(o)]).toMatchObject({ i, label: o }));
    });

    test('a 200 KB doc round-trips', async () => {
      const big = {
        text: 'é'.repeat(50_000) + 'z'.repeat(50_000),
        list: Array.from({ length: 2_000 }, (_, i) => ({ i, note: `entry ${i}`, tags: ['a', 'b'] })),
      };
      expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(200_000);
      await s().write({ [k('big')]: big });
      const { eTag, ...back } = (await readOne(k('big')))!;
      expect(eTag).toBeTypeOf('string');
      expect(back).toEqual(big);
    });

    test('nested objects round-trip exactly (as JSON, like MemoryStorage)', async () => {
      const doc = {
        dialogState: { stack: [{ id: 'intake', state: { step: 3, values: { pain: 7, areas: ['neck', 'back'] } } }] },
        flags: { t: true, f: false, nothing: null },
        numbers: [0, -1, 3.14159, 1e21, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, -2.5e-8],
        empty: { obj: {}, arr: [], str: '' },
        text: 'line\nbreak\ttab "quoted" \u00e9 😀',
      };
      await s().write({ [k('nested')]: doc });
      const { eTag: _eTag, ...back } = (await readOne(k('nested')))!;
      expect(back).toStrictEqual(JSON.parse(JSON.stringify(doc)));
    });

    test('the eTag field of a written item is not stored inside the doc twice', async () => {
      await s().write({ [k('a')]: { v: 1, eTag: '*' } });
      const item = (await readOne(k('a')))!;
      expect(Object.keys(item).sort()).toEqual(['eTag', 'v']);
    });
  });
}
