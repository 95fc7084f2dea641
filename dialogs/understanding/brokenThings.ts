// Things that break that are not bones: a break word about one of them is no injury ("the washing machine
// died" is no bereavement either). Read by the
// warning signs (signs.ts) and the causes (causes.ts).
/** "the hoist is always broken", "broke my phone", "a broken chair". */
const THINGS = new Set([
  'hoist', 'lift', 'elevator', 'escalator', 'car', 'ute', 'truck', 'bike', 'machine', 'chair', 'bed', 'mattress', 'couch', 'phone',
  'screen', 'laptop', 'computer', 'printer', 'tv', 'fridge', 'heater', 'aircon', 'dishwasher', 'mower', 'lawnmower', 'glasses',
  'window', 'door', 'fence', 'tap', 'toilet', 'washing', 'dryer', 'oven', 'kettle', 'trolley', 'pram', 'ladder', 'desk', 'seat',
  'keyboard', 'mouse', 'headphones', 'watch', 'tooth', 'teeth', 'nail', 'fingernail', 'toenail', 'skin', 'record', 'system',
  'sleep', 'english', 'marriage', 'family', 'home', 'promise', 'habit', 'routine', 'streak', 'shoe', 'shoes', 'boots', 'thongs', 'ride',
]);
const BREAK_WORDS = new Set(['broken', 'broke', 'cracked', 'snapped', 'died', 'dead', 'carked']);
const SUBJECT_GAP = new Set(['is', 'was', 'always', 'got', 'been', 'keeps', 'its', 'the', 'my', 'a', 'has', 'had', 'were', 'are', 'all', 'so', 'just', 'on', 'thats', 'that', 'which']);
/** "the lift's broken" is typed "the lifts broken": a thing's plural or possessive is the thing. */
const isThing = (t: string | undefined) => t !== undefined && (THINGS.has(t) || (t.endsWith('s') && THINGS.has(t.slice(0, -1))));

/** Whether the break word at `at` is about a thing: its subject or object, a few small words away, is one. */
export function aThingBroke(tokens: readonly string[], at: number): boolean {
  if (!BREAK_WORDS.has(tokens[at]!)) return false;
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    if (isThing(tokens[i])) return true;
    if (!SUBJECT_GAP.has(tokens[i]!)) break;
  }
  for (let i = at + 1; i < tokens.length && i <= at + 3; i++) {
    if (isThing(tokens[i])) return true;
    if (!SUBJECT_GAP.has(tokens[i]!)) break;
  }
  return false;
}

