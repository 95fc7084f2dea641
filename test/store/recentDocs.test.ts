import { describe, expect, it } from 'vitest';
import { ABSENT, RecentDocs } from '../../src/store/recentDocs.js';

describe('RecentDocs', () => {
  it('an answer that began before a removal is not put back', () => {
    const recent = new RecentDocs(10);
    recent.put('a', { doc: '{}', eTag: '1' }, recent.mark());
    const readStarted = recent.mark();
    recent.remove(['a']);
    recent.put('a', { doc: '{}', eTag: '1' }, readStarted);
    expect(recent.get('a')).toBeUndefined();
    recent.put('a', { doc: '{"v":2}', eTag: '2' }, recent.mark());
    expect(recent.get('a')?.eTag).toBe('2');
  });

  it("another key's removal during a write drops this key's stale entry instead of keeping it", () => {
    const recent = new RecentDocs(10);
    recent.put('a', ABSENT, recent.mark());
    const writeStarted = recent.mark();
    recent.remove(['b']);
    recent.put('a', { doc: '{"v":1}', eTag: '1' }, writeStarted);
    // Not ABSENT: the write landed, and the next read must ask the database.
    expect(recent.get('a')).toBeUndefined();
  });

  it('an older eTag arriving late never replaces a newer one (compared as numbers, not text)', () => {
    const recent = new RecentDocs(10);
    recent.put('a', { doc: '{"v":10}', eTag: '10' }, recent.mark());
    recent.put('a', { doc: '{"v":9}', eTag: '9' }, recent.mark());
    expect(recent.get('a')?.doc).toBe('{"v":10}');
    recent.put('a', { doc: '{"v":11}', eTag: '11' }, recent.mark());
    expect(recent.get('a')?.doc).toBe('{"v":11}');
  });

  it('knows a key is absent until a document or a removal replaces that, and "absent" never hides a document', () => {
    const recent = new RecentDocs(10);
    recent.put('a', ABSENT, recent.mark());
    expect(recent.get('a')).toBe(ABSENT);
    recent.put('a', { doc: '{}', eTag: '5' }, recent.mark());
    recent.put('a', ABSENT, recent.mark());
    expect(recent.get('a')?.eTag).toBe('5');
    recent.remove(['a']);
    expect(recent.get('a')).toBeUndefined();
  });

  it('drops the least recently used key past its bound', () => {
    const recent = new RecentDocs(2);
    recent.put('a', { doc: '{}', eTag: '1' }, recent.mark());
    recent.put('b', { doc: '{}', eTag: '2' }, recent.mark());
    recent.get('a');
    recent.put('c', { doc: '{}', eTag: '3' }, recent.mark());
    expect([recent.get('a'), recent.get('b'), recent.get('c')].map((e) => e?.eTag)).toEqual(['1', undefined, '3']);
    expect(recent.size).toBe(2);
  });

  it('removes by prefix and clears', () => {
    const recent = new RecentDocs(10);
    for (const [i, key] of ['intake/web/c1', 'intake/web/c12', 'intake/web/c2'].entries()) recent.put(key, { doc: '{}', eTag: String(i + 1) }, recent.mark());
    recent.removePrefix('intake/web/c1');
    expect(recent.size).toBe(1);
    recent.clear();
    expect(recent.get('intake/web/c2')).toBeUndefined();
  });
});
