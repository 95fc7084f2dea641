// The end of the intake: parseSummaryReply and parseContact.
import { describe, expect, it } from 'vitest';
import { NAME_NOT_GIVEN, isCallable } from '../../dialogs/understanding/contact.js';
import { parseContact, parseSummaryReply } from '../../dialogs/understanding/index.js';
import type { ContactAnswer, EditTarget } from '../../dialogs/understanding/types.js';

describe('parseSummaryReply', () => {
  it.each(['yes', 'looks right', 'Correct.', 'all good', 'confirm', "that's right", 'no changes', 'yes the duration is right', 'yep spot on'])(
    '%j confirms',
    (text) => {
      expect(parseSummaryReply(text)).toEqual({ ok: true, value: { kind: 'confirm' } });
    },
  );

  it.each<[string, EditTarget]>([
    ['where it hurts', 'location'],
    ['the location', 'location'],
    ['body part', 'location'],
    ['wrong area', 'location'],
    ['yes but the shoulder should be left', 'location'],
    ['how long', 'duration'],
    ['since when', 'duration'],
    ['duration is wrong', 'duration'],
    ['cause', 'cause'],
    ['why', 'cause'],
    ['the reason', 'cause'],
    ['pain score', 'intensity'],
    ['the score', 'intensity'],
    ['intensity', 'intensity'],
    ['how much it hurts', 'intensity'],
    ['change the pain score', 'intensity'],
    ['movements', 'movement'],
    ['what it limits', 'movement'],
    ['safety questions', 'flags'],
    ['health questions', 'flags'],
    ['red flags', 'flags'],
    ["I'm actually pregnant", 'flags'],
    ['contact details', 'contact'],
    ['my phone', 'contact'],
  ])('%j edits %s', (text, target) => {
    expect(parseSummaryReply(text)).toEqual({ ok: true, value: { kind: 'edit', target } });
  });

  it.each(['no', 'change something', 'wrong', "that's not right", 'not quite'])('%j asks to edit without a target', (text) => {
    expect(parseSummaryReply(text)).toEqual({ ok: true, value: { kind: 'edit', target: null } });
  });

  it('edits the first part named and notes the others', () => {
    expect(parseSummaryReply('the pain score and the duration')).toEqual({
      ok: true,
      value: { kind: 'edit', target: 'intensity' },
      note: 'also mentioned: duration',
    });
  });

  it.each([
    ['hmm', 'not_understood'],
    ['', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(parseSummaryReply(text)).toEqual({ ok: false, reason });
  });
});

describe('parseContact', () => {
  it.each(['no thanks', 'skip', 'no', 'rather not', "I'd rather not"])('%j skips', (text) => {
    expect(parseContact(text)).toEqual({ ok: true, value: { kind: 'skip' } });
  });

  it.each<[string, ContactAnswer]>([
    ['Sam Lee 0412 345 678', { kind: 'contact', name: 'Sam Lee', phone: '0412 345 678' }],
    ["I'm Priya, priya@example.com", { kind: 'contact', name: 'Priya', email: 'priya@example.com' }],
    [
      'call me on +61 2 9876 5432 after 5pm, Jo',
      { kind: 'contact', name: 'Jo', phone: '+61 2 9876 5432', preferredTimes: 'after 5pm' },
    ],
    [
      'my name is Bob Smith, email bob@test.com.au, mornings best',
      { kind: 'contact', name: 'Bob Smith', email: 'bob@test.com.au', preferredTimes: 'mornings' },
    ],
    ['Jo (02) 9876 5432', { kind: 'contact', name: 'Jo', phone: '(02) 9876 5432' }],
    ['Jo 0412   345   678', { kind: 'contact', name: 'Jo', phone: '0412 345 678' }],
    [
      'sam lee, 0412345678, weekdays after 6',
      { kind: 'contact', name: 'sam lee', phone: '0412345678', preferredTimes: 'weekdays after 6' },
    ],
    [
      "Hi, I'm Sam. My mobile is 0412 345 678 and I'm free after 5pm",
      { kind: 'contact', name: 'Sam', phone: '0412 345 678', preferredTimes: 'after 5pm' },
    ],
    ['José Núñez +34 612 345 678', { kind: 'contact', name: 'José Núñez', phone: '+34 612 345 678' }],
    ["Mary-Jane O'Brien mj@ex.co", { kind: 'contact', name: "Mary-Jane O'Brien", email: 'mj@ex.co' }],
    ['Sam 0412 345 678 any time', { kind: 'contact', name: 'Sam', phone: '0412 345 678', preferredTimes: 'any time' }],
    [
      'Alex, 0412 345 678 or alex@mail.com',
      { kind: 'contact', name: 'Alex', phone: '0412 345 678', email: 'alex@mail.com' },
    ],
  ])('%j', (text, value) => {
    expect(parseContact(text)).toEqual({ ok: true, value });
  });

  // A number or an email alone is still a way to reach the patient: kept, with the name marked as not given.
  it.each<[string, Record<string, string>]>([
    ['0412 345 678', { phone: '0412 345 678' }],
    ['text me on 0412 345 678', { phone: '0412 345 678' }],
    ['priya@example.com', { email: 'priya@example.com' }],
  ])('%j → kept without a name', (text, details) => {
    expect(parseContact(text)).toEqual({ ok: true, value: { kind: 'contact', name: NAME_NOT_GIVEN, ...details } });
  });

  it.each([
    ['Sam', 'phone_or_email_missing'],
    ["I'm Sam, call me after 5pm", 'phone_or_email_missing'],
    ["I'm Priya, priya@example", 'email_invalid'],
    ['Sam 1234', 'phone_or_email_missing'],
  ])('%j → not_understood (%s)', (text, detail) => {
    expect(parseContact(text)).toEqual({ ok: false, reason: 'not_understood', detail });
  });

  it.each([
    ['hello', { ok: false, reason: 'not_understood' }],
    ['', { ok: false, reason: 'empty' }],
  ])('%j → %j', (text, result) => {
    expect(parseContact(text)).toEqual(result);
  });
});

describe('contact and summary: batch n classes (2026-12-03)', () => {
  it('a number after a correction replaces the one before it, and the correction word is no name', () => {
    expect(parseContact('Kim 0400 000 001 sorry 0400 000 010')).toEqual({ ok: true, value: { kind: 'contact', name: 'Kim', phone: '0400 000 010' } });
    expect(parseContact('0400 000 001 oops 0400 000 010')).toEqual({ ok: true, value: { kind: 'contact', name: NAME_NOT_GIVEN, phone: '0400 000 010' } });
  });
  it('asking not to be contacted is a skip', () => {
    expect(parseContact('please dont contact me')).toEqual({ ok: true, value: { kind: 'skip' } });
    expect(parseContact('ill just email you guys')).toEqual({ ok: true, value: { kind: 'skip' } });
  });
  it('a warning sign said at the summary is a change to the health answers, in the order said', () => {
    expect(parseSummaryReply('yes, oh and ive been wetting myself')).toMatchObject({ ok: true, value: { kind: 'edit', target: 'flags' } });
    expect(parseSummaryReply('the score should be 8, and I feel feverish')).toMatchObject({ ok: true, value: { kind: 'edit', target: 'intensity' } });
  });
});

describe('contact and summary: batches p and q (2026-12-03)', () => {
  it('an email said as words is an email', () => {
    expect(parseContact('Jo, jo dot b at gmail dot com')).toEqual({ ok: true, value: { kind: 'contact', name: 'Jo', email: 'jo.b@gmail.com' } });
    expect(parseContact('Jo, jo.b at gmail dot com')).toEqual({ ok: true, value: { kind: 'contact', name: 'Jo', email: 'jo.b@gmail.com' } });
  });
  it.each(['0412 345 67', 'Kim 0412 345 6789'])('%j: a mobile without 10 digits is asked again', (text) => {
    expect(parseContact(text)).toEqual({ ok: false, reason: 'not_understood', detail: 'mobile_digits' });
  });
  it('the contact card\'s number is checked the same way', () => {
    expect(['0412 345 678', '+61 412 345 678', '(02) 9000 0000', '9555 1234'].every(isCallable)).toBe(true);
    expect(['0412 345 67', '+61 412 345 6789', '12', '0412abc'].some(isCallable)).toBe(false);
  });
  it.each<[string, EditTarget]>([
    ["wasn't bending, it was the long drive", 'cause'],
    ["sitting's fine actually, standing is the problem", 'movement'],
    ['i said no to the fever one', 'flags'],
  ])('%j → edit %s', (text, target) => {
    expect(parseSummaryReply(text)).toMatchObject({ ok: true, value: { kind: 'edit', target } });
  });
});

describe('summary: batch x (2026-12-03)', () => {
  it.each(['near enough mate', 'pretty much, yep'])('%j confirms', (text) => {
    expect(parseSummaryReply(text)).toEqual({ ok: true, value: { kind: 'confirm' } });
  });
  it('a sign felt in a body part is a change to the health answers, not to where it hurts', () => {
    expect(parseSummaryReply('yes. oh i forgot, my right foot keeps going numb')).toMatchObject({ ok: true, value: { kind: 'edit', target: 'flags' } });
  });
  it('a body part named apart from the sign is still a change to where it hurts', () => {
    expect(parseSummaryReply('no its my left hand, and its numb')).toMatchObject({ ok: true, value: { kind: 'edit', target: 'location' } });
  });
});
