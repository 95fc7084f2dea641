// Normalising, tokenising and forgiving word comparison shared by every parser.
// Everything here is linear in the (capped) input so a hostile or pasted message cannot stall the bot.

/** Patients answer in a line or two; anything longer is pasted noise, so work is bounded here. */
const MAX_CHARS = 2000;
const MAX_TOKENS = 400;

/** Accepts anything so a caller passing a non-string by mistake gets 'empty', not an exception. */
export function clip(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return cutAt(raw, MAX_CHARS);
}

/**
 * At most `max` UTF-16 units of `text`, one fewer where the cut would fall inside an emoji: half of one
 * is not text, a database refuses it, and a screen shows it as a broken character.
 */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

export function isBlank(raw: unknown): boolean {
  // Control and zero-width characters count as blank: some keyboards send them on an empty "send".
  return clip(raw).replace(/[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff]+/g, '') === '';
}

/** Lower-cases and folds typographic variants so lexicons only need one spelling. */
function normalise(raw: unknown): string {
  let s = clip(raw);
  try {
    s = s.normalize('NFKD');
  } catch {
    // A malformed string keeps its raw form; the tokeniser below ignores what it cannot read.
  }
  return s
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212\u2043]/g, '-')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    // "yesss", "noooo", "sooo sore": stretched letters are emphasis, not spelling.
    .replace(/([a-z])\1{2,}/g, '$1$1');
}

// Chat shorthand that changes which lexicon word a patient meant.
const CHAT: Readonly<Record<string, readonly string[]>> = {
  u: ['you'], ur: ['your'], pls: ['please'], plz: ['please'], thx: ['thanks'], thnx: ['thanks'],
  ty: ['thanks'], idk: ['i', 'dont', 'know'], dunno: ['dont', 'know'], cos: ['because'],
  coz: ['because'], cuz: ['because'], abt: ['about'], bout: ['about'], approx: ['about'],
  prob: ['probably'], probs: ['probably'], k: ['ok'], kk: ['ok'], yeh: ['yeah'], ya: ['yeah'],
  wanna: ['want', 'to'], gonna: ['going', 'to'], gotta: ['have', 'to'], hafta: ['have', 'to'], cannot: ['cant'], thru: ['through'], nite: ['night'],
  '&': ['and'], '+': ['and'],
};

/** Body words whose plural names two ("legs", "arms"): "leg's" (leg is) must not become one. */
const SINGULAR_BODY_WORDS: ReadonlySet<string> = new Set([
  'leg', 'arm', 'hand', 'foot', 'knee', 'hip', 'shoulder', 'ankle', 'wrist', 'elbow', 'finger', 'toe', 'heel', 'calf', 'thigh',
  'shin', 'eye', 'side', 'glute', 'hammy', 'hamstring', 'quad', 'bicep', 'forearm',
]);
const TOKEN_RE = /[a-z']+|\d+(?:\.\d+)?|[,.;:!?/#&+@()-]/g;

/** Words (apostrophes dropped: "can't" → "cant"), numbers ("6.5") and the punctuation parsers use. */
export function tokenise(raw: unknown): string[] {
  const out: string[] = [];
  const s = normalise(raw);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m !== null && out.length < MAX_TOKENS; m = TOKEN_RE.exec(s)) {
    // "left leg's weaker" is one leg: the 's of a body word is dropped, so it does not read as "legs".
    // ("my leg's are numb" is a plural with a stray apostrophe: "are" keeps it two.)
    // "walking's fine" is "walking is fine": the 's of an -ing word goes too, so "walking" is read.
    const stem = m[0].slice(0, -2);
    const possessive = m[0].endsWith("'s") && (SINGULAR_BODY_WORDS.has(stem) || (stem.length > 4 && stem.endsWith('ing'))) && !/^\s+(are|r|both)\b/.test(s.slice(m.index + m[0].length));
    const tok = possessive ? stem : m[0].replace(/'/g, '');
    if (tok === '') continue;
    // A unit stuck to its number ("2k", "10k") is no chat shorthand: "k" there is not "ok".
    const expanded = /\d/.test(s[m.index - 1] ?? '') ? undefined : CHAT[tok];
    if (expanded) out.push(...expanded);
    // "does not", "can not": the careful spelling is the contraction every table lists ("doesnt", "cant").
    else if (tok === 'not' && CONTRACTS[out.at(-1) ?? ''] !== undefined) out.push(CONTRACTS[out.pop()!]!);
    else out.push(tok);
  }
  // Australian "me" for "my" before a body word ("cant lift me arm", "me left knee"): read as "my" by every table.
  return out.map((t, i) => (t === 'me' && MY_BEFORE.has(out[i + 1] ?? '') ? 'my' : t));
}

const MY_BEFORE: ReadonlySet<string> = new Set([
  ...SINGULAR_BODY_WORDS, 'legs', 'arms', 'hands', 'feet', 'knees', 'hips', 'shoulders', 'ankles', 'wrists', 'elbows', 'fingers', 'toes',
  'back', 'neck', 'head', 'bum', 'butt', 'spine', 'ribs', 'chest', 'jaw', 'groin', 'left', 'right', 'lower', 'upper', 'bad', 'good', 'sore', 'whole',
]);

/** The word before "not" and the contraction the two make. */
const CONTRACTS: Readonly<Record<string, string>> = {
  do: 'dont', does: 'doesnt', did: 'didnt', can: 'cant', could: 'couldnt', is: 'isnt', are: 'arent', was: 'wasnt', were: 'werent',
  have: 'havent', has: 'hasnt', had: 'hadnt', will: 'wont', would: 'wouldnt', should: 'shouldnt',
};

export const isWordToken = (t: string | undefined): t is string => t !== undefined && /^[a-z]/.test(t);
export const isDigitToken = (t: string | undefined): t is string => t !== undefined && /^\d/.test(t);

/** How many words and numbers a message has (not its punctuation): how short an answer is. */
export const wordCount = (tokens: readonly string[]): number => tokens.filter((t) => isWordToken(t) || isDigitToken(t)).length;

// Real words close to vocabulary words: never "corrected" into them ("hard" is not "hand",
// "should" is not "shoulder", "left" is not "lift").
const NEVER_FUZZY = new Set(
  (
    'a an and are as at be been but by can could did do does done for from get got had has have he her here him his ' +
    'how if in into is it its just like me might more most much my no not now of off on one or our out over she ' +
    'should shoulda so some than that the their them then there they this to too up us was we well were what when ' +
    'where which who why will with would you your also very okay yes yeah nope none ' +
    'hard hit heat hear heal held help hell hill hills hitching hitched felt melt tops bolt bolts checked checking hang band bank black call calm food fool feel fell skin ship shine shit ranked hamstring hamstrings fishing spring bowel bowels lets let went want bite bells tired bowl bowls bowled bowler bowlers oneish twoish threeish fourish fiveish sixish sevenish eightish nineish tenish ' +
    'sleeping sleep slept sleepy swapped swap swapping wait waits waited wrist wrists waste cooked cook rattle tyres tires load loading loaded temp temps tamp station stations tyre tire paying pay paid cork coach tablet nail stung sting ' +
    'angle lover loser finer buttons bake left lift right night light sight fight might tight bright lose lost ' +
    'last least list past post most must mist best rest test nest neat need next near lower power tower sore sure ' +
    'bore more wore worse horse house hose nose rose pose those these chess chase cheat check cheek hand head heaps heap ' +
    'stacking stacked stack bloke blokes washing walked walks walker type typed types welding welder wedding weddings tiling tiles tiler tues tue thurs thu weds sweating radiating shopping shopped chopping clicking number numbers belt bend bends sweaty accident scanning paddling sprinting surfing stirring sliding ' +
    'read dead lead bead bed bad bag bat hat cat rat sat fat mat pat vat tap tip top hop hope home come some same ' +
    'game name fame tame take make lake wake bake cake fake rake sake ache acne able hole whole while white write ' +
    'wrote quite quiet quit quick ankle uncle ample apple able armor army arms harm farm warm worm form from frog ' +
    'knew know known knee kneel knit word work world walk wall talk tall talking walking running ruining rung ' +
    'lung lungs long along song sing sign singe hinge hip hips hit hits his him hum ham jam jar jaw saw raw law ' +
    'paw pow wow low row bow tow toe tie die lie pie leg legs beg peg keg log dog fog hog jog cog hug bug mug rug ' +
    'thin think thing things thong throng tongue shin spin spine spite sprain strain stain stair stairs chair chairs ' +
    'stress dress press cress crest chest cheats seats sweat sweet street sheet feet fees foes toes goes does ' +
    'fall falls fail fails fill full pull bull bully belly billy jelly teeth tooth booth both bath path math moth ' +
    'month mouth south youth truth colder bolder holder folder older solder soldier boulder louder shoulders ' +
    'pain pains paint pant plant plan plane pane lane line fine mine nine wine pine dine vine cane cone bone ' +
    'done gone tone zone one ones once ounce bounce pounce dance lance ranch reach teach beach bench bunch lunch ' +
    'punch munch much such touch couch pouch ouch weak wee weed weep wear deck dare heard pale pals sold solo ' +
    'skill skills scale trips trip bot feed glue shouldnt shouldve name life sort spot cough setting waiting seeing weight helps five find fire mind though through thought ' +
    'stuff staff cancer red men difficulty tote totes grout place places flights hour ' +
    // Found by running a dictionary through every parser: real words one edit from a vocabulary word.
    'waist heed handy less lens sale sales toys toss tons ties pets pens peas grin grain herd nick fee font fort fleet bust ' +
    'bark arts aims delta shiny overweight oversight decides caring trading listing hiring hiding gaining testing strolling ' +
    'insured accent cash clash crush commute commuter commuting shipped slim slap snip tries trap disk gold short pleasure ' +
    'cast cart cent vary mile miles milk stepped breaking beating bleating leaving leading leaning selling smelling ' +
    'swearing stealing confidence continent consultant constraint failing fitting filling stick sink suck sock sack ' +
    'radiating radiates radiate aware awaken reception moment moments store shot paid pair stretches stretch stretching ' +
    'switches snatches sketches smart decided defined declared week weeks boring shower showers seeking ' +
    'seeming claiming clicking clinging steering speeding sneezing swinging huts hunts'
  ).split(' '),
);

const NO_SHORT_TYPOS: ReadonlySet<string> = new Set();

export type WordFit = 'exact' | 'inflected' | 'fuzzy';

/** Strips doubled letters: "kne" and "knee", "yess" and "yes" then compare equal. */
const squeeze = (w: string): string => w.replace(/([a-z])\1+/g, '$1');

/** Optimal-string-alignment distance, abandoning as soon as it must exceed max. */
function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = [];
  for (let j = 0; j <= lb; j++) prev.push(j);
  for (let i = 1; i <= la; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[lb]!;
}

/**
 * How well a typed word fits a vocabulary word. Typos are forgiven by the target's length
 * (1 edit for 4–7 letters, 2 for 8+, none under 4) and only when the first letter is right:
 * phone typos rarely hit the first letter, and this keeps "and" from becoming "hand".
 * shortTypos lists the four-letter words a three-letter word may be a typo of.
 */
export function fitWord(input: string, target: string, shortTypos: ReadonlySet<string> = NO_SHORT_TYPOS): WordFit | null {
  if (input === target) return 'exact';
  // Long pasted messages repeat words; remembering recent verdicts keeps them cheap.
  const key = `${input}\u0000${target}\u0000${shortTypos.has(target) ? 1 : 0}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const fit = judge(input, target, shortTypos);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, fit);
  return fit;
}

const verdicts = new Map<string, WordFit | null>();
const MAX_VERDICTS = 20_000;

function judge(input: string, target: string, shortTypos: ReadonlySet<string>): WordFit | null {
  if (input === `${target}s` || input === `${target}es`) return 'inflected';
  if (input.length < 2 || input[0] !== target[0] || !isWordToken(input)) return null;
  if (NEVER_FUZZY.has(input)) return null;
  if (squeeze(input) === squeeze(target) && input.length >= 3) return 'fuzzy';
  // Three-letter typos ("nek", "kne", "bak") are only safe for a few listed words; elsewhere "red" would become "redo".
  if (target.length < 4 || (input.length < 4 && !(input.length === 3 && shortTypos.has(target)))) return null;
  const max = target.length >= 8 ? 2 : 1;
  if (editDistance(input, target, max) <= max) return 'fuzzy';
  // Misspelt plurals ("sholders").
  const stem = input.slice(0, -1);
  if (input.length > 4 && input.endsWith('s') && !NEVER_FUZZY.has(stem) && editDistance(stem, target, max) <= max) return 'fuzzy';
  return null;
}

/**
 * "first nets session of the season sat, bowled 2 hrs": "sat" ending a clause after a noun is Saturday, not
 * sitting ("i sat", "sat at my desk", "sat down" are sitting).
 */
const SAT_SITTING_BEFORE = new Set(['i', 'we', 'he', 'she', 'they', 'just', 'have', 'had', 'been', 'then', 'and', 'was', 'were', 'hours', 'hrs', 'day']);
const SAT_DAY_AFTER = new Set([',', '.', ';', '!', '?', 'arvo', 'night', 'morning', 'afternoon', 'n', 'and', 'just', 'then', 'when', 'but']);
export function saturdays(tokens: readonly string[]): string[] {
  return tokens.map((t, i) => (t === 'sat' && i > 0 && !SAT_SITTING_BEFORE.has(tokens[i - 1]!) && (i === tokens.length - 1 || SAT_DAY_AFTER.has(tokens[i + 1]!)) ? 'saturday' : t));
}
