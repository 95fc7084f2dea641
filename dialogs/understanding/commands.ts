// Conversation commands (help, back, restart, stop, delete my data), recognised only when the whole
// message is the command: "my back hurts" is an answer, "back" is a command.
import { findAll, lexicon } from './phrases.js';
import { clip, isBlank, tokenise } from './text.js';
import type { Command } from './types.js';

const COMMANDS = lexicon<Command>([
  [
    'help',
    [
      'help', 'help me', 'what do i do', 'what do i do now', 'what should i do', 'what now', 'i need help', 'need help', 'im confused',
      'i dont understand', 'dont understand', 'how does this work', 'what is this', 'instructions', 'menu', 'options', 'huh',
      'what do you mean', 'what do i say', 'what am i supposed to do', 'confused', 'assistance', 'sos',
    ],
  ],
  [
    'back',
    [
      'back', 'go back', 'previous question', 'previous', 'undo', 'go back one', 'last question', 'take me back', 'back one',
      'go back a step', 'step back', 'back a step', 'undo that', 'oops go back', 'previous step', 'back up', 'the previous question',
    ],
  ],
  [
    'restart',
    [
      'restart', 'start over', 'start again', 'begin again', 'reset', 'from the beginning', 'start from the beginning',
      'start from scratch', 'start over again', 'redo', 'start afresh', 'new start', 'begin over', 'restart everything',
    ],
  ],
  [
    'stop',
    [
      'stop', 'cancel', 'quit', 'exit', 'i want to stop', 'end', 'end this', 'stop this', 'stop now', 'bye', 'goodbye',
      'leave', 'abort', 'finish', 'im out', 'no more', 'forget it', 'never mind', 'nevermind', 'cancel this', 'stop the chat',
      'end chat', 'end the chat', 'end conversation', 'end the conversation', 'stop it',
    ],
  ],
  [
    'delete_data',
    [
      'delete my data', 'forget me', 'erase my information', 'delete everything', 'delete my info', 'delete my information',
      'remove my data', 'delete my details', 'erase everything', 'erase my data', 'wipe my data', 'delete all my data',
      'remove my information', 'remove my details', 'erase my details', 'delete my answers', 'delete', 'forget everything',
      'forget my data', 'forget my details', 'delete me', 'erase me', 'wipe everything', 'delete it all', 'delete data',
    ],
  ],
]);

/** Politeness around a command that does not change it: "please go back", "I'd like to start over". */
const COURTESY = new Set([
  'please', 'i', 'want', 'to', 'would', 'like', 'id', 'can', 'could', 'we', 'lets', 'let', 'us', 'just', 'ok', 'okay', 'oh', 'um',
  'uh', 'hey', 'hi', 'actually', 'now', 'thanks', 'thank', 'you', 'wait', 'sorry', 'can', 'you', 'bot', 'need', 'the',
  'all', 'right', 'ill', 'ok', 'so', 'hmm', 'go', 'ahead', 'and', 'do', 'a', 'quick', 'think', 'should', 'rather', 'wish',
]);
const PUNCTUATION = new Set([',', '.', '!', '?', ';', ':', '-', '(', ')']);

export function parseCommand(text: string): Command | null {
  try {
    if (isBlank(text)) return null;
    const raw = clip(text).trim();
    // "?" alone is a plea for help.
    if (/^[?¿]+$/.test(raw)) return 'help';
    // A command is a few words; a long message is an answer that happens to contain one.
    if (raw.length > 80) return null;
    const tokens = tokenise(raw).filter((t) => !PUNCTUATION.has(t));
    const found = findAll(tokens, COMMANDS);
    if (found.length !== 1) return null;
    const [m] = found;
    for (let i = 0; i < tokens.length; i++) {
      if (i >= m!.start && i < m!.end) continue;
      if (!COURTESY.has(tokens[i]!)) return null;
    }
    return m!.value;
  } catch {
    return null;
  }
}
