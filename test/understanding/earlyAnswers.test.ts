// Answers to later questions typed at "where does it hurt?": taken only when plainly about the pain.
import { describe, expect, it } from 'vitest';
import { freshContext } from '../../dialogs/intakeContext.js';
import { interpret } from '../../dialogs/interpret.js';

const AT = '2026-12-02T10:00:00.000Z';
function early(text: string): Record<string, unknown> | undefined {
  const ctx = freshContext({ intakeId: '00000000-0000-4000-8000-000000000000', conversationId: 'c', channelId: 'test', startedAt: AT });
  const read = interpret('location', ctx, { text }, AT);
  if (read.kind !== 'event') throw new Error(`not read: ${JSON.stringify(read)}`);
  return (read.event as { early?: Record<string, unknown> }).early;
}

describe('early answers at the location question', () => {
  it.each([
    'lower back and i cant feel my bum or between my legs properly since this morning',
    'neck. and ive been seeing double since yesterday, is that related??',
    'knee, had surgery on it 2 yrs ago but this is new',
    'right knee, broke my leg as a kid but that was 30 yrs ago',
    'back of my head and neck, headaches most days',
  ])('%j: the time belongs to something else, so no duration is taken', (text) => {
    expect(early(text)?.['duration']).toBeUndefined();
  });

  it('a plain duration is taken and said back as the value understood', () => {
    expect(early('lower back, about 3 weeks now')?.['duration']).toEqual({ weeks: 3, text: 'about 3 weeks' });
  });

  it('a score at night or at its worst is not the pain now', () => {
    expect(early('right shoulder, gets to about a 9 at night')?.['intensityNow']).toBeUndefined();
    expect(early('neck, maybe 6 out of 10')?.['intensityNow']).toBe(6);
  });
});
