// The plain-language lines the patient checks before the intake is sent.
import { describe, expect, it } from 'vitest';
import { summaryFacts } from '../../dialogs/summary.js';
import type { IntakeSummary } from '../../dialogs/summarySchema.js';

const since = (text: string, weeks: number, category: 'acute' | 'subacute' | 'chronic') => {
  const summary = { painAreas: [], spreadsTo: [], movementLimits: [], flags: [], causes: [], intensity: { now: 3, worst: 5 }, duration: { text, weeks, category } };
  return new Map(summaryFacts(summary as unknown as IntakeSummary)).get('Since');
};

describe('summaryFacts: how long', () => {
  it('says the length understood when the patient\'s words do not say it', () => {
    expect(since('since saturday', 0.7, 'acute')).toBe('since saturday (about 5 days, acute)');
    expect(since('since the footy season started', 37, 'chronic')).toBe('since the footy season started (about 9 months, chronic)');
  });
  it('does not repeat a length the words already say', () => {
    expect(since('3 weeks', 3, 'acute')).toBe('3 weeks (acute)');
    expect(since('since 2 month', 8.7, 'subacute')).toBe('since 2 month (subacute)');
  });
});
