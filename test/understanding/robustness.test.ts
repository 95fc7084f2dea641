// Whatever a patient (or a script) sends, the parsers answer quickly and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as nlu from '../../dialogs/understanding/index.js';
import type { FlagCode, Region, Understood } from '../../dialogs/understanding/types.js';
import { FLAG_CODES } from '../../dialogs/vocabulary.js';

const candidates: Region[] = ['neck', 'shoulder', 'lower_back'];
const offered: FlagCode[] = [...FLAG_CODES];

const PARSERS: Record<string, (text: string) => Understood<unknown>> = {
  parseYesNo: nlu.parseYesNo,
  parseConsent: nlu.parseConsent,
  parseSites: nlu.parseSites,
  parseSpread: nlu.parseSpread,
  parseSide: nlu.parseSide,
  parsePrimary: (t) => nlu.parsePrimary(t, candidates),
  parseDuration: nlu.parseDuration,
  parseCauses: nlu.parseCauses,
  parsePainScore: nlu.parsePainScore,
  parseDifficulty: nlu.parseDifficulty,
  parseFlagChecklist: (t) => nlu.parseFlagChecklist(t, offered),
  parsePrecautions: nlu.parsePrecautions,
  parseSummaryReply: nlu.parseSummaryReply,
  parseContact: nlu.parseContact,
};
const REASONS = new Set(['empty', 'not_understood', 'out_of_range', 'ambiguous', 'not_offered']);
const COMMANDS = new Set(['help', 'back', 'restart', 'stop', 'delete_data', null]);

function wellFormed(result: Understood<unknown>): boolean {
  return result.ok ? 'value' in result : REASONS.has(result.reason);
}

// Patient-like noise: vocabulary words, numbers, punctuation and emoji mixed at random.
const chatty = fc
  .array(
    fc.oneof(
      fc.constantFrom('neck', 'left', 'no', 'not', 'back', '7', '/', '10', '-', 'weeks', 'a', 'bit', 'and', 'or', 'but', ',', '.', '#3', 'both', 'numb', 'groin', 'fell', '6.5', 'between', '\u{1F62C}', "can't", 'I\u2019m', '@', '+61'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '));

describe('robustness', () => {
  it('cutAt keeps at most the limit and never half an emoji (a half is not text, and PostgreSQL refuses it)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (text, max) => {
        const cut = nlu.cutAt(text, max);
        expect(text.startsWith(cut)).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.length).toBeGreaterThanOrEqual(Math.min(text.length, max - 1));
        expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
      }),
      { numRuns: 400 },
    );
    expect(nlu.cutAt('ab\u{1F600}', 3)).toBe('ab');
    expect(nlu.cutAt('ab\u{1F600}', 4)).toBe('ab\u{1F600}');
  });

  it('no parser throws on arbitrary strings, and each answers in the agreed shape', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }), chatty), (text) => {
        for (const parse of Object.values(PARSERS)) expect(wellFormed(parse(text))).toBe(true);
        expect(COMMANDS.has(nlu.parseCommand(text))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('parsePainScore only ever returns an integer from 0 to 10', () => {
    fc.assert(
      fc.property(fc.oneof(chatty, fc.string({ unit: 'binary', maxLength: 60 }), fc.double().map(String), fc.integer().map(String)), (text) => {
        const result = nlu.parsePainScore(text);
        if (result.ok) {
          expect(Number.isInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(10);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('parseDuration weeks are finite, non-negative and at most 80 years', () => {
    fc.assert(
      fc.property(chatty, (text) => {
        const result = nlu.parseDuration(text);
        if (result.ok) {
          expect(Number.isFinite(result.value.weeks)).toBe(true);
          expect(result.value.weeks).toBeGreaterThanOrEqual(0);
          expect(result.value.weeks).toBeLessThanOrEqual(80 * 52.18);
        }
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['1 MB of text', 'my neck hurts '.repeat(80_000)],
    ['1 MB of one digit run', '7'.repeat(1_000_000)],
    ['emoji only', '\u{1F62D}\u{1F62D}\u{1F44D}\u{1F3FD}'],
    ['control characters', '\u0000\u0007\u001b[31mneck\u0008\u007f'],
    ['lone surrogates', '\ud800neck\udfff'],
    ['a long phone-like run', '0 '.repeat(50_000)],
    ['many hyphens', '1-'.repeat(50_000)],
    ['RTL and zero-width', '\u200f\u200bleft knee\u2060'],
  ])('survives %s quickly', (_label, text) => {
    const started = performance.now();
    for (const parse of Object.values(PARSERS)) expect(wellFormed(parse(text))).toBe(true);
    nlu.parseCommand(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('still reads the start of an over-long message', () => {
    expect(nlu.parseSites(`left knee ${'x'.repeat(1_000_000)}`)).toEqual({ ok: true, value: { sites: [{ region: 'knee', side: 'left' }], excluded: [] } });
  });

  it('treats a non-string from a careless caller as empty', () => {
    const notText = undefined as unknown as string;
    expect(nlu.parsePainScore(notText)).toEqual({ ok: false, reason: 'empty' });
    expect(nlu.parseContact(notText)).toEqual({ ok: false, reason: 'empty' });
    expect(nlu.parseCommand(notText)).toBeNull();
    expect(nlu.parsePrimary('neck', undefined as unknown as Region[])).toEqual({ ok: false, reason: 'not_offered' });
    expect(nlu.parseFlagChecklist('2', undefined as unknown as FlagCode[])).toEqual({ ok: false, reason: 'out_of_range' });
  });

  it('takes microseconds, not milliseconds, on a typical message', () => {
    const messages = ['lower bak, been 3 wks, about a 7', 'my left sholder and neck', 'no chest pain but dizzy', 'Sam 0412 345 678'];
    const rounds = 200;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const m of messages) for (const parse of Object.values(PARSERS)) parse(m);
    const perCall = (performance.now() - started) / (rounds * messages.length * Object.keys(PARSERS).length);
    // Generous for slow CI machines; locally this is a few tens of microseconds.
    expect(perCall).toBeLessThan(0.5);
  });
});

describe('one fragmentary message, read by each step', () => {
  const text = 'lower bak, been 3 wks, about a 7';
  it.each<[string, Understood<unknown>]>([
    ['parseSites', { ok: true, value: { sites: [{ region: 'lower_back' }], excluded: [] } }],
    ['parseDuration', { ok: true, value: { weeks: 3, text } }],
    ['parsePainScore', { ok: true, value: 7 }],
    // No cause, and a pain score in it: asked again, saying the score comes next.
    ['parseCauses', { ok: false, reason: 'not_understood', detail: 'score' }],
  ])('%s', (name, expected) => {
    expect(PARSERS[name]!(text)).toEqual(expected);
  });
});
