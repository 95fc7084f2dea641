// How much a movement is limited: none / some / a lot / unable.
import type { Difficulty } from '../vocabulary.js';
import { findAll, lexicon, negated, type Match } from './phrases.js';
import { guarded, miss, ok } from './result.js';
import { afterLastCorrection } from './sides.js';
import { readNumber } from './numbers.js';
import { isBlank, tokenise } from './text.js';
import type { Understood } from './types.js';

/**
 * Words that qualify a level rather than give one (applied in parseDifficulty):
 *   not_done    the patient does not do it anyway ("n/a I don't run", "haven't run in years"): none, if nothing else is said
 *   must_stop   they do it until they have to stop: how long decides ("10 mins then I have to sit" a lot, "an hour" some)
 *   partly      "can't … properly / for long / wide enough": can do it, not fully, so a lot rather than unable
 *   other_way   "switched to the left", "use the other arm": done another way, so a lot rather than unable
 *   only        "… is all", "only when I turn quick": limited in some circumstances, so some at most
 *   unsure      "couldnt say", "depends on the day": opening the answer with no level of the scale, asked again for a typical day
 *   between     "somewhere in between" two levels said: asked again, naming them
 */
/** Verbs learners put after "I no" for "I can't" ("now I no lift anything"). */
const NO_VERBS = ['lift', 'bend', 'walk', 'run', 'sleep', 'sit', 'stand', 'turn', 'reach', 'carry', 'kneel', 'squat', 'climb', 'grip', 'hold', 'drive', 'type', 'look', 'can'];

type Qualifier = 'not_done' | 'must_stop' | 'partly' | 'other_way' | 'only' | 'unsure' | 'between';
type DifficultyWord = Difficulty | Qualifier;

const LEXICON = lexicon<DifficultyWord>([
  [
    'unable',
    [
      'cant', 'cnt', 'unable', 'impossible', 'not at all able', 'cant do it', 'cant do it at all', 'cant at all', 'couldnt', 'not able',
      'no way', 'not possible', 'totally unable', 'completely unable', 'not able to', 'cant even', 'couldnt even', 'can not even', 'no chance', 'wont let me',
      'incapable', 'beyond me', 'stopped', 'given up', 'gave up', 'forget it', 'forget about it', 'not a chance', 'not happening', 'no hope',
      'havent been able to', 'not been able to', 'havent been able',
      // Learner's and careful English: "can not walk", "arm will not go up", "now I no lift anything".
      'can not', 'could not', 'wont go', 'will not go', 'doesnt go', 'does not go',
      ...NO_VERBS.map((verb) => `i no ${verb}`),
      // "kneel no can", "no can do": learners' and slang "can't".
      'no can', 'no can do', 'not can', 'no can not',
      // Not done since it started: "havent run since, tried once and had to walk home".
      'havent run since', 'havent played since', 'havent done it since', 'havent been since', 'not since', 'havent since',
      // Someone else does it for them: "have to get hubby to do my bra up".
      'get hubby to', 'get my husband to', 'get my wife to', 'get my partner to', 'get someone to', 'get my son to', 'get my daughter to', 'locked', 'locked up', 'stuck', 'frozen', 'wont move', 'wont budge', 'bedridden', 'bed bound', 'housebound', 'wheelchair',
    ],
  ],
  [
    'a_lot',
    [
      'a lot', 'lots', 'very', 'really hard', 'heaps', 'quite a bit', 'quite a lot', 'hard', 'difficult', 'very difficult',
      'severe',
      'severely', 'badly', 'extremely', 'struggle', 'struggling', 'tough', 'a great deal', 'big time', 'massively',
      'so hard', 'super hard', 'really bad', 'is bad', 'cactus', 'lets go', 'just lets go', 'gives way', 'gives out', 'min job now', 'minute job now', 'min job these days', 'minute job these days', 'hand them to', 'hand it to', 'pass them to', 'pass it to', 'terrible', 'awful', 'much', 'greatly', 'significantly', 'major', 'loads',
      'really difficult', 'painful', 'very painful', 'a heap', 'hugely', 'alot', 'pretty bad', 'quite bad', 'no good', 'off work',
      // Australian for quite a lot, not a little.
      'a fair bit',
      // Broken, in Australian: "golf swing is stuffed", "im stuffed by the time i get out".
      'stuffed', 'rooted',
      // A long way short of before: "about half as far", "half what i used to", "lucky to get 2k", "down to just the bar".
      'half as', 'half what', 'half of what', 'lucky to', 'lucky if', 'just the bar', 'only the bar', 'the empty bar',
      // Idioms for very hard.
      'nightmare', 'a nightmare', 'killer', 'a killer', 'killing me', 'kills me', 'hell', 'the worst', 'agony', 'excruciating',
      'unbearable', 'torture', 'brutal', 'horrible', 'horrendous', 'shocking', 'buggered', 'a mission', 'a battle',
      'a huge effort',
      'dread', 'dreading', 'takes ages', 'takes me ages', 'takes forever', 'takes a long time', 'very slowly', 'really slow',
      'hobbling', 'hobble', 'shuffling', 'shuffle', 'like an old man', 'like an old woman', 'like an old lady', 'very limited',
      // Sleep broken by it.
      'barely', 'hardly', 'constant', 'no position helps', 'wakes me', 'wakes me up', 'keeps me up', 'keeps me awake',
      'keeps waking me', 'up all night', 'toss and turn', 'tossing and turning', 'cant get comfy', 'cant get comfortable',
      // Stopped because of it ("don't run anymore because of the pain").
      'because of it', 'because of the pain', 'since it happened', 'since this started', 'since it started',
      // A hedged "can't" is a lot, not unable ("can't really turn", "can only open one finger").
      'cant really', 'cant quite', 'cant properly', 'can only', 'cant do much', 'cant walk far', 'cant go far',
      // Avoiding it, or a particular activity ruled out.
      'avoid', 'avoiding', 'just dont', 'too scared', 'scared to', 'afraid to', 'out of the question', 'off the cards',
      'off the menu', 'no go', 'a no go', 'off the table', 'only make it to', 'only get to the', 'to the letterbox', 'soft food', 'light duties', 'restricted duties', 'nothing over',
      // Needing someone else, a stick, a frame or a rail to do it.
      'use stick', 'use a stick', 'with stick', 'with a stick', 'walking frame', 'zimmer', 'zimmer frame', 'crutches', 'crutch',
      'hold the furniture', 'holding the furniture', 'hold onto the furniture', 'hold onto things', 'hold the wall', 'use the wall',
      'helps me', 'help me', 'helping me', 'has to help', 'does it for me', 'do it for me', 'everything for me', 'for me now',
      'need help', 'needs help', 'with help', 'walking stick', 'a stick', 'walker', 'pull myself up', 'push myself up',
      'use my arms', 'using my arms', 'one at a time', 'one step at a time', 'to the car and back', 'to the letterbox and back', 'hold the rail', 'holding the rail', 'the rail', 'railing', 'banister',
      'on my bum', 'handrail', 'hand rail', 'rail', 'sideways', 'need a hand', 'to help me', 'to help', 'does all the',
      // Something to grab to get back up, or several goes at it: "need to grab the bench", "takes three goes and a groan".
      'grab the bench', 'grab the sink', 'grab the table', 'grab something', 'grab onto', 'need to grab', 'have to grab', 'hold the bench', 'hold onto the bench', 'takes a few goes', 'takes two goes',
      'takes three goes', 'takes 2 goes', 'takes 3 goes', 'a few goes', 'few attempts', 'a few attempts', 'several goes', 'a few tries',
      'a couple of goes', 'couple of goes', 'a couple of tries', 'push up with', 'push up on',
      // Getting up by rocking and pushing off: "push off both arms and rock a couple of times".
      'push off', 'push off the arms', 'rock a couple of times', 'rock a few times', 'rock back and forth',
      // Very weak, or worn out by it, in Australian; nights without proper sleep.
      'weak as', 'im cooked', 'cooked by', 'havent slept properly', 'not slept properly', 'havent had a proper sleep', 'havent slept', 'not sleeping',
      'does it all',
      'does it now', 'has to do it', 'has to do', 'have to get someone', 'recliner', 'waddle', 'waddling', 'pretty limited', 'quite limited', 'a fair amount',
      // "i no drive long, 30 min ok", "i no sleep good": learners' "can't … for long / well" is a lot, not unable.
      ...NO_VERBS.flatMap((verb) => ['long', 'far', 'good', 'well', 'heavy', 'much', 'properly'].map((how) => `i no ${verb} ${how}`)),
      // Grip that fails ("dropped a jug of milk yesterday, grip is pretty weak"); put on light work.
      'pretty weak', 'really weak', 'very weak', 'so weak', 'light duty',
      'halfway', 'half way', 'kills', 'it kills', 'i can only', 'have to sleep', 'only sleep on', 'both hands', 'two hands', 'both arms', 'both my arms', 'arms on the chair',
      'try not to', 'dont bother', 'dont even try', 'dont even bother', 'so bad',
      // Needing someone to get them up, or a fight with a simple task.
      'does my', 'does them for me', 'opens them for me', 'for me', 'is a no', 'thats a no',
      'she lifts', 'he lifts', 'she does it', 'he does it', 'hubby does', 'wife does',
      // Woken over and over, or a long way short of what they did before.
      // A task someone at work or next door does for them (the settled rule: a lot): "heavy sheets i get my offsider to grab".
      ...['offsider', 'apprentice', 'mate', 'workmate', 'boss', 'colleague', 'neighbour', 'boys', 'young fella'].flatMap((who) => [`get my ${who} to`, `get the ${who} to`]),
      'times a night', 'times every night', 'times at night',
      // "I wake up many time in the night because pain": woken again and again, said without a count.
      ...['wake', 'wake up', 'woke', 'woke up', 'wakes me', 'wakes me up', 'waking', 'waking up'].flatMap((w) => ['many times', 'many time', 'several times', 'multiple times', 'heaps of times', 'so many times'].map((n) => `${w} ${n}`)),
      'many times a night', 'many time in the night', 'many times in the night', 'several times a night', 'multiple times a night', 'a few times a night',
      // Bending that stops at the knees: "can't touch my knees let alone my toes", "can touch my knees, thats about it".
      'cant touch my knees', 'cant even touch my knees', 'cant reach my knees', 'cant get past my knees', 'cant get past the knees', 'touch my knees', 'reach my knees', 'only round the block', 'only around the block', 'thats about it',
      'screaming', 'and thats it', 'circus act', 'a circus', 'an ordeal', 'a production', 'pull me up', 'pulls me up', 'help me up', 'helps me up', 'get me up', 'gets me up', 'swear words', 'swearing', 'a good minute',
    ],
  ],
  [
    'some',
    [
      'a bit', 'a little', 'a little bit', 'little', 'lil', 'a lil', 'abit', 'some', 'slightly', 'slight', 'mild', 'mildly', 'sometimes', 'bit', 'kind of',
      'sort of',
      'somewhat', 'a touch', 'moderate', 'moderately', 'manageable', 'a bit hard', 'a bit difficult', 'a little hard',
      'a little difficult', 'slightly hard', 'slightly difficult', 'occasionally', 'not much', 'not a lot', 'not very',
      'not too bad',
      'not bad', 'not that bad', 'not too much', 'a tad', 'minor', 'a little sore', 'a bit sore', 'bit sore', 'stiff',
      'a little stiff',
      'a bit stiff', 'uncomfortable', 'some difficulty', 'bit hard', 'bit difficult', 'ok but sore', 'but it hurts',
      'it hurts', 'hurts', 'i manage', 'manage', 'with pain', 'sore', 'slower', 'takes longer', 'careful',
      'minimal', 'minimally', 'not great', 'not good', 'uncomfy', 'discomfort', 'annoying', 'annoys me', 'irritating',
      'bothers me',
      'bugs me', 'doesnt hurt much', 'a little bit', 'little bit', 'tiny bit', 'a wee bit', 'a smidge', 'bit of trouble',
      'mostly fine', 'mostly ok', 'mainly fine', 'generally fine', 'not too hard', 'could be better', 'so so', 'tricky',
      'awkward',
      'niggle', 'niggly', 'niggles', 'tight', 'tightness', 'catches', 'achy', 'aches', 'aching', 'tender', 'slow', 'slowly',
      'carefully', 'gently', 'take it easy', 'take it slow', 'doable', 'get by', 'i get by', 'cope', 'coping', 'push through',
      'bearable', 'tolerable', 'bites', 'stabs', 'feel it', 'i feel it', 'not as easy', 'not as well', 'not like before',
      'on and off', 'off and on', 'some days', 'now and then', 'at times', 'from time to time', 'end of the day',
      'if i overdo it', 'if i do too much', 'fine unless', 'ok unless', 'okay unless', 'fine except', 'ok except', 'limited',
      'ish', 'okish', 'takes a while', 'takes me a while', 'a while', 'worse', 'eventually', 'get there', 'shoots', 'shooting',
      'managing',
      // It hurts when done, or sets the pain off, but it gets done.
      'sets it off', 'set it off', 'flare up', 'flares up', 'flares', 'burning', 'burns', 'jab', 'sharp', 'twinge', 'twinges',
      'pinch', 'after a while', 'limping', 'limp', 'getting around', 'lean on', 'leaning on', 'squirming', 'fidgeting', 'fidgety',
      'disturbed', 'sleep is disturbed', 'once in the night', 'wake once', 'i wake',
      // Woken now and then, not over and over: "It wakes me once or twice a night when I roll onto that side".
      'wakes me once', 'wakes me up once', 'wakes me once or twice', 'wakes me up once or twice', 'once or twice a night', 'once or twice',
      // Careful English for it hurts: "Looking down at the keyboard aggravates it after half an hour or so".
      'aggravates it', 'aggravates', 'aggravating', 'irritates it', 'after half an hour', 'after an hour', 'weak', 'go tingly', 'goes tingly', 'tingly',
      'takes a sec', 'takes a second', 'takes a moment', 'takes a minute', 'get through it', 'i get through it',
      // Fine only with a condition or a painkiller.
      'ok if', 'okay if', 'alright if', 'fine if', 'ok as long as', 'fine as long as', 'but pain', 'can but', 'can do but',
      'pain after', 'after pain',
      // Learners' "it hurts": "look down long time is pain", "walking have pain".
      'is pain', 'have pain', 'has pain', 'got pain', 'panadol',
      // Pushing up off the arms of the chair to stand: done, with help from the arms ("need to push up off the arms").
      'push up off', 'push off the arms', 'push up with my arms', 'push up with the arms', 'push up on the arms', 'push with the hands', 'push with my hands', 'push off the chair',
      // Fine only for a short while or a short way: "walk is ok short", "short walks are fine".
      'ok short', 'short ok', 'ok for short', 'fine for short', 'short walks', 'short distance', 'short distances', 'short time', 'short times', 'painkillers', 'nurofen',
      'ibuprofen', 'voltaren',
      // Done, and paid for afterwards; or one thing done but not another ("a pen but not a hammer").
      'pay for it', 'pay for it after', 'pay for it later', 'suffer after', 'suffer for it', 'regret it', 'sore after', 'but not', 'just not', 'sum', 'trips instead of',
      // Sleep broken only by rolling onto it.
      'wake up', 'wakes up', 'when i roll', 'roll onto it', 'roll over onto it',
      // Fine for a while, then not: "standing behind the bar is fine till bout hour 6", "type half an hour then my fingers ache".
      'fine till', 'fine until', 'ok till', 'ok until', 'okay till', 'okay until', 'alright till', 'good till', 'good until', 'ache', 'and i stop', 'then i stop',
    ],
  ],
  [
    'none',
    [
      'no', 'none', 'not at all', 'fine', 'no problem', 'no problems', 'no trouble', 'no difficulty', '0', 'zero', 'nope', 'nah',
      'not really', 'easy', 'easily', 'normal', 'all good', 'no issues', 'no issue', 'not limited', 'no limits', 'no limit',
      'not affected', 'unaffected', 'nothing', 'never', 'no different', 'same as before', 'as normal', 'ok', 'okay', 'no change',
      'not an issue', 'not a problem', 'isnt an issue', 'isnt a problem', 'arent an issue', 'arent a problem', 'wasnt an issue', 'can do it fine', 'i can', 'can do it', 'no bother', 'not bothered',
      'nil', 'alright', 'comfy', 'comfortable', 'like a log', 'doesnt hurt', 'dont hurt', 'not sore', 'no pain', 'good',
      'perfect',
      'perfectly', 'no worries', 'no dramas', 'no probs', 'all fine', 'no biggie', 'not bad at all', 'doesnt bother me',
      'doesnt affect', 'doesnt stop me', 'havent noticed', 'not noticed', 'havent really noticed', 'not really noticed', 'didnt notice', 'no effect', 'no impact', 'manage fine', 'as usual',
      'like normal', 'a breeze', 'like a baby',
      // "sitting is actually the best bit" (not "a bit").
      'best bit', 'the best bit', 'best part', 'the best part', 'nothing is bad', 'none is bad', 'no ache', 'no aches',
      // It eases the pain: "walking actually helps".
      'actually helps', 'helps the pain', 'walking helps', 'my relief', 'pain free', 'pain-free', 'is pain free', 'painfree',
    ],
  ],
  [
    'not_done',
    [
      'n/a', 'not applicable', 'doesnt apply', 'not relevant', 'in years', 'for years', 'dont do that', 'dont do it anyway',
      'dont run', 'dont really run', 'dont jog', 'dont play', 'dont lift', 'dont kneel', 'dont squat', 'dont drive', 'dont type',
      'never run', 'not a runner', 'havent run', 'havent played', 'no need to', 'havent had to', 'havent really had to',
      'dont have stairs', 'no stairs', 'single storey', 'single story',
      // No call to do it: "ground floor unit so havent really tested it", "only ever sleep on my back anyway", "run? only for the bus".
      'ground floor', 'havent really tested', 'havent tested', 'not really tested', 'doesnt matter', 'on my back anyway', 'only for the bus', 'for the bus', 'dont really do',
      'havent squatted', 'havent knelt', 'in decades', 'since the 70s', 'since the 80s', 'since the 90s',
      'since high school', 'since school', 'since uni', 'since i was a kid', 'since i was a teenager', 'never have', 'never did',
      // Longer than "haven't run since", so it wins: not done for years, not stopped by the pain.
      ...['run', 'played', 'jogged', 'knelt', 'squatted'].flatMap((done) => ['high school', 'school', 'uni', 'i was a kid'].map((when) => `havent ${done} since ${when}`)),
    ],
  ],
  [
    'must_stop',
    [
      'have to sit', 'have to stop', 'have to turn', 'have to get up', 'have to lie', 'have to rest', 'have to move',
      'have to change',
      'need to sit', 'need to stop', 'need to get up', 'need to lie', 'need to rest', 'need to move', 'need to change',
      'have to stand', 'need to stand', 'have to stretch', 'need to stretch', 'have to take a break', 'need a break',
      'need a rest',
      // Said of someone answered for, or in the third person: "he has to stop after 10 min".
      'has to stop', 'has to sit', 'has to rest', 'has to lie', 'has to sit down', 'needs to stop', 'needs to sit', 'needs to rest', 'needs a break', 'gotta stop',
      'have to pull over', 'had to stop', 'had to sit', 'had to sit down', 'had to walk', 'had to walk home', 'had to lie down',
      'had to pull over', 'had to come home', 'max', 'mins max', 'have to swap', 'have to switch', 'need to swap', 'need to switch', 'starts nagging', 'starts to nag', 'starts playing up', 'then it starts', 'have to roll', 'have to roll off', 'have to roll over', 'roll off', 'starts to hurt', 'starts hurting', 'starts to ache', 'starts aching', 'starts burning', 'starts to burn', 'starts throbbing', 'starts to throb', 'kicks in', 'tops', 'at most',
    ],
  ],
  [
    'partly',
    [
      'properly', 'for long', 'for very long', 'enough', 'fully', 'all the way', 'the whole way', 'as much', 'as far', 'as high',
      'as well', 'more than', 'longer than', 'without', 'without pain', 'without it hurting', 'far', 'too far', 'very far', 'heavy',
      'anything heavy', 'heavier than', 'anything heavier', 'bigger than', 'anything bigger',
      // One task within the movement, not the movement itself ("can't reach my socks", "can't eat steak").
      'anything over', 'over about', 'socks', 'shoelaces', 'laces', 'shoes on', 'washing', 'the washing', 'top shelf', 'high shelves',
      'jars', 'lids', 'milk bottle', 'bottle', 'sit through', 'through a movie', 'steak', 'anything chewy', 'chewy food', 'chewy stuff', 'hard food', 'my hair', 'jar lids', 'tight lids',
      // A child or a heavy thing is one load within lifting or gripping: "cant pick up my 2 yr old", "cant hold the kettle".
      'kettle', 'the kettle', 'bra', 'my bra', 'belt', 'my belt', 'his belt', 'her bra', 'tuck my shirt', 'shirt in', 'zip up', 'my zip', 'my son', 'my daughter', 'the baby', 'my baby', 'the kids', 'my kids', 'grandkids',
      'the grandkids', 'toddler', 'yr old', 'year old', 'the shopping', 'pram', 'the pram', 'stroller', 'wok', 'the wok', 'frying pan',
      'a swing', 'my swing', 'golf', 'wallet', 'back pocket', 'swing a club', 'swing the club', 'a club',
      'tee the ball', 'tee it up', 'tee up', 'follow through', 'the queue', 'in the queue', 'in a queue', 'dishwasher', 'the dishwasher', 'kegs', 'the kegs', 'a tray', 'bub', 'the cot', 'out of the cot', 'the awning', 'get through', 'through a', 'any length of time', 'much past',
    ],
  ],
  [
    'other_way',
    [
      'switched to', 'use the other', 'using the other', 'with my other', 'other hand', 'other arm', 'instead', 'a different way', 'differently',
      // "cant hold my coffee mug with that hand, use the left now".
      'use the left', 'use the right', 'use my left', 'use my right', 'using my left', 'using my right', 'with my left', 'with my right',
      // A workaround: "turn my whole body", "just use the reversing camera", "only use my good arm", "on my hip now not in front".
      'whole body', 'my whole body', 'just use', 'good arm', 'good hand', 'good leg', 'good side', 'now not', 'other side now', 'the other side now',
      // An aid or a changed way: "sleep ok with a pillow between my knees", "do it up at the front and spin it round".
      'with a pillow', 'pillow between', 'at the front and', 'spin it round', 'spin it around', 'use the mirrors', 'use my mirrors', 'the mirrors',
      'swap arms', 'swap sides', 'swap hands', 'now i keep', 'keep it in the front', 'in the front now', 'front pocket', 'lives in the front', 'moved it to the front',
    ],
  ],
  [
    'unsure',
    ['couldnt say', 'cant say', 'cant really say', 'couldnt really say', 'hard to say', 'depends', 'depends on the day', 'it depends', 'varies', 'it varies'],
  ],
  [
    // "a bit. well a lot actually. idk somewhere in between": two levels, and the patient cannot choose.
    'between',
    ['somewhere in between', 'in between', 'between the two', 'somewhere between'],
  ],
  [
    'only',
    [
      'is all', 'thats all', 'only when', 'only if', 'only after', 'only first thing', 'only at night', 'only in the morning',
      'only in the mornings', 'by the arvo', 'by the afternoon', 'by lunchtime', 'later in the day', 'once i warm up',
      'once im warmed up', 'only sometimes', 'only occasionally', 'only on bad days', 'just when',
    ],
  ],
]);

const SOFTENERS = new Set(['a', 'bit', 'slightly', 'somewhat', 'kind', 'sort', 'little', 'mildly', 'moderately', 'not']);

/** How far apart the levels said are: "nothing … heaps" is 2 or more, "a bit … sore" 0. */
const severitySpread = (words: ReadonlyArray<Match<DifficultyWord>>): number => {
  const levels = [...levelsIn(words)].map((l) => SEVERITY[l as Difficulty]);
  return Math.max(...levels) - Math.min(...levels);
};

/** When a reply mixes levels ("no, I can't"), the most limited reading is the one to act on. */
const SEVERITY: Readonly<Record<Difficulty, number>> = { none: 0, some: 1, a_lot: 2, unable: 3 };
const LEVELS: ReadonlySet<DifficultyWord> = new Set<DifficultyWord>(['none', 'some', 'a_lot', 'unable']);

/** The scale's own words, given first and then explained ("none, neck moves fine, just sore at the computer"). */
const SCALE_ANSWERS = new Set([
  'none', 'some', 'a bit', 'a little', 'a little bit', 'little bit', 'bit', 'a lot', 'alot', 'heaps', 'lots', 'a fair bit',
  'very', 'unable',
  'not at all', 'slightly', 'a tad',
]);
/** "some or a lot", "some/a lot", "between some and a lot". */
const ALTERNATIVES = new Set(['or', '/', 'or maybe', 'to', 'maybe']);
const TAKE_BACK_NO = new Set(['no', 'nah', 'nope']);
const EVEN = new Set(['cant even', 'couldnt even', 'can not even']);
/** The different levels of the scale among these words. */
const levelsIn = (words: ReadonlyArray<Match<DifficultyWord>>): Set<DifficultyWord> => new Set(words.filter((m) => LEVELS.has(m.value)).map((m) => m.value));
/** "n/a, haven't run since the 80s": said first, the movement is not one they do. */
const NOT_APPLICABLE = new Set(['n / a', 'not applicable', 'doesnt apply', 'not relevant']);
const AFTER_ANSWER = new Set([',', '.', '-', ';', ':', '!']);
/** "X is a killer, short ones ok": a hard part and an easy part is some, not a lot. */
/** Said to get done all the same: "i can but", "i get there", "once I'm out I'm out". */
const DONE_ANYWAY = lexicon<true>([[true, [
  'i can but', 'i can do it but', 'can do it but', 'i can do it', 'can get it up there', 'i get there', 'get there in the end', 'i get through',
  'but i get there', 'but i manage', 'once im out', 'once im up', 'still doing', 'still using', 'still get', 'still do',
]]]);
/** A lot in as many words, which doing it anyway does not soften. */
const SAID_HARD = new Set(['a lot', 'lots', 'very', 'really hard', 'heaps', 'hard', 'difficult', 'very difficult', 'severe', 'struggle', 'struggling', 'terrible', 'awful', 'agony', 'killer', 'killing me', 'kills me', 'nightmare', 'a nightmare', 'a battle', 'a mission', 'the worst', 'painful', 'very painful', 'stuck']);
const EASE = new Set(['fine', 'ok', 'okay', 'alright', 'normal', 'comfy', 'all good', 'no problem', 'easy']);
const CLAUSE_ENDS = new Set([',', '.', ';', '!', '?', 'but', 'though', 'tho', 'although', 'however', 'whereas', 'except']);
/** How long they last before they must stop: minutes is a lot, an hour or more some. */
const SHORT_SPANS = new Set(['sec', 'secs', 'seconds', 'min', 'mins', 'minute', 'minutes', 'moment', 'steps', 'metres', 'meters', 'm', 'block']);
/** A message that opens like a question and has a question mark asks something back ("which side, the sore one?"). */
const QUESTION_OPENERS = new Set([
  'could', 'can', 'do', 'does', 'did', 'is', 'are', 'was', 'will', 'would', 'should', 'what', 'which', 'how', 'why', 'who',
  'where',
  'when',
]);
/** "what counts", "what do you mean": asking what the question means. */
const ASKING_WHAT = new Set(['counts', 'count', 'do', 'does', 'is', 'about', 'kind']);
/** Where the patient limits the answer to some circumstances by opening with it ("only tight lids"). */
const LIMITING_OPENERS = new Set(['only']);

/** Words read of one answer: a long ramble names its cause or its limits well before this. */
const MAX_TOKENS = 120;

export function parseDifficulty(text: string): Understood<Difficulty> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    // The answer is in the first hundred-odd words; reading a pasted essay in full would cost milliseconds.
    const tokens = tokenise(text).slice(0, MAX_TOKENS);
    if (QUESTION_OPENERS.has(tokens[0]!) && tokens.includes('?')) return miss('not_understood', 'question');
    // "like how much? what counts as gripping": asking what the question means.
    // Only when no level is given outside the asking ("really hard, what do you think?" is a lot; "how much" asks).
    const asking = tokens.findIndex((t, i) => t === 'what' && ASKING_WHAT.has(tokens[i + 1]!));
    const outside = tokens.filter((t, i) => (i < asking || i > tokens.lastIndexOf('?')) && !(t === 'much' && tokens[i - 1] === 'how'));
    if (tokens.includes('?') && asking >= 0 && levelsIn(findAll(outside, LEXICON)).size === 0) return miss('not_understood', 'question');
    // "running? lol no": the movement echoed back and a bare "no" is no trouble, not done, or can't: ask.
    if (echoedNo(tokens)) return miss('ambiguous', 'echo_no');
    // "some.. actually no a lot": a correction takes back the level before it.
    // Which words say what it was like before ("used to", "was doing"): read once, for the levels and the amounts.
    const past = pastWords(tokens);
    const said = findAll(tokens, LEXICON).filter((m) => !past[m.start]);
    const found = afterLastCorrection(tokens, said);
    const phrase = (m: Match<DifficultyWord>) => tokens.slice(m.start, m.end).join(' ');

    // "some or a lot, hard to say": two levels offered as alternatives is a question for the patient.
    for (let k = 1; k < found.length; k++) {
      const a = found[k - 1]!;
      const b = found[k]!;
      const joiner = tokens.slice(a.end, b.start).join(' ');
      const between = tokens[a.start - 1] === 'between' && joiner === 'and';
      if (LEVELS.has(a.value) && LEVELS.has(b.value) && a.value !== b.value && (ALTERNATIVES.has(joiner) || between)) {
        return miss('ambiguous');
      }
    }
    // "a bit. well a lot actually. idk somewhere in between": two levels and no choice between them.
    if (said.some((m) => m.value === 'between') && levelsIn(said).size >= 2) return miss('ambiguous');
    // The scale's own word opening the answer, or opening what a correction left ("wait no, actually a lot, couldnt
    // even get the dog bowl"), is the answer; what follows explains it.
    const corrected = found.length < said.length;
    // (The "no" of "wait no" is part of the correction, not a level.)
    const first = corrected ? found.find((m) => !TAKE_BACK_NO.has(phrase(m))) : found[0];
    if (first && (first.start === 0 || corrected) && LEVELS.has(first.value) && SCALE_ANSWERS.has(phrase(first)) && AFTER_ANSWER.has(tokens[first.end] ?? '')) {
      return ok(first.value as Difficulty);
    }

    // "couldnt say, hubby does the heavy stuff", "depends on the day, some days fine some days i cant": the patient
    // does not know, or it swings; ask rather than pick one. "depends, a bit i guess" gives a level of the scale.
    const clause = clauseIds(tokens);
    // One level said after it is the answer ("hard to say, cant do it at all"), and so is a limit in time ("depends
    // how far, 10 mins then i have to stop"); none, or levels that disagree, is asked again.
    const opensUnsure = found.some((m) => m.value === 'unsure' && clause[m.start] === 0);
    if (opensUnsure && levelsIn(found).size !== 1 && !found.some((m) => m.value === 'must_stop')) return miss('ambiguous', 'varies');
    // "some days nothing some days heaps, hard to say": levels that swing, and the patient says they cannot choose.
    if (found.some((m) => m.value === 'unsure') && levelsIn(found).size >= 2 && severitySpread(found) >= 2) return miss('ambiguous', 'varies');
    // "knee clicks n grinds a bit but doesnt hurt": how much it clicks is no limit when it is said not to hurt.
    const painless = found.some((m) => m.value === 'none' && PAINLESS.has(phrase(m)));
    // (Only the amount said of the noise: "clicks and grinds a bit and is pretty stiff, doesnt hurt" is still stiff.)
    const noises = tokens.flatMap((t, i) => (painless && NOISES.has(t) ? [i] : []));
    const ofANoise = (m: Match<DifficultyWord>) => m.value === 'some' && NOISE_AMOUNTS.has(phrase(m)) && noises.some((i) => m.start > i && m.start - i <= 3);
    if (noises.length > 0) found.splice(0, found.length, ...found.filter((m) => !ofANoise(m)));
    const neg = negated(tokens, found);
    const has = (q: Qualifier) => found.some((m) => m.value === q);
    // (Typed wide: it is set inside the callback below, which the compiler's narrowing does not follow.)
    let best = null as Difficulty | null;
    let hardClause = -1;
    let unableClause = -1;
    found.forEach((m, k) => {
      if (!LEVELS.has(m.value)) return;
      let level: Difficulty | null = m.value as Difficulty;
      // "a bit painful" is some difficulty, not a lot: the softener governs the word after it.
      const prev = found[k - 1];
      if (level === 'a_lot' && prev?.value === 'some' && m.start - prev.end <= 1 && SOFTENERS.has(tokens[prev.start]!)) level = null;
      // "not hard" still says something; "not fine" alone does not say how much.
      if (neg[k]) level = level === 'unable' ? 'a_lot' : level === 'a_lot' ? 'some' : null;
      if (level === 'a_lot') hardClause = clause[m.start]!;
      if (level === 'unable') unableClause = clause[m.start]!;
      if (level !== null && (best === null || SEVERITY[level] > SEVERITY[best])) best = level;
    });
    // Hard one way, fine another ("gum is a no go but normal food is ok"): some. Not for a task that is impossible
    // ("jars are impossible, holding a cuppa is ok"): that is a lot, below.
    const easeElsewhere = (from: number) => found.some((m, k) => m.value === 'none' && !neg[k] && EASE.has(phrase(m)) && clause[m.start] !== from);
    if (best === 'a_lot' && easeElsewhere(hardClause)) best = 'some';
    // Not fully, or one task within the movement, is a lot, not unable. A task counts when it is what cannot be done ("cant pick up
    // my 2 yr old at all, hubby does it"), not when someone else's task follows ("cant bend at all, wife does my socks").
    // ("can't even pick up the kettle" names the lightest task to say how bad it is: still unable.)
    const even = found.some((m) => m.value === 'unable' && clause[m.start] === unableClause && EVEN.has(phrase(m)));
    // ("cant bend much": not as far, so a lot; "too much" is how bad.)
    const notMuch = tokens.some((t, i) => t === 'much' && clause[i] === unableClause && !MUCH_INTENSIFIED.has(tokens[i - 1] ?? ''));
    const partlyUnable = !even && (notMuch || found.some((m) => m.value === 'partly' && clause[m.start] === unableClause));
    // Impossible one way, fine the other ("cant turn to the left at all, right is ok"): a lot, not unable.
    if (best === 'unable' && unableClause >= 0 && !partlyUnable && DIRECTIONS.some((d) => tokens.includes(d)) && easeElsewhere(unableClause)) best = 'a_lot';
    // Fine with the lighter task first, then what cannot be done ("groceries are ok, the 20kg dog food not a chance",
    // "squats ok with an empty bar, cant load it"): the patient leads with what they can do, so some.
    const easeFirst = unableClause > 0 && found.some((m, k) => m.value === 'none' && !neg[k] && EASE.has(phrase(m)) && clause[m.start]! < unableClause);
    if (best === 'unable' && !partlyUnable && easeFirst) best = 'some';
    // Done another way, or not fully: a lot, not unable.
    if (best === 'unable' && (partlyUnable || has('other_way'))) best = 'a_lot';
    // Someone else does the task now ("cant walk the dog anymore, the neighbour's been taking him"): one task within
    // the movement, a lot (the corpus's settled rule). Not the whole movement: "at all", "anything", or a body part
    // that cannot be moved ("cant get my arm past shoulder height, hubby gets the plates down").
    if (best === 'unable' && someoneElseDoesTheTask(tokens, clause, unableClause)) best = 'a_lot';
    // Done another way and nothing worse said ("carry the basket on my hip now, its ok like that"): some; forced to
    // ("hanging out the washing i have to use my other arm"): the sore side cannot do that task, a lot.
    if ((best === null || best === 'none') && has('other_way')) best = forcedOtherWay(tokens, found) ? 'a_lot' : 'some';
    // "cant sleep on my side is all", "only when I turn quick": limited only some of the time.
    // "only looking up, looking down is fine": the fine part is the other circumstance, so still some.
    // "only 2k now, used to do ten" is an amount, not a circumstance: a lot, as "can only" is.
    const onlyAmount = tokens.some((t, i) => t === 'only' && (isAmount(tokens[i + 1]) || (ROUGHLY_AMOUNT.has(tokens[i + 1]!) && isAmount(tokens[i + 2]))));
    if (onlyAmount && (best === null || SEVERITY[best] < SEVERITY.a_lot)) best = 'a_lot';
    // ("only with my walking frame", "only use the mirrors now" are an aid or a workaround, not a circumstance.)
    // ("don't run, never have. only if something's chasing me": not done, whatever the "only".)
    else if ((has('only') || (LIMITING_OPENERS.has(tokens[0]!) && !ONLY_WITH.has(tokens[1]!))) && !(best === null && has('not_done'))) best = 'some';
    // Lasting only minutes before having to stop is a lot; longer is some.
    if (has('must_stop')) {
      const lasts: Difficulty = tokens.some((t) => SHORT_SPANS.has(t)) ? 'a_lot' : 'some';
      if (best === null || SEVERITY[lasts] > SEVERITY[best]) best = lasts;
    }
    // "n/a, haven't run since high school": not done long before the pain, not stopped by it.
    const longAgo = found.some((m) => m.value === 'not_done' && ((m.start === 0 && NOT_APPLICABLE.has(phrase(m))) || tokens[m.start - 1] === 'since' || phrase(m).includes('since ')));
    if (longAgo && best === 'unable') best = 'none';
    if (best === null && has('not_done')) best = 'none';
    // Less than before, in numbers: as much as the drop says, unless more was said.
    // "i can do it but it grabs, gotta go slow", "gotta push off the arms of the chair … but i get there": done, with
    // a cost, is some, unless the patient calls it hard in as many words.
    if (best === 'a_lot' && findAll(tokens, DONE_ANYWAY).length > 0 && !found.some((m, k) => m.value === 'a_lot' && !neg[k] && SAID_HARD.has(phrase(m)))) best = 'some';
    const compared = best === null || best === 'some' ? comparedWithBefore(tokens, past) : null;
    if (compared && (best === null || SEVERITY[compared] > SEVERITY[best])) best = compared;
    return best === null ? miss('not_understood') : ok(best);
  });
}

/** A bare "no" after the movement echoed as a question, with a laugh or not: "running? lol no", "stairs? nah". */
const BARE_NO = new Set(['no', 'nah', 'nope', 'noo', 'nooo']);
const LAUGHS = new Set(['lol', 'haha', 'hahaha', 'ha', 'lmao', 'rofl', 'hah', 'heh']);
function echoedNo(tokens: readonly string[]): boolean {
  const q = tokens.lastIndexOf('?');
  if (q <= 0) return false;
  const after = tokens.slice(q + 1).filter((t) => /^[a-z0-9]/.test(t));
  const before = tokens.slice(0, q).filter((t) => /^[a-z0-9]/.test(t));
  if (before.length > 3 || after.length === 0) return false;
  // "run? i no run": the learner's "I no run" after the movement echoed is "I don't" as much as "I can't".
  const learners = after.length === 3 && after[0] === 'i' && after[1] === 'no' && before.includes(after[2]!);
  return learners || (after.some((t) => BARE_NO.has(t)) && after.every((t) => BARE_NO.has(t) || LAUGHS.has(t)));
}

/** Noises a joint makes, and the words that say they do not hurt. */
const NOISES = new Set(['clicks', 'click', 'clicking', 'clicky', 'grinds', 'grinding', 'cracks', 'cracking', 'crunches', 'crunching', 'crunchy', 'pops', 'popping', 'clunks', 'clunking', 'creaks', 'creaky', 'creaking']);
const PAINLESS = new Set(['doesnt hurt', 'dont hurt', 'no pain', 'not sore']);
const NOISE_AMOUNTS = new Set(['a bit', 'bit', 'a little', 'a little bit', 'little bit', 'slightly', 'a tad', 'sometimes']);

/** "have to use the other arm", "gotta swap hands": the other way is forced, not chosen. */
const FORCED_TO = new Set(['have', 'has', 'had', 'need', 'needs', 'got']);
const FORCED = new Set(['gotta', 'must']);
const FORCED_REACH = 4;
function forcedOtherWay(tokens: readonly string[], found: ReadonlyArray<Match<DifficultyWord>>): boolean {
  return found.some((m) => {
    const from = Math.max(0, m.start - FORCED_REACH);
    // ("sleeps on the other side now": the side the pain keeps them off, forced too.)
    if (m.value === 'other_way' && tokens[m.end - 1] === 'now') return true;
    return tokens.slice(from, m.start).some((t, k) => FORCED.has(t) || (FORCED_TO.has(t) && tokens[from + k + 1] === 'to'));
  });
}

/** Who does it for them, and the doing, in another clause than the can't. */
const HELPERS = new Set(['hubby', 'husband', 'wife', 'partner', 'missus', 'son', 'daughter', 'kids', 'mum', 'dad', 'someone', 'somebody', 'mate', 'neighbour', 'neighbours', 'girls', 'boys', 'colleague', 'workmate', 'offsider', 'apprentice', 'other', 'others']);
const DOING = new Set(['does', 'do', 'did', 'doing', 'lifts', 'changes', 'carries', 'passes', 'opens', 'helps', 'takes', 'taking', 'walks', 'hangs', 'tucks']);
/** The whole movement ("at all", "anything"), or the patient's own body part ("my arm"), in the can't clause. */
const WHOLE = new Set(['all', 'anything', 'nothing']);
const OWN_PART = new Set(['arm', 'arms', 'leg', 'legs', 'head', 'neck', 'back', 'shoulder', 'knee', 'hip', 'wrist', 'hand', 'body']);

function someoneElseDoesTheTask(tokens: readonly string[], clause: readonly number[], unableClause: number): boolean {
  if (tokens.some((t, i) => clause[i] === unableClause && (WHOLE.has(t) || (OWN_PART.has(t) && tokens[i - 1] === 'my')))) return false;
  const others = new Map<number, string[]>();
  tokens.forEach((t, i) => {
    if (clause[i] !== unableClause) others.set(clause[i]!, [...(others.get(clause[i]!) ?? []), t]);
  });
  return [...others.values()].some((words) => words.some((w) => HELPERS.has(w) || w.endsWith('s') && HELPERS.has(w.slice(0, -1))) && words.some((w) => DOING.has(w) || w === 'to'));
}

const MUCH_INTENSIFIED = new Set(['too', 'so', 'very']);

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twenty', 'half']);
const ONLY_WITH = new Set(['with', 'use', 'using']);

/** One way and the other: a movement impossible one way only is a lot. */
const DIRECTIONS = ['left', 'right', 'up', 'down', 'forward', 'forwards', 'back', 'backwards', 'sideways'];

/** "only about ten minutes": a hedge between "only" and its amount. */
const ROUGHLY_AMOUNT = new Set(['about', 'around', 'like', 'maybe', 'bout']);
/** "2k", "10", "five", "half": an amount after "only" (not "a", which begins "only a bit"). */
function isAmount(t: string | undefined): boolean {
  return t !== undefined && (/^\d/.test(t) || NUMBER_WORDS.has(t));
}

const BACK_TO_NOW = new Set(['now', 'nowadays', 'these', 'today', 'currently']);

/**
 * Which words say what it was like before: from "used to" or "was doing" to the end of the clause, or to a
 * "now" ("used to do 10 laps now i do 8").
 */
function pastWords(tokens: readonly string[]): boolean[] {
  const clause = clauseIds(tokens);
  let past = false;
  return tokens.map((t, i) => {
    if (i > 0 && clause[i] !== clause[i - 1]) past = false;
    if (BACK_TO_NOW.has(t)) past = false;
    // "before ok now no": "before" is the past when a "now" follows.
    const before = t === 'before' && tokens.indexOf('now', i + 1) > i;
    if ((t === 'used' && tokens[i + 1] === 'to') || (t === 'was' && tokens[i + 1] === 'doing') || before) past = true;
    return past;
  });
}

/**
 * "was doing 8k, now its more like 1k", "squats from 100kg to 40": an amount now against one before. Half or
 * less is a lot; less than before, some. Null when the answer does not compare two amounts.
 */
function comparedWithBefore(tokens: readonly string[], past: readonly boolean[]): Difficulty | null {
  const amounts = tokens.flatMap((_, i) => {
    const n = i > 0 && readNumber(tokens, i - 1)?.end === i + 1 ? null : readNumber(tokens, i);
    return n ? [{ at: i, value: n.value, past: past[i]! || tokens[i - 1] === 'from' }] : [];
  });
  const before = amounts.find((a) => a.past);
  const now = amounts.find((a) => !a.past && a.at > (before?.at ?? -1)) ?? amounts.find((a) => !a.past);
  if (!before || !now || before.value <= 0 || now.value >= before.value) return null;
  return now.value / before.value <= 0.5 ? 'a_lot' : 'some';
}

function clauseIds(tokens: readonly string[]): number[] {
  let id = 0;
  return tokens.map((t) => (CLAUSE_ENDS.has(t) ? ++id : id));
}
