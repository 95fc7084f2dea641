// The words the bot says, in one place so a clinic (or a translator) reads them together.
// Plain language, short sentences: many patients are on a phone, some use a screen reader.
import type { ClinicProfile } from './clinicProfile.js';
import type { QuestionState } from './intakeContext.js';
import type { MissReason } from './understanding/types.js';

/** Asked when only a whole limb or "my back" was named: the parts the body chart and the summary use. */
const WHICH_PART: Readonly<Record<string, string>> = {
  back: 'Which part of your back: the lower back, the middle of the back, or between the shoulder blades?',
  arm: 'Which part of your arm: the upper arm, the elbow, the forearm, or the wrist and hand?',
  leg: 'Which part of your leg: the thigh, the knee, the shin or calf, or the ankle and foot?',
};

/** "Which part of your back: …?" for one vague word; for several, which part of each. */
function whichPart(wholes: readonly string[]): string {
  if (wholes.length === 1) return WHICH_PART[wholes[0]!] ?? 'Which part is it?';
  return `Which part of your ${wholes.join(' and of your ')}? For example "lower back and thigh" or "elbow and knee".`;
}

export const WORDS = {
  welcome: (clinic: ClinicProfile) =>
    `Hi, I'm the ${clinic.name} intake assistant. In about 3 minutes I'll ask where it hurts, since when, ` +
    `how much, and a few safety questions, then suggest the right appointment. ` +
    `This is a pre-assessment for your therapist, not a diagnosis.`,
  // "my back", "my left arm": which part of it, by name, so the patient can pick without guessing the words.
  whichPart,
  consent:
    'To do this I need to collect some health information, which only the clinic will see. ' +
    'You can type "delete my data" at any time. Do you agree?',
  questions: {
    location: 'Where does it hurt? You can name more than one place, e.g. "lower back and left hip".',
    side: (region: string) => `Which side is your ${region}: left, right or both?`,
    primary: (names: string[]) => `Which bothers you most: ${names.slice(0, -1).join(', ')} or ${names.at(-1)}?`,
    spread: 'Does the pain spread anywhere else, e.g. "down my right leg"? If not, say "no".',
    duration: 'How long have you had this pain? e.g. "3 days", "about 2 months".',
    cause: 'What do you think brought it on? Pick any that apply, or tell me in your own words.',
    intensityNow: 'On a scale of 0 (no pain) to 10 (worst imaginable), how much does it hurt right now?',
    intensityWorst: 'And at its worst in the past week, 0 to 10?',
    movement: (movement: string) => `How much does it limit ${movement}?`,
    redFlags:
      'A few safety questions. Do you have any of these right now? Tick any that apply, or say "none of these".',
    precautions: 'Does any of this apply to you? It helps your therapist choose safe techniques.',
    summary: 'Here is what I have. Is it right?',
    contact:
      'Would you like the clinic to contact you? Share your name and a phone number or email, ' +
      'and when suits you, or say "no thanks".',
    confirmSign: (sign: string) => `You mentioned ${sign}. Is that happening now?`,
    checkItem: (item: string, n: number, total: number) => `${n === 1 ? "Let's go through them one at a time. " : ''}(${n} of ${total}) ${item}?`,
  } satisfies Record<Exclude<QuestionState, 'consent' | 'flagFollowUp'>, unknown>,
  help: {
    consent: 'Say "yes" to start the pre-assessment or "no" to leave; nothing is kept if you say no.',
    location: 'Name the body part in your own words: "neck", "lower back", "left knee", "between my shoulder blades".',
    side: 'Say "left", "right" or "both".',
    primary: 'Name the one that bothers you most, or say "first" or "second".',
    spread: 'Name where else you feel it, e.g. "into my buttock", or say "no" if it stays in one place.',
    duration: 'A rough answer is fine: "a few days", "2 weeks", "6 months", "years".',
    cause: 'For example "lifting a box", "stress at work", "desk work", "I fell", "slept funny" or "not sure".',
    intensityNow: 'Give one whole number from 0 to 10, e.g. "6". 0 is no pain, 10 is the worst imaginable.',
    intensityWorst: 'Give one whole number from 0 to 10 for the worst it has been in the past 7 days.',
    movement: 'Say "none", "some", "a lot" or "unable".',
    redFlags: 'Say "none of these", or the numbers or words of any that apply, e.g. "2" or "pins and needles".',
    flagFollowUp: 'Say "yes" or "no".',
    precautions: 'Say "none", or which apply, e.g. "pregnant" or "on blood thinners".',
    summary: 'Say "yes" if it is right, or what to change, e.g. "change the pain score".',
    contact: 'e.g. "Sam Lee 0412 345 678, mornings", or "no thanks".',
    confirmSign: 'Say "yes" if it is happening now, or "no" if it is not.',
    checkItem: 'Say "yes" if this applies to you now, or "no".',
  } satisfies Record<QuestionState, string>,
  /** Why each question is asked: the answer to "why do you need that?" before the question again. */
  why: {
    consent: 'Your answers are health information, so the law asks me to get your OK before I collect them.',
    location: 'Where it hurts tells your therapist which areas to assess and treat.',
    side: 'The side matters for the hands-on assessment and for the safety questions.',
    primary: 'Knowing the main problem lets your therapist start where it matters most to you.',
    spread: 'Pain that travels can come from muscles or from a nerve, which changes the treatment plan.',
    duration: 'How long it has been going changes how it is treated: new pain and long-standing pain need different plans.',
    cause: 'What set it off helps your therapist find the muscles involved and stop it coming back.',
    intensityNow: 'A number from 0 to 10 lets your therapist measure whether treatment is helping.',
    intensityWorst: 'The worst this week shows how much it varies, which the number right now does not.',
    movement: 'What it stops you doing shapes the treatment and the goals you set together.',
    redFlags: 'A few signs mean a doctor should check you first. Asking keeps you safe; most people have none of them.',
    flagFollowUp: 'This tells whether it needs a doctor now or is safe for hands-on treatment.',
    confirmSign: 'Some signs need a doctor straight away, so I check before we go on.',
    checkItem: 'A few signs mean a doctor should check you first, so I ask about each one.',
    precautions: 'These change which techniques are safe for you, such as dry needling or deep massage.',
    summary: 'This is what your therapist will read, so it should be right.',
    contact: 'So the clinic can get back to you about an appointment. It is optional.',
  } satisfies Record<QuestionState, string>,
  /** Questions back that are not about one question. */
  answersBack: {
    diagnosis: 'No, this is not a diagnosis. It is a pre-assessment so your therapist can prepare; they will assess you in person.',
    privacy: (clinic: ClinicProfile) =>
      `Only ${clinic.name} sees your answers. They stay on the clinic's own system, and you can say "delete my data" at any time.`,
    human: (clinic: ClinicProfile) => `I'm an automated assistant. To talk to a person, call ${clinic.name} on ${clinic.phone}.`,
    meaning: 'Let me put it another way.',
  },
  commands: 'You can also say "back", "restart", "stop" or "delete my data" at any time.',
  firstQuestion: 'This is the first question, so there is nothing to go back to.',
  staleButton: 'That button belongs to an earlier question. Here is the current one:',
  miss: (reason: MissReason | 'worst_below_now', detail?: string): string => {
    switch (reason) {
      case 'empty':
        return 'I did not get an answer there.';
      case 'ambiguous':
        // "unsure": the patient hedged the item itself ("kind of 6 i think?").
        if (detail === 'unsure') return 'You sound unsure about that one, so I would rather ask than guess.';
        // "depends on the day", "couldnt say": how much it limits them swings, or they do not know.
        if (detail === 'varies') return 'If it changes from day to day, think of a typical day this week.';
        // A bare "back" where the spread is asked: the command or the body part.
        if (detail === 'back_or_place') return 'To go back to the last question, say "go back". If it spreads into your back, say which part, e.g. "my upper back".';
        // "running? lol no": no trouble, not something they do, or can't do it at all.
        if (detail === 'echo_no') return "Do you mean it's no trouble (or not something you do), or that you can't do it at all?";
        // "both equally" at the main-area question: either will do to start with; both are kept.
        if (detail === 'equally') return "If they bother you about the same, pick either one to start with: I'll keep both.";
        return detail ? `I found more than one answer there (${detail}), so I would rather ask than guess.` : 'I found more than one answer there, so I would rather ask than guess.';
      case 'not_offered':
        return 'That is not one of the places you named.';
      case 'not_understood':
        // A pain score typed before its question: say where it goes instead of "did not catch that".
        if (detail === 'score') return "That sounds like how much it hurts: I'll ask for that in a moment.";
        // A movement answer typed at a pain score: the movements come next.
        if (detail === 'movement_later') return "That sounds like how much it limits you: I'll ask about each movement in a moment.";
        if (detail === 'contact_later') return "That looks like your contact details: I'll ask for those at the end.";
        if (detail === 'duration_next') return "That sounds like how long you've had it: I'll ask for that next.";
        if (detail === 'duration_later') return "That sounds like how long you've had it: I'll ask for that in a moment.";
        if (detail === 'mobile_digits') return 'That mobile number looks a digit short or long. Could you type it again?';
        // An answer to a later question, kept for it (it is not asked again).
        if (detail === 'kept_for_later') return "Thanks, I've kept that for later.";
        if (detail === 'kept_for_movements') return "Thanks, I've kept that for when I ask about each movement.";
        // A bare "yes" at a list: which of them.
        if (detail === 'which_items') return 'Which of them? You can type the numbers, e.g. "2", or the words.';
        // "no_unit:6": a duration said without its unit.
        if (detail?.startsWith('no_unit:')) return `${detail.slice('no_unit:'.length)} days, weeks, months or years?`;
        // "other_movement:sitting for a while": the answer was about another movement than the one asked.
        if (detail?.startsWith('other_movement:')) return `That sounds like it is about ${detail.slice('other_movement:'.length)}.`;
        return 'Sorry, I did not catch that.';
      case 'worst_below_now':
        return `The worst this week can't be lower than your pain right now (${detail}/10).`;
      default:
        return 'Sorry, I did not catch that.';
    }
  },
  outOfRange: (state: QuestionState): string =>
    state === 'intensityNow' || state === 'intensityWorst'
      ? 'That number is outside the scale: please give a whole number from 0 to 10.'
      : state === 'duration'
        ? "That length of time doesn't look right. Roughly how many days, weeks, months or years?"
        : state === 'redFlags' || state === 'precautions'
          ? 'That number is not on the list. Use the numbers shown, or say "none of these".'
          : 'That answer is out of range.',
  stuck: (clinic: ClinicProfile) =>
    `You can tap one of the buttons, or call ${clinic.name} on ${clinic.phone} if you'd rather talk to someone.`,
  declined: (clinic: ClinicProfile) =>
    `No problem, nothing has been kept. If you change your mind just say hi, or call ${clinic.name} on ${clinic.phone}.`,
  stopped: (clinic: ClinicProfile) =>
    `Stopped. I haven't kept your answers. Say hi to start again, or call ${clinic.name} on ${clinic.phone}.`,
  deleted: 'Done: I have deleted your answers from this conversation. Say hi if you want to start again.',
  emergency: (clinic: ClinicProfile) =>
    `Please don't wait for a myotherapy appointment. What you describe needs urgent medical attention: ` +
    `call ${clinic.emergencyNumber} now or go to your nearest emergency department. ` +
    `If you are unsure, call ${clinic.emergencyNumber} and they will advise you.`,
  signNoted: 'Thank you. I have noted it for your therapist.',
  closedForm: (clinic: ClinicProfile) =>
    `Please tap one of the buttons below, or call ${clinic.name} on ${clinic.phone} if you'd rather talk to someone.`,
  somethingElse: 'Thanks, I have kept your words for your therapist.',
  pickOne: (labels: string[]) => `Please pick one: ${labels.slice(0, -1).join(', ')}${labels.length > 1 ? ' or ' : ''}${labels.at(-1) ?? ''}.`,
  contactSkipped: (clinic: ClinicProfile) => `No problem, I'll leave contact details out. You can call ${clinic.name} on ${clinic.phone} any time.`,
  seeDoctorFirst:
    'Some of your answers mean a GP should check you before hands-on treatment. Please see your doctor first; ' +
    'you can still book with us, and bring what the GP says.',
  therapistReview: 'Your therapist will look at your health notes before your visit.',
  booking: (appointmentType: string, minutes: number) => `The appointment that fits is: ${appointmentType} (${minutes} minutes).`,
  done: (clinic: ClinicProfile) =>
    `Thank you, your pre-assessment has been sent to ${clinic.name}. Say "restart" to start a new one.`,
  alreadyDone: (clinic: ClinicProfile) =>
    `Your pre-assessment is complete and with ${clinic.name}. Say "restart" for a new one, or "delete my data".`,
  restarted: "Let's start again.",
  flowChanged: 'Sorry, this pre-assessment was updated since we last spoke, so we need to start again.',
  badValue: 'Sorry, that answer did not fit this question.',
  tooLong: 'That message is too long for me. Please answer in a sentence or two.',
  whichEdit: 'What would you like to change?',
  contactNext: "I'll ask for your contact details right after you confirm this.",
  answeringFor: "Thanks. As you're answering for someone else, please answer each question for them; I'll read \"he\", \"she\" or \"they\" as them.",
  noted: (what: string) => `I've noted ${what}. Say "back" to change it.`,
  notedEarly: (what: string[]) => `From what you said earlier I've noted ${what.join(', ')}. Say "back" to change it.`,
};
