// Why it started: "lifted a box at the gym", "stress at work", "desk job", "slept funny", "no idea".
import type { Cause } from '../vocabulary.js';
import { assert } from './assertions.js';
import { aThingBroke } from './brokenThings.js';
import { FULL_STOPS, findAll, lexicon, negated, sentenceIds, type Match } from './phrases.js';
import { parsePainScore } from './painScore.js';
import { afterLastCorrection } from './sides.js';
import { guarded, miss, ok } from './result.js';
import { isBlank, saturdays, tokenise, wordCount } from './text.js';
import type { Understood } from './types.js';

/**
 * Words whose cause depends on what else the patient says (see resolve() below):
 *   sport     a sport or workout: strain; where they got hurt when an injury is named with it
 *             ("rolled my ankle at netball"); overuse when done often ("tennis 4 times a week")
 *   floor_work on the knees (tiling, weeding): posture when done once, overuse when kept up all day or all weekend,
 *             anywhere in the message ("tiling in july, laying tiles all day")
 *   setting   a desk, laptop or screen: repetitive use, unless a posture word says what about it
 *             ("hunched over my laptop", "fell asleep at my desk")
 *   thing     bedding and furniture: posture, unless it is what was lifted ("lifting the mattress")
 *   waking    "woke up with it": no position said, so unknown; a pillow, a couch or sleeping funny names the posture
 *   manner    "awkwardly": posture, unless it says how something was lifted or played in the same clause
 *   stressor  a life event: stress, unless it is a purpose ("practising for my exam")
 *   often     how much of a sport ("heaps", "4 times a week", "upped my kms")
 *   daily     day after day ("every day", "8 hrs a day"): a sport done so is overuse; an unlisted job task too
 *   spell     days of it ("all weekend"): makes work on the knees overuse, but not a sport
 *   all_day   one long spell ("all day", "all night"): makes an unlisted job task overuse, but a sport only overdone
 *   hours     "for hours": as all_day, except that a task done for hours in a posture named is the posture alone
 *   repeats   "over and over": a lift or a sport in the same clause is overuse; alone, overuse
 *   resolved  "long healed", "that's gone": the events before it in that sentence are over
 *   aggravated "made it way worse": what is in that sentence made it worse, so it gives way to a cause said elsewhere
 *   vague     words that look like a cause but name none ("trip to", "long story", "a bit of everything")
 *   medicine  a medicine started before it: other, even when someone else prescribed it ("they put me on new tablets")
 */
type Marker = 'sport' | 'floor_work' | 'setting' | 'thing' | 'waking' | 'manner' | 'stressor' | 'often' | 'daily' | 'all_day' | 'hours' | 'spell' | 'week' | 'offered' | 'overhead_work' | 'repeats' | 'resolved' | 'aggravated' | 'vague' | 'medicine' | 'child';
type CauseWord = Cause | Marker;

const LEXICON = lexicon<CauseWord>([
  [
    'strain',
    [
      'lifting', 'lift', 'lifted', 'lifted a box', 'heavy lifting', 'overdid it', 'overdid', 'overdoing it',
      'overexertion', 'overexerted', 'pulled a muscle', 'pulled something', 'pulled', 'strain', 'strained',
      'chucking', 'chuckin', 'hay bales', 'bales', 'moving house', 'moving furniture', 'carry', 'bag of rice', 'rice bag', 'fridge', 'the fridge', 'move the fridge', 'move the couch', 'moved the couch', 'move furniture', 'tweaked', 'twisted', 'carrying', 'carried', 'shifting', 'carry him', 'carry her', 'carry them', 'lift him', 'lift her', 'pick him up', 'pick her up',
      // Moving a person: "helping mum in and out of bed", "getting dad up off the floor".
      // A child carried on the hip ("shes on my hip all day every day": day after day, overuse).
      'shes on my hip', 'hes on my hip', 'her on my hip', 'him on my hip',
      // Moving a patient in bed, and barrowing a load: "rolled a heavy pt on nights", "6 cubic metres of mulch by wheelbarrow".
      'rolled a heavy', 'rolled a patient', 'rolled a pt', 'rolling patients', 'rolling a patient', 'roll a patient', 'pt transfer', 'patient transfer',
      'wheelbarrow', 'barrowing', 'cubic metres', 'cubic meters', 'spreading mulch', 'spread mulch', 'barrow loads',
      'helping her in', 'helping him in', 'helping her out', 'helping him out of', 'helping her up', 'helping him up',
      'getting her up', 'getting him up', 'helping mum', 'helping dad', 'transferring', 'transfers',
      'pushed too hard', 'heavy', 'bending', 'manual handling', 'sprinting', 'reached', 'picked up', 'picking up',
      // Heavy jobs around the house and yard.
      'mowing', 'mowed', 'mowing the lawn', 'shovelling', 'shoveling', 'shovelled', 'shovel', 'digging', 'dug', 'pavers',
      'laying pavers', 'paving', 'landscaping', 'pulling', 'pulling out', 'pushing', 'wrestling', 'hauling', 'hauled', 'dragging',
      'dragged', 'unloaded', 'unloading', 'loading', 'renovating', 'renovation', 'renovations', 'renos', 'ripping up', 'ripping out',
      'doing too much', 'did too much', 'done too much', 'moving', 'moved house', 'since we moved house', 'since moving house', 'since i moved house', 'removalist', 'firewood', 'chopping wood',
      'chopping firewood', 'splitting wood', 'splitting firewood', 'cutting wood', 'shopping bags', 'bent down', 'bending down',
      'pick up', 'pick something up', 'caught', 'catching', 'chasing', 'building', 'playing with the kids', 'rough housing',
      'mucking around',
      // Jobs that are mostly lifting and handling.
      'aged care', 'labourer', 'bricklayer', 'scaffolder', 'landscaper',
      // A sudden effort that "set it off".
      'sneezed', 'sneeze', 'sneezing', 'something went', 'something gave', 'something popped', 'felt something go',
      'felt my back go', 'felt it go', 'felt my neck go', 'swung', 'swinging him', 'swinging her',
    ],
  ],
  [
    'sport',
    [
      'gym', 'sport', 'sports', 'gardening', 'raking', 'raking leaves', 'raked', 'freestyle', 'butterfly', 'backstroke', 'breaststroke', 'swim', 'swims', 'laps', 'tri', 'overhead press', 'shoulder press',
      'military press', 'footy', 'football', 'soccer', 'netball', 'basketball', 'tennis', 'golf', 'cricket', 'rugby', 'hockey',
      // Training for a sport ("she trains 4 times a week plus games on saturday"; "the train" is read below).
      'train', 'trains', 'trained', 'trainings',
      // Lawn bowls, and its weekly competition.
      'bowls', 'lawn bowls', 'lawnbowls', 'pennant', 'pennants',
      'surfing', 'workout', 'working out', 'exercise', 'exercising', 'running', 'run', 'ran', 'jogging', 'weights', 'crossfit',
      'hit the gym', 'squats', 'deadlift', 'deadlifts', 'deadlifting', 'hike', 'marathon', 'hiking', 'cycling', 'yoga',
      'pilates', 'dancing', 'swimming', 'bowling', 'in the nets', 'nets',
      'climbing', 'boxing', 'martial arts', 'bjj', 'skiing', 'snowboarding', 'squash', 'rowing', 'rowing machine', 'paddling',
      'kayaking', 'volleyball', 'badminton', 'ballet', 'dance', 'f45', 'hiit', 'bootcamp', 'boot camp', 'spin class', 'parkrun',
      'park run', 'triathlon', 'half marathon', 'ironman', 'bike', 'bike ride', 'bike riding', 'biking', 'mountain biking',
      'riding',
      'horse riding', 'bushwalking', 'bushwalk', 'trail running', 'gymnastics', 'karate', 'judo', 'taekwondo', 'kickboxing',
      'mma',
      'muay thai', 'jiu jitsu', 'footy training', 'soccer training', 'netball training', 'at training', 'training session',
      'skateboarding', 'skating', 'wakeboarding', 'waterskiing', 'baseball', 'softball', 'afl', 'oztag',
      'touch footy', 'lawn bowls', 'pickleball', 'padel', 'water polo', 'push ups', 'pushups', 'press ups', 'pull ups',
      'chin ups',
      'futsal', 'sprint', 'doing a sprint', 'bowls', 'pennant', 'bucket of balls', 'driving range', 'at the range', 'hitting balls',
      'burpees', 'lunges', 'kettlebell', 'kettlebells', 'bench press', 'sit ups', 'situps', 'crunches', 'leg day',
      'personal trainer', '9 holes', '18 holes', '27 holes', '36 holes', 'nine holes', 'eighteen holes', 'round of golf',
    ],
  ],
  [
    'stress',
    [
      'stress', 'stressed', 'stressful', 'stressing', 'stresses', 'stressing me out', 'anxiety', 'anxious', 'tension', 'tense',
      'work pressure', 'pressure', 'worry', 'worried', 'emotional', 'grief', 'burnout', 'burnt out', 'burned out', 'overwhelmed',
      'clenching', 'grinding my teeth', 'teeth grinding', 'upset', 'depression', 'depressed', 'tough time', 'hard time',
      'been a mess', 'a mess', 'a wreck', 'falling apart', 'not coping',
    ],
  ],
  [
    'stressor',
    [
      'exams', 'exam', 'deadlines', 'deadline', 'divorce', 'divorced', 'marriage breakdown', 'breakup', 'broke up', 'new boss',
      'my boss',
      'boss', 'wedding planning', 'planning a wedding', 'planning the wedding', 'planning my wedding', 'redundancy',
      'crunch time', 'made redundant', 'lost my job', 'funeral', 'bereavement', 'passed away', 'died', 'death', 'money worries', 'finances',
      'mortgage', 'bills', 'debt', 'separated', 'separation', 'split up', 'left me', 'walked out', 'hubby left',
      'husband left', 'wife left', 'partner left', 'bullying', 'bullied', 'harassment', 'fight with', 'fighting with', 'argument', 'arguments',
      // Australian for overloaded.
      'so busy', 'busy at work', 'busy period', 'flat out', 'under the pump', 'full on', 'hectic', 'overworked', 'workload',
      'restructure', 'restructuring', 'clenching my jaw', 'shoulders up round my ears', 'shoulders up around my ears',
      'my teenager', 'teenager', 'teenagers', 'the teenagers',
      // A death in the family, said the way people say it.
      'husband passed', 'wife passed', 'partner passed', 'mum passed', 'dad passed', 'mother passed', 'father passed',
      'passed on', 'lost my husband', 'lost my wife', 'lost my partner', 'lost my mum', 'lost my dad',
    ],
  ],
  [
    'repetitive_use',
    [
      'desk work', 'typing', 'repetitive', 'repetition', 'repetitive strain', 'rsi',
      'mouse', 'tools', 'same movement', 'same movements', 'training', 'overuse', 'overused', 'keyboard',
      'playing guitar', 'guitar', 'playing piano', 'playing the piano', 'play the piano', 'play piano', 'piano practice', 'piano lessons', 'at the piano', 'violin', 'knitting', 'sewing', 'factory', 'assembly line',
      'writing', 'texting', 'scrolling', 'manual work', 'manual labour', 'hairdressing', 'trade',
      'tradie', 'construction', 'on my feet all day',
      // Jobs and tasks done over and over (the job names the task: "I'm a dental hygienist").
      'hairdresser', 'scissors', 'chef', 'chopping', 'checkout', 'scanning', 'cashier', 'hygienist', 'dental hygienist',
      'barista', 'pulling shots', 'pull shots', 'pulling coffees', 'nail salon', 'nail tech', 'doing nails',
      'tamping', 'tamp', 'housekeeping', 'making beds', 'beds a shift', 'tucking in', 'rattle gun', 'impact driver', 'impact gun', 'nail gun', 'angle grinder', 'jackhammer', 'power tools', 'press brake', 'nails', 'do the nail', 'do the nails', 'cleaner', 'cleaning', 'mopping', 'vacuuming', 'scrubbing', 'sanding', 'polishing', 'data entry', 'packing',
      'pack boxes', 'warehouse', 'practice', 'practising', 'practicing', 'packer', 'stacking shelves', 'shelf stacking',
      'stocking shelves', 'production line', 'conveyor', 'massage therapist', 'massage', 'massaging', 'drums', 'drumming',
      'drummer',
      'cello', 'guitarist', 'pianist', 'violinist', 'musician', 'crochet', 'crocheting', 'embroidery', 'cross stitch', 'ironing',
      'drilling', 'screwdriver', 'power tools', 'spanner', 'receptionist', 'admin', 'office worker', 'accountant',
      'programmer', 'software', 'call centre', 'pruning', 'secateurs', 'clipping', 'trimming', 'kneeling',
      'shearing', 'shearer', 'crutching', 'in the sheds', 'fruit picking', 'picking fruit', 'milking',
      // Tools swung or pedals worked for years or a tour: "swinging a hammer for 22 years", "been hammering it for the tour".
      'swinging a hammer', 'swing a hammer', 'swung a hammer', 'hammering', 'hammering it', 'hammering away', 'on the tools', 'do nail', 'doing nail',
    ],
  ],
  ['setting', ['desk', 'desk job', 'computer', 'laptop', 'screen', 'screens', 'office work', 'office job']],
  [
    'injury',
    [
      'fell', 'fall', 'a fall', 'fell over', 'fell off', 'accident', 'car crash', 'crash', 'car accident', 'injured', 'injury',
      'hit',
      'got hit', 'hit by', 'whiplash', 'tackle', 'tackled', 'slipped', 'slip', 'tripped', 'trip', 'knocked', 'bumped',
      'rolled my ankle', 'rolled', 'sprained', 'sprain', 'dislocated', 'broke', 'broken', 'fracture', 'fractured', 'collision',
      'came off my bike', 'bike accident', 'assaulted', 'landed on', 'slipping', 'tripping', 'acl', 'tore', 'ruptured', 'rupture',
      // Surf: "wiped out surfing at Bells, got dumped onto the sand bar".
      // ("wiped out from night shifts" is exhaustion.)
      'wiped out surfing', 'wiped out on a wave', 'wiped out on my board', 'wiped out on the bike', 'wiped out on my bike', 'wiped out skiing',
      'wiped out snowboarding', 'wipeout', 'dumped onto', 'dumped by a wave', 'got dumped by a wave', 'smashed by a wave', 'hit by a wave', 'dumped into the sand',
      'came off', 'come off', 'stacked it', 'came a cropper', 'went over on', 'went over on my ankle', 'twisted my ankle', 'twisted my knee',
      'turned my ankle', 'stepped in a hole', 'missed a step', 'missed the step', 'landed awkwardly', 'landed badly',
      'rear ended', 'landed', 'landed flat', 'pulled me over', 'knocked me over', 'pulled me down',
      'rear end', 'prang', 'bingle', 'fender bender', 'hit by a car', 'knocked off', 'walked into', 'ran into', 'banged',
      'bashed',
      'whacked', 'smashed', 'jammed', 'stubbed', 'kicked by', 'punched', 'elbowed', 'concussion', 'old injury',
      // Not "torn" alone: "turn my head" is one letter away.
      'threw me', 'thrown', 'thrown off', 'got thrown', 'bucked off', 'copped a knee', 'copped a hit', 'copped a knock', 'corky', 'got kneed', 'got elbowed',
      'corked', 'a cork',
      // Pinned or crushed by an animal or a load: "cow pinned me against the crush rail".
      // Coming down on the bottom in a slip is the fall, not sitting: "slipped in the bathroom and sat down hard".
      'sat down hard', 'sat down heavily', 'landed on my bum', 'landed on my backside', 'landed on my tailbone',
      // A dog that bolts on the lead: "took off after a possum with the lead wrapped round my hand".
      'lead wrapped', 'the lead wrapped', 'dog pulled', 'dog took off', 'dog bolted', 'yanked', 'got yanked',
      'pinned me', 'pinned against', 'pinned my', 'got pinned', 'crushed my', 'got crushed', 'bruised up', 'got bruised', 'trampled', 'stood on my foot', 'stood on my toe', 'stood on my toes', 'kicked me',
      'torn ligament', 'torn muscle', 'torn tendon', 'torn meniscus', 'torn cartilage',
    ],
  ],
  [
    'posture',
    [
      'posture', 'bad posture', 'poor posture', 'slept funny', 'slept wrong', 'slept badly', 'slept awkwardly', 'slept on it',
      'slept weird', 'slept in a weird position', 'awkward position', 'sitting', 'sat', 'standing',
      // ("sitting all day" is sitting and a marker: as one phrase it swallowed "scanning all day", a typo away.)
      'slouching', 'slouch', 'hunched', 'hunch', 'i hunch', 'postural', 'posturally', 'like a prawn', 'sit like a prawn', 'on my feet all day', 'on my feet all shift',
      'standing on concrete', 'standing on the concrete', 'on concrete all day', 'on the concrete all day', 'on my feet on the concrete',
      // Hours on the couch or at a console are sitting, not a repeated movement; so is sitting at a bad angle.
      'gaming', 'gaming marathon', 'gaming session', 'netflix marathon', 'movie marathon', 'sit for', 'sit too long', 'sit for too long', 'too low', 'too high', 'hunching', 'looking down at my phone',
      'looking at my phone', 'on my phone', 'text neck', 'new pillow', 'bad chair', 'long drive', 'driving', 'bad bed',
      'fell asleep on the couch', 'fell asleep on the lounge', 'fell asleep', 'breastfeeding', 'carrying my baby',
      'wrong position',
      'weird position', 'funny position', 'way i sleep', 'sleeping position', 'sleeping', 'how i sleep', 'sleep position',
      // A movement made awkwardly is about the position, not the load.
      'reached awkwardly', 'reaching awkwardly',
      // Held positions: holding, cradling, kneeling on the floor, under a car, arms or eyes overhead.
      'holding', 'cradling', 'cradled', 'under cars', 'under the car', 'under the house', 'under the sink',
      'crouching', 'crouched', 'painting', 'neck bent', 'bent neck', 'head down',
      // Long sitting while travelling, and a makeshift or badly set up workstation.
      // (Not "jammed in" or "squashed in" alone: "jammed in the door" is an injury, "smashed in a tackle" a typo away.)
      'flight', 'long flight', 'long haul', 'flying', 'flew', 'plane', 'jammed in economy', 'jammed in a seat', 'crammed in',
      'cramped', 'in economy', 'economy class', 'wfh', 'working from home', 'work from home', 'kitchen table', 'working off the kitchen bench', 'working at the kitchen bench', 'off the kitchen bench',
      'dining table', 'standing desk', 'set up wrong', 'setup', 'ergonomics', 'hotel bed', 'new bed', 'old bed', 'soft bed',
      'spare bed', 'swag', 'driver', 'truck driver', 'truckie', 'drive', 'drove', 'commute', 'commuting', 'road trip',
      'watching tv', 'watching telly', 'slept', 'slumped', 'slumping', 'leaning over', 'looking down',
      'looking up', 'craning', 'phone', 'look down', 'always look down', 'in roofs', 'in the roof', 'in ceilings', 'roof space',
      'crawl space', 'electrician', 'painter', 'bent over', 'bending over', 'always bend over', 'always bending over',
      'bend over all day', 'bent over all day',
      'twisted up', 'all twisted', 'lie on it all twisted', 'lying all twisted', 'bent right over', 'bent right down', 'contorted', 'twisted round', 'twisted around', 'watching the cricket', 'watching the footy',
      'watching footy', 'watching the tennis', 'watching sport', 'ceiling cavities', 'ceiling cavity', 'sparky',
      'tractor', 'harvester', 'header', 'forklift', 'excavator',
    ],
  ],
  // Working on the knees or floor: a position when done once ("tiling the bathroom on my knees"), overuse when
  // kept up for days ("laying tiles all week on my knees", "weeding all sat n sun").
  // Work held overhead or crawling: the position done for a weekend, overuse kept up all day or for a week.
  ['overhead_work', ['overhead', 'ceiling', 'ceilings', 'crawling', 'up ladders']],
  // Work on the knees: posture done once, overuse kept up for days or all day.
  ['floor_work', ['on my knees', 'on me knees', 'knelt', 'kneeling on', 'grouting', 're grouting', 'tiler', 'tiling', 'laying tiles', 'laying floor tiles', 'laid tiles', 'laid the tiles', 'laying the tiles', 'tiled', 'weeding', 'pulling weeds', 'pullin weeds', 'pulling out weeds']],
  ['thing', ['new bike', 'bike fit', 'bike setup', 'mattress', 'air mattress', 'pillow', 'couch', 'lounge', 'sofa', 'recliner', 'chair', 'office chair', 'car seat', 'seat']],
  ['medicine', ['cholesterol tablets', 'blood pressure tablets', 'statins', 'new medication', 'new tablets', 'new medicine', 'new pills', 'started me on', 'put me on new']],
  ['waking', ['woke up with it', 'woke up like this', 'woke up with', 'woke up', 'woke', 'waking up']],
  // "awkward", "awkwardly": the position, unless it says how something was lifted ("picked up my toddler awkwardly").
  ['manner', ['awkward', 'awkwardly', 'shocking angle', 'weird angle', 'funny angle', 'bad angle', 'awkward angle']],
  [
    'other',
    [
      // Causes outside the categories that patients name plainly: footwear, age, hormones, a condition or an operation.
      'new shoes', 'old shoes', 'bad shoes', 'work shoes', 'new work shoes', 'new boots', 'work boots', 'wrong shoes', 'heels', 'getting older', 'getting old', 'old age', 'my age',
      'ageing', 'aging', 'menopause', 'caught a cold', 'caught covid',
      'perimenopause', 'pregnancy', 'pregnant', 'arthritis', 'wear and tear', 'surgery', 'operation', 'replacement',
      'slipped disc', 'disc bulge', 'bulging disc',
      // An illness's cough (and not "crouching", two letters away).
      'coughing', 'coughed',
      'age', 'ra', 'rheumatoid', 'lupus', 'birth', 'giving birth', 'gave birth', 'had a baby', 'postpartum', 'c section',
      'caesarean', 'weight gain',
      // An illness before it ("after i had covid, everything aches").
      'covid', 'had covid', 'long covid', 'post covid', 'the flu', 'flu', 'a virus', 'virus', 'glandular fever', 'pneumonia',
      'bronchitis', 'a cold', 'flu jab', 'flu shot', 'vaccine', 'vaccination', 'booster',
      'put on weight', 'gained weight', 'overweight', 'hormones', 'hormonal', 'scoliosis', 'osteoarthritis', 'gout',
      'flat feet', 'fibromyalgia', 'fibro', 'fibro flare', 'diabetic', 'diabetes', 'the sugar', 'frozen shoulder', 'endometriosis', 'growth spurt', 'growing pains', 'medication', 'side effect', 'side effects',
      // Cold air on it: "office aircon is blowing on my neck whole day".
      'aircon', 'air con', 'air conditioner', 'air conditioning', 'the cold', 'cold weather', 'cold air', 'draught', 'draft', 'cold wind',
      // New or different footwear, and treatment for an illness.
      'steel caps', 'steel capped boots', 'work boots', 'new boots', 'new work boots', 'new runners', 'new sneakers', 'orthotics',
      'cancer treatment', 'chemo', 'chemotherapy', 'radiation therapy', 'radiation treatment', 'radiotherapy', 'treatment', 'statins', 'new tablets', 'new meds',
    ],
  ],
  [
    'unknown',
    [
      'not sure', 'unsure', 'dont know', 'do not know', 'no idea', 'just started', 'no reason', 'nothing',
      'nothing in particular',
      'no clue', 'out of nowhere', 'out of the blue', 'came on by itself', 'came on its own', 'just happened', 'it just happened',
      'cant remember', 'cant think', 'not certain', 'unknown', 'no particular reason', 'just appeared', 'gradually', 'no cause',
      'nothing specific', 'who knows', 'cant say', 'havent got a clue', 'got no clue', 'havent a clue', 'no flippin idea',
      // Onset without a cause, a denial of any event, and a fear voiced instead of a cause.
      'this started', 'it started', 'no injury', 'no trauma', 'no accident', 'nothing happened', 'didnt do anything',
      'hope its not', 'hope it isnt', 'hope its nothing', 'not really sure', 'not exactly sure', 'not a clue', 'no real idea',
      'beats me', 'randomly', 'random', 'for no reason', 'on its own', 'by itself', 'crept up', 'came on slowly', 'over time',
      'built up', 'nothing i know of', 'not that i know of', 'cant pinpoint',
      // Clinicians' shorthand for the same: "insidious onset, no MOI" (no mechanism of injury).
      'insidious onset', 'insidious', 'gradual onset', 'no moi', 'no mechanism',
      'could not say', 'couldnt say', 'cannot say', 'simply came on', 'it came on', 'just came on',
      // Nobody has said what did it; a joking "you tell me" is a patient who doesn't know (asking again gets nothing new).
      'didnt say what caused', 'didnt say why', 'no one knows', 'nobody knows', 'you tell me', 'mate you tell me', 'your job to tell me', 'thats your job', 'isnt that your job',
    ],
  ],
  [
    'often',
    [
      'heaps', 'lots', 'a lot', 'times a week', 'times per week', 'days a week', 'km a week', 'kms a week', 'k a week',
      'km per week',
      'every morning', 'every night', 'every week', 'every weekend', 'daily', 'upped', 'upped it', 'bumped up', 'ramped up',
      'increased', 'more than usual', 'kms', 'every saturday', 'every sunday', 'each week', 'weekly', 'most days',
      'most mornings', 'nights a week', 'night a week',
      'twice a week', 'times a day', 'twice a day', 'every arvo', 'every afternoon', 'every evening', 'all the time',
      'constantly',
      'non stop', 'more often', 'doubled',
      // "from all the running", "all the training": the amount of it.
      'all the running', 'all the training', 'all the kms', 'all the miles', 'from all the',
    ],
  ],
  // Day after day: a sport done like this is overuse ("swim every day"), unlike one long session ("golf all day").
  ['daily', ['every day', 'everyday', 'hours a day', 'hrs a day', 'hour a day', 'every service', 'every shift', 'each shift']],
  [
    'all_day',
    [
      'all day', 'whole day', 'the whole day', 'all shift', 'all day at work', 'every day at work', 'all night', 'whole shift',
      'hr days', 'hour days', 'long hours', 'long days', 'everywhere',
    ],
  ],
  ['hours', ['for hours']],
  // A baby or small child looked after: lifting them all day is the day-in day-out of caring, not one heavy day.
  ['child', ['1yo', '2yo', '3yo', '1 yo', '2 yo', '3 yo', 'year old', 'yr old', 'month old', 'the baby', 'my baby', 'bub', 'the bub', 'toddler', 'my toddler', 'the twins', 'newborn', 'grandbaby', 'the cot', 'out of the cot', 'into the cot']],
  // A spell of days: kneeling work kept up all weekend is overuse; a weekend of gardening is overdoing it (strain).
  [
    'spell',
    [
      'all weekend', 'the whole weekend', 'whole weekend', 'all sat', 'all saturday',
      'all sunday', 'all sat n sun', 'all sat and sun', 'for days', 'days on end',
    ],
  ],
  // Told in passing, not as the cause: "im also 24 wks pregnant if that matters".
  ['offered', ['if that matters', 'if it matters', 'if thats relevant', 'if its relevant', 'if relevant', 'not sure if relevant', 'not sure if that matters', 'if that helps', 'fyi', 'for what its worth']],
  // A working week of it: overhead work kept up a week is overuse, where a weekend of it is the position.
  ['week', ['all week', 'the whole week', 'whole week', 'all last week', 'all of last week', 'all this week', 'the whole of last week', 'mon to fri', 'monday to friday', 'mon fri', 'all week long']],
  // Said to be done over and over: a lift or a sport repeated is overuse ("picking up bub over and over").
  ['repeats', ['24/7', '24 7', 'over and over', 'again and again', 'repeatedly', 'volume', 'times a shift', 'a thousand times', 'thousand times', 'hundred times', 'hundreds of times']],
  // What made it worse after it started, not what started it: "the drive home made it way worse".
  ['aggravated', ['made it worse', 'made it way worse', 'made it heaps worse', 'made it much worse', 'made it a lot worse', 'made it even worse', 'makes it worse', 'making it worse', 'made things worse', 'aggravated it', 'aggravates it']],
  // Said to be over: "broke my collarbone years ago but that's long healed" is not this cause.
  ['resolved', ['healed', 'long healed', 'fully recovered', 'recovered', 'all better', 'long gone', 'thats gone', 'fine now', 'all good now']],
  [
    'vague',
    [
      'run down', 'run out', 'ran out', 'trip to', 'training course', 'long time', 'too much to', 'fall asleep', 'nothing else',
      // "fell for the cheap mattress": the idiom, not a fall; a trip away is not a stumble.
      'fell for', 'in one hit', 'in the one hit', 'camping trip', 'road trip', 'fishing trip', 'work trip', 'business trip', 'school trip', 'overhead locker',
      // "if that matters" is not a mattress (a two-letter typo away).
      'matters', 'matter', 'worried it', 'worried its', 'worried that', 'worried this', 'a bit worried', 'bit worried',
      // Answers that point at a cause without naming it: ask what it was.
      'same as last time', 'last time', 'same as before', 'same thing', 'everything', 'a bit of everything', 'all of the above',
      // "when I bend over" says when it hurts, not what started it.
      'bend over', 'bend down',
      // Lack of sleep, and a weight "pulling on my back", are no posture or strain.
      'barely sleeping', 'not sleeping', 'no sleep', 'cant sleep', 'not sleeping well', 'pulling on my', 'pulling on me',
      // Symptom and body words a typo away from a cause word: "paining" is not "painting", "foot" not "footy",
      // "felt it go" not "fell", "splints" not "sprint"; a sensation of heaviness is not a heavy load.
      'felt', 'slid', 'slide', 'sliding', 'paining', 'pains', 'crushing', 'shooting', 'foot', 'feet', 'shin splints', 'splints',
      'feels heavy', 'feel heavy', 'heavy feeling', 'heavy like', 'like a weight', 'tennis elbow', 'golfers elbow',
      'runners knee',
      'jumpers knee',
      'fault', 'my fault', 'own fault', 'tell me',
      // Idioms that borrow a cause word: a broken heart is grief, a pain in the neck is a person, bending over backwards is effort.
      'broke my heart', 'broken heart', 'heart broken', 'pain in the neck', 'pain in the bum', 'pain in the butt', 'pain in the arse',
      'bending over backwards', 'bent over backwards', 'bend over backwards',
      // "sat" is Saturday here, not sitting: "sat arvo", "on sat", "sat n sun".
      // "up 2 flights of stairs" is where a load went, not a plane trip.
      'flight of', 'flights of', 'flights', 'up the drive', 'down the drive', 'driveway', 'the driveway',
      'sat arvo', 'sat night', 'sat morning', 'sat afternoon', 'on sat', 'last sat', 'this sat', 'since sat', 'sat n sun', 'sat and sun', 'blood pressure', 'high blood pressure', 'carry it all', 'carry it in my', 'carry my stress', 'carry stress', 'carry tension', 'carrying it all', 'carrying it in my', 'carrying my stress', 'carrying stress', 'carrying tension', 'carrying the stress', 'knock off', 'by knock off', 'knock off time', 'pulling forward', 'pulls forward', 'fridge died', 'the fridge died', 'fridge broke', 'fridge broke down', 'fridge packed up', 'long story', 'something at work', 'got to do with', 'shopping',
      // Garden beds are dug, not slept on; "since we moved" dates it ("working off the laptop on the couch since we moved").
      // The other driver, on a phone, is no posture of the patient's ("rear ended, other driver was on her phone");
      // shoulders held tense are the stress said with them.
      'other driver', 'the other driver', 'on her phone', 'on his phone', 'on their phone', 'keeping my shoulders', 'keep my shoulders', 'hates typing', 'hate typing',
      // A train ridden or driven is no training: "caught the train to work", "driving the road train".
      'the train', 'a train', 'on the train', 'train ride', 'train trip', 'train to work', 'train home', 'train station', 'road train', 'the road train',
      'garden bed', 'garden beds', 'new beds', 'raised beds', 'raised bed', 'veggie beds', 'vegie beds', 'since we moved', 'since i moved', 'since we moved in', 'since moving in',
      // (But a house moved is still the move: "started since we moved house".)
      // Errands called runs, and cable run through a roof, are no running; "the usual" names nothing.
      'bin run', 'the bin run', 'school run', 'the school run', 'milk run', 'coffee run', 'running cable', 'running cables', 'running wire', 'running wires', 'the usual',
      // A truckie's runs are drives: "interstate runs".
      'interstate runs', 'interstate run',
    ],
  ],
]);

const MARKERS: ReadonlySet<CauseWord> = new Set<CauseWord>(['often', 'daily', 'all_day', 'hours', 'spell', 'week', 'offered', 'repeats', 'resolved', 'aggravated', 'vague', 'child']);
/** Events that happen to a body: "he had his fall" is someone else's. */
const PHYSICAL: ReadonlySet<CauseWord> = new Set<CauseWord>(['strain', 'sport', 'floor_work', 'overhead_work', 'injury', 'posture', 'repetitive_use', 'setting', 'thing', 'other']);
/** "nearly fell off the ladder but didn't", "can't lift my arm": an event that did not happen, or a symptom. */
const AVERTED = new Set(['nearly', 'almost', 'cant', 'couldnt']);
/** "practising for my exam": a stressor after "for" is the purpose, not the cause. */
const PURPOSE = 'for';
const PURPOSE_REACH = 3;
/** A sport, a setting and what is said about them belong together within a clause; a comma does not end one. */
const CLAUSE_ENDS = new Set(['.', ';', '!', '?', 'and', 'then', 'but', 'plus', 'also', 'however', 'though', 'although', 'whereas']);
/** A message that opens like a question and has a question mark asks something back ("could it be my mattress?"). */
const QUESTION_OPENERS = new Set([
  'whats', 'could', 'can', 'do', 'does', 'did', 'is', 'are', 'was', 'will', 'would', 'should', 'what', 'which', 'how', 'why',
  'who', 'where',
  'when',
]);


/** "my son is 3", "bub's 9 months": an age, not a pain score. */
const CHILD_AGE = /\b(son|daughter|boy|girl|kid|baby|bub|grandson|granddaughter|toddler|he|she)('?s| is)\s+(\d|one|two|three|four|five|six|seven|eight|nine|ten)/i;

/** The most words a message can have and still be a pain score said on its own. */
const SCORE_MESSAGE_WORDS = 8;

/** Words read of one answer: a long ramble names its cause or its limits well before this. */
const MAX_TOKENS = 120;

export function parseCauses(text: string): Understood<Cause[]> {
  return guarded(() => {
    if (isBlank(text)) return miss('empty');
    // The answer is in the first hundred-odd words; reading a pasted essay in full would cost milliseconds.
    const tokens = saturdays(tokenise(text).slice(0, MAX_TOKENS));
    // ("could be the new pillow??" is a hedge, not a question back: "could it be", "could my" ask.)
    if (QUESTION_OPENERS.has(tokens[0]!) && tokens.includes('?') && !(tokens[0] === 'could' && tokens[1] === 'be')) return miss('not_understood', 'question');
    const found = findAll(tokens, LEXICON);
    const neg = negated(tokens, found);
    const asserted = assert(tokens, found);
    const clause = clauseIds(tokens);
    const sentence = sentenceIds(tokens, FULL_STOPS);
    // "broke it years ago but that's long healed": a resolved marker closes what came before it in its sentence.
    const healed = found.filter((m) => m.value === 'resolved');
    const isOver = (m: Match<CauseWord>) => healed.some((r) => sentence[r.start] === sentence[m.start] && r.start > m.start);
    // A mention that is denied, someone else's, only feared, averted, or a purpose says nothing about this patient's cause.
    const kept: Array<Match<CauseWord>> = [];
    let dropped = false;
    found.forEach((m, k) => {
      const a = asserted[k]!;
      const drop =
        neg[k] ||
        (a.other && PHYSICAL.has(m.value)) ||
        (a.hypothetical && m.value === 'other') ||
        AVERTED.has(tokens[m.start - 1] ?? '') ||
        ((m.value === 'injury' || m.value === 'stressor') && aThingBroke(tokens, m.start)) ||
        othersOpinion(tokens, m.start, clause) ||
        (PHYSICAL.has(m.value) && isOver(m)) ||
        (m.value === 'stressor' && isPurpose(tokens, m.start));
      if (drop) dropped = true;
      else kept.push(m);
    });
    // "lifting the esky.. no wait that was last year, no idea": a correction takes back what came before it.
    kept.splice(0, kept.length, ...afterLastCorrection(tokens, kept));
    // "lifted the esky. the drive home made it way worse": what made it worse gives way to what started it.
    const worseIn = new Set(kept.filter((m) => m.value === 'aggravated').map((m) => sentence[m.start]));
    const startedBy = kept.filter((m) => !MARKERS.has(m.value) && !worseIn.has(sentence[m.start]));
    if (worseIn.size > 0 && startedBy.length > 0) kept.splice(0, kept.length, ...kept.filter((m) => !worseIn.has(sentence[m.start])));
    // Whether a kept mention of `value` is in the message, or only in the clause given.
    const has: Has = (value, inClause) => kept.some((m) => m.value === value && (inClause === undefined || clause[m.start] === inClause));
    const causes: Cause[] = [];
    kept.forEach((m) => {
      const c = resolve(m, clause[m.start]!, has);
      if (c !== null && !causes.includes(c)) causes.push(c);
    });
    if (causes.length === 0) {
      // "6", "its like an 8 most days": a pain score typed a question early. Say so rather than "did not catch that".
      // Only a short message: in a story, "2 flights of stairs" is no score.
      // Not a child's age ("my son is 3, i carry him").
      if (wordCount(tokens) <= SCORE_MESSAGE_WORDS && parsePainScore(text).ok && !CHILD_AGE.test(text)) return miss('not_understood', 'score');
      // "barista, tamping all day": a task done all day is overuse even when the task is not in the lexicon.
      if ((has('all_day') || has('hours') || has('daily')) && namesATask(tokens)) return ok(['repetitive_use']);
      // "im a nurse": a job alone says what they do, not what brought it on (lifting, long shifts…): ask.
      if (isJobAlone(tokens)) return miss('not_understood');
      // Any activity, job or event in the patient's own words is an answer: `other`, with the words kept.
      const named = kept.some((m) => !MARKERS.has(m.value) || m.value === 'vague');
      return !named && !dropped && describesSomething(tokens) ? ok(['other']) : miss('not_understood');
    }
    // A hedged cause is still a cause ("not sure, maybe lifting"): keep 'unknown' only when alone.
    const known = causes.filter((c) => c !== 'unknown');
    return ok(known.length > 0 ? known : causes);
  });
}

/** What one kept mention contributes, given the rest of the message. */
type Has = (value: CauseWord, inClause?: number) => boolean;

function resolve(m: Match<CauseWord>, clause: number, has: Has): Cause | null {
  switch (m.value) {
    case 'sport':
      // "footy. got tackled and someone landed on me": where the injury happened, in any clause.
      if (has('injury')) return null;
      // Done often is overuse, said anywhere in the answer ("5km sessions most mornings, heaps of freestyle");
      // one long session ("dancing all night") is overdoing it.
      return has('often') || has('daily') || has('repeats') ? 'repetitive_use' : 'strain';
    case 'floor_work':
      return has('often') || has('daily') || has('all_day') || has('hours') || has('spell') || has('week') || has('repeats') ? 'repetitive_use' : 'posture';
    case 'overhead_work':
      // ("painting the ceiling all weekend" is the position; "hanging gyprock overhead all week" overuse.)
      if (has('often') || has('daily') || has('all_day') || has('week') || has('repeats')) return 'repetitive_use';
      // ("hauling a roll of cable up the ladder": the lift is the cause, the ladder where it happened.)
      return has('posture', clause) || has('strain', clause) ? null : 'posture';
    case 'strain':
      // A load handled day after day is overuse; a heavy day of it ("cement bags all day") is still a strain, but a
      // child lifted all day ("picking up the baby all day") is the daily round of caring for them.
      return has('repeats', clause) || has('daily', clause) || (has('all_day', clause) && has('child', clause)) ? 'repetitive_use' : 'strain';
    case 'setting':
      return has('posture', clause) || has('thing', clause) ? null : 'repetitive_use';
    case 'thing':
      return has('strain', clause) || has('sport', clause) ? null : 'posture';
    case 'waking':
      return 'unknown';
    case 'other':
      // ("im also 24 wks pregnant if that matters": told in passing, beside the cause or none.)
      return has('offered', clause) ? null : 'other';
    case 'manner':
      return has('strain', clause) || has('sport', clause) ? null : 'posture';
    case 'medicine':
      return 'other';
    case 'stressor':
      return 'stress';
    case 'often':
    case 'daily':
    case 'all_day':
    case 'hours':
    case 'spell':
    case 'week':
    case 'offered':
    case 'resolved':
    case 'aggravated':
    case 'vague':
    case 'child':
      return null;
    case 'repeats':
      return has('strain', clause) || has('sport', clause) ? null : 'repetitive_use';
    case 'posture':
      // "crutching sheep all week, bent over the whole time": a task kept up for days is the cause; the bend is how.
      return has('repetitive_use', clause) && (has('spell', clause) || has('week', clause)) ? null : 'posture';
    case 'repetitive_use':
      // "fell off the ladder cleaning the gutters": the task is where the injury happened, not a second cause;
      // "hunched over my laptop writing": the posture it was done in is the cause the patient names, unless
      // the task is also said to go on day after day ("nail salon 10 hours every day, always bent over").
      // ("laptop on the dining table, typing the whole day": the task kept up all day is named too.)
      // ("crutching sheep all last week, bent over": kept up for days, the task too.)
      return has('injury', clause) || (has('posture', clause) && !has('daily') && !has('all_day', clause) && !has('spell') && !has('week')) ? null : 'repetitive_use';
    default:
      return m.value;
  }
}

/** "hubby reckons its stress, i reckon its the mattress": someone else's idea of the cause is not the patient's. */
const OPINION_VERBS = new Set(['reckons', 'thinks', 'says', 'reckoned', 'thought', 'said', 'swears', 'insists', 'blames']);
const LAY_OTHERS = new Set([
  'hubby', 'husband', 'wife', 'missus', 'partner', 'mum', 'mom', 'mother', 'dad', 'father', 'everyone', 'everybody', 'people',
  'he', 'she', 'they', 'son', 'daughter', 'sister', 'brother', 'friend', 'mate', 'boss', 'nan', 'family', 'kids',
  'nonna', 'nonno', 'nanna', 'nana', 'grandma', 'grandpa',
]);
function othersOpinion(tokens: readonly string[], start: number, clause: readonly number[]): boolean {
  // Back to the clause's start, or to a comma or an "i" that begins the patient's own view.
  for (let i = start - 1; i >= 1 && clause[i] === clause[start] && tokens[i] !== ',' && tokens[i] !== 'i'; i--) {
    if (OPINION_VERBS.has(tokens[i]!) && LAY_OTHERS.has(tokens[i - 1]!)) return true;
  }
  return false;
}

function isPurpose(tokens: readonly string[], start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - PURPOSE_REACH; i--) {
    if (tokens[i] === PURPOSE) return true;
    if (CLAUSE_ENDS.has(tokens[i]!) || tokens[i] === ',') return false;
  }
  return false;
}

/** "in and out of the car", "up and down the stairs": a pair, not two clauses. */
const PAIRS: Readonly<Record<string, string>> = { in: 'out', up: 'down', back: 'forth', on: 'off' };

function clauseIds(tokens: readonly string[]): number[] {
  let id = 0;
  return tokens.map((t, i) => {
    const paired = t === 'and' && PAIRS[tokens[i - 1] ?? ''] === tokens[i + 1];
    return CLAUSE_ENDS.has(t) && !paired ? ++id : id;
  });
}

/** Words that say nothing about a cause on their own. */
const NO_CAUSE_WORDS = new Set([
  'it', 'its', 'hurts', 'hurt', 'hurting', 'pain', 'painful', 'sore', 'aches', 'ache', 'aching', 'really', 'very', 'just', 'the',
  'my',
  'and', 'but', 'bad', 'badly', 'lots', 'much', 'thing', 'things', 'dont', 'know', 'what', 'this', 'that', 'there', 'here',
  'have',
  'been', 'with', 'from', 'when', 'then', 'some', 'like', 'kind', 'sort', 'stuff', 'yeah', 'yes', 'okay', 'sure', 'well', 'umm',
  // Where and since when are answers to other questions, not a cause.
  'about', 'around', 'lower', 'upper', 'back', 'neck', 'shoulder', 'knee', 'since', 'weeks', 'days', 'months', 'years', 'week',
  'month', 'year', 'ages', 'left', 'right', 'side', 'both', 'worse', 'better', 'mostly', 'always', 'sometimes', 'maybe', 'reckon',
  'think', 'guess', 'probably',
  // Symptoms and their course are not causes.
  'tingling', 'burning', 'throbbing', 'stabbing', 'numb', 'numbness', 'getting', 'weaker', 'stiff', 'stiffness', 'swollen',
  'needles', 'pins', 'loosens', 'eases', 'settles', 'warms', 'first', 'morning', 'mornings', 'evening', 'night', 'nights',
  // Where it goes is the spread, not a cause: "it goes down the back of the leg".
  'goes', 'going', 'spreads', 'spreading', 'radiates', 'travels', 'shoots', 'down', 'into', 'through', 'across', 'round', 'leg', 'legs',
  'foot', 'feet', 'arm', 'arms', 'hand', 'hands', 'thigh', 'calf', 'buttock', 'hip', 'hips', 'elbow', 'wrist', 'ankle', 'toes', 'fingers',
  // Work alone is where, not what: "work mostly" needs asking what about work.
  'work', 'job',
  // A person alone ("my husband") does not say what about them: lifting them, worry, a knock? Ask.
  'husband', 'wife', 'partner', 'hubby', 'kids', 'kid', 'son', 'daughter', 'teenager', 'mum', 'dad', 'mother', 'father', 'family',
]);

/** A doing word that is not a symptom ("tamping", "sorting parcels"), for work done all day. */
function namesATask(tokens: readonly string[]): boolean {
  return describesSomething(tokens) && tokens.some((t) => t.length >= 5 && t.endsWith('ing') && !NO_CAUSE_WORDS.has(t));
}

/** Two or more real words naming something ("painting the ceiling", "getting old"), not a lone typo or a complaint. */
/** "im a nurse", "i work as a teacher": the job and nothing about it. */
const JOB_INTROS: ReadonlyArray<readonly string[]> = [['im'], ['i', 'am'], ['i', 'work', 'as'], ['im', 'working', 'as'], ['work', 'as']];
/** "work. im a nurse", "from work, i'm a nurse": where, then the job, is still the job alone. */
const WORK_LEADS: ReadonlyArray<readonly string[]> = [['work'], ['from', 'work'], ['at', 'work'], ['my', 'job']];
function isJobAlone(tokens: readonly string[]): boolean {
  const all = tokens.filter((t) => /^[a-z]/.test(t));
  const lead = WORK_LEADS.find((w) => w.every((t, i) => all[i] === t));
  const words = lead ? all.slice(lead.length) : all;
  const intro = JOB_INTROS.find((w) => w.every((t, i) => words[i] === t));
  if (!intro) return false;
  const rest = words.slice(intro.length);
  return (rest[0] === 'a' || rest[0] === 'an') && rest.length <= 3;
}

function describesSomething(tokens: readonly string[]): boolean {
  const words = tokens.filter((t) => /^[a-z]{2,}$/.test(t));
  return words.length >= 2 && words.some((w) => w.length >= 4 && !NO_CAUSE_WORDS.has(w));
}
