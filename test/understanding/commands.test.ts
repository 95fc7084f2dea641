import { describe, expect, it } from 'vitest';
import { parseCommand, parseConsent, parseQuestionBack, parseYesNo } from '../../dialogs/understanding/index.js';

describe('parseCommand', () => {
  it.each([
    ['help', 'help'],
    ['Help!', 'help'],
    ['what do I do', 'help'],
    ['what do i do now?', 'help'],
    ['?', 'help'],
    ['??', 'help'],
    ['hlep', 'help'],
    ['back', 'back'],
    ['go back', 'back'],
    ['Go back please', 'back'],
    ['previous question', 'back'],
    ['undo', 'back'],
    ['restart', 'restart'],
    ['start over', 'restart'],
    ['can we start over?', 'restart'],
    ['start again', 'restart'],
    ['stop', 'stop'],
    ['stop.', 'stop'],
    ['cancel', 'stop'],
    ['quit', 'stop'],
    ['exit', 'stop'],
    ['I want to stop', 'stop'],
    ['delete my data', 'delete_data'],
    ['forget me', 'delete_data'],
    ['erase my information', 'delete_data'],
    ['delete everything', 'delete_data'],
    ["I'd like to delete my data please", 'delete_data'],
  ])('%j → %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it.each([
    'my back hurts',
    'stop hurting',
    'back pain',
    'the back of my neck',
    'lower back',
    'it stops me sleeping',
    'help me lift things is hard',
    'cancer',
    'red',
    '',
    '   ',
    'yes',
  ])('%j is an answer, not a command', (text) => {
    expect(parseCommand(text)).toBeNull();
  });
});

describe('parseYesNo', () => {
  it.each([
    ['yes', true],
    ['Yes!', true],
    ['YES', true],
    ['yeah', true],
    ['yep', true],
    ['yesss', true],
    ['sure', true],
    ['sure, why not', true],
    ['ok', true],
    ['okay', true],
    ['k', true],
    ['I agree', true],
    ['agreed', true],
    ['of course', true],
    ['y', true],
    ['yes please', true],
    ['no problem', true],
    ['no', false],
    ['noooo', false],
    ['nope', false],
    ['nah', false],
    ['n', false],
    ["I don't agree", false],
    ['I don\u2019t agree', false],
    ['no thanks', false],
    ["I'd rather not", false],
    ['not ok', false],
  ])('%j → %s', (text, value) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['yes no', { ok: false, reason: 'ambiguous' }],
    // A correction takes the answer after it.
    ['yes... actually no', { ok: true, value: false }],
    ['no sorry, yes', { ok: true, value: true }],
    ['maybe', { ok: false, reason: 'not_understood', detail: 'unsure' }],
    ['not sure', { ok: false, reason: 'not_understood', detail: 'unsure' }],
    ['\u{1F44D}', { ok: true, value: true }],
    ['\u{1F44E}', { ok: true, value: false }],
    // Patients lead with the answer and then explain it.
    ['no that was years ago', { ok: true, value: false }],
    ['yes a bit', { ok: true, value: true }],
    ['i dont know, it hurts heaps', { ok: false, reason: 'not_understood', detail: 'unsure' }],
    ['my neck', { ok: false, reason: 'not_understood' }],
    ['', { ok: false, reason: 'empty' }],
    [' \t\n ', { ok: false, reason: 'empty' }],
  ])('%j → %j', (text, result) => {
    expect(parseYesNo(text)).toEqual(result);
  });
});

describe('parseConsent', () => {
  it.each([
    ['I consent', true],
    ['I agree', true],
    ['accept', true],
    ['I accept the terms', true],
    ['yes', true],
    ['happy to', true],
    ['I do', true],
    ['no', false],
    ['I do not consent', false],
    ["I don't consent", false],
    ['decline', false],
    ['I decline', false],
    ['no thanks', false],
  ])('%j → %s', (text, value) => {
    expect(parseConsent(text)).toEqual({ ok: true, value });
  });

  it('says when it cannot tell', () => {
    expect(parseConsent('what is this for')).toEqual({ ok: false, reason: 'not_understood' });
    expect(parseConsent('yes and no')).toEqual({ ok: false, reason: 'not_understood', detail: 'unsure' });
  });
});

describe('parseQuestionBack: a question about the question, not an answer with a doubt', () => {
  it.each([
    ['whats a blood thinner? i take fish oil', 'meaning'],
    ['is that relevant?', 'why'],
    ['but why do you need that', 'why'],
  ])('%j → %s', (text, kind) => {
    expect(parseQuestionBack(text)).toBe(kind);
  });

  it('an answer that ends "is that relevant?" is an answer', () => {
    expect(parseQuestionBack('no, but ive lost about 8 kilos in the last couple months without trying, is that relevant?')).toBeNull();
  });
});
