// Numbers and levels: parsePainScore and parseDifficulty.
import { describe, expect, it } from 'vitest';
import { parseDifficulty, parsePainScore } from '../../dialogs/understanding/index.js';
import type { Difficulty } from '../../dialogs/understanding/types.js';

describe('parsePainScore', () => {
  it.each<[string, number]>([
    ['7', 7],
    ['7/10', 7],
    ['7 / 10', 7],
    ['7 out of 10', 7],
    ['seven out of ten', 7],
    ['about a six', 6],
    ['seven', 7],
    ['a 6', 6],
    ['6ish', 6],
    ['no pain', 0],
    ['none', 0],
    ['0', 0],
    ['zero', 0],
    ['10 — the worst', 10],
    ['10 - the worst ever', 10],
    ['lower bak, been 3 wks, about a 7', 7],
    ['on a scale of 1 to 10 about 4', 4],
    ['it is a 5 right now', 5],
    ['one of the worst, maybe 9', 9],
    ["I'd say 8. yeah 8", 8],
    ['8 at the moment', 8],
    ['probably around 5', 5],
    ["it's like a 4", 4],
    ['about 3/10', 3],
    ['ten', 10],
    ['9!!', 9],
    ['pain is 7 in my left knee', 7],
  ])('%j → %s', (text, value) => {
    expect(parsePainScore(text)).toEqual({ ok: true, value });
  });

  it.each<[string, number, string]>([
    ['6.5', 7, 'rounded up'],
    ['6.2', 6, 'rounded down'],
    ['6-7', 7, 'took the higher of 6 and 7'],
    ['6 or 7', 7, 'took the higher of 6 and 7'],
    ['between 6 and 7', 7, 'took the higher of 6 and 7'],
    ['7, maybe 8', 8, 'took the higher of 7 and 8'],
    ['6/7', 7, 'took the higher of 6 and 7'],
    ['about 7 or 8 out of 10', 8, 'took the higher of 7 and 8'],
    ['7-8/10', 8, 'took the higher of 7 and 8'],
    ['2 maybe 3', 3, 'took the higher of 2 and 3'],
  ])('%j → %s (%s)', (text, value, note) => {
    expect(parsePainScore(text)).toEqual({ ok: true, value, note });
  });

  it.each([
    ['11', 'out_of_range'],
    ['-1', 'out_of_range'],
    ['15/10', 'out_of_range'],
    ['100', 'out_of_range'],
    ['twenty', 'out_of_range'],
    ['now 3 worst 8', 'ambiguous'],
    ['it was 8 yesterday, 5 now', 'ambiguous'],
    ['3, 8', 'ambiguous'],
    ['no pain now but 8 at worst', 'ambiguous'],
    ['bad', 'not_understood'],
    ['mild', 'not_understood'],
    ['pretty sore', 'not_understood'],
    ['for 3 weeks', 'not_understood'],
    ['', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(parsePainScore(text)).toEqual({ ok: false, reason });
  });
});

describe('parseDifficulty', () => {
  it.each<[string, Difficulty]>([
    ['no', 'none'],
    ['none', 'none'],
    ['not at all', 'none'],
    ['fine', 'none'],
    ['no problem', 'none'],
    ['0', 'none'],
    ['a bit', 'some'],
    ['a little', 'some'],
    ['some', 'some'],
    ['slightly', 'some'],
    ['mild', 'some'],
    ['sometimes', 'some'],
    ['a bit painful', 'some'],
    ['not hard', 'some'],
    ['fine but a bit stiff', 'some'],
    ['a lot', 'a_lot'],
    ['lots', 'a_lot'],
    ['very', 'a_lot'],
    ['really hard', 'a_lot'],
    ['heaps', 'a_lot'],
    ['quite a bit', 'a_lot'],
    ['hard', 'a_lot'],
    ["can't", 'unable'],
    ['cannot', 'unable'],
    ['unable', 'unable'],
    ['impossible', 'unable'],
    ['not at all able', 'unable'],
    ["can't do it", 'unable'],
    ["can't at all", 'unable'],
    ["no, I can't", 'unable'],
    ['not really', 'none'],
    ['totally fine', 'none'],
    ['I can do it but it hurts', 'some'],
    ['only sometimes', 'some'],
    ['pretty hard', 'a_lot'],
    ['I struggle', 'a_lot'],
    ["I can't turn my head at all", 'unable'],
  ])('%j → %s', (text, value) => {
    expect(parseDifficulty(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['not fine', 'not_understood'],
    ['it helps', 'not_understood'],
    ['my neck', 'not_understood'],
    ['', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(parseDifficulty(text)).toEqual({ ok: false, reason });
  });
});
