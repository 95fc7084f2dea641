// FHIR R4: every intake as a QuestionnaireResponse, and the Questionnaire it answers. Pain scores
// carry LOINC 72514-3; body sites and laterality are SNOMED CT (PRODUCT.md "Coding for structured
// output"); the contract's own codes travel alongside in code systems named by URN, since a
// self-hosted install has no canonical web address of its own.
import type { Coding, Patient, Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { MOVEMENT_LABELS } from '../../dialogs/movements.js';
import { REGION_LABELS } from '../../dialogs/painAreas.js';
import { screenText } from '../../dialogs/redFlags.js';
import type { Contact } from '../../dialogs/summarySchema.js';
import { CAUSES, DIFFICULTIES, FLAG_CODES, MOVEMENTS, REGIONS, STEPS, TRIAGES, type Region, type Side } from '../../dialogs/vocabulary.js';
import type { IntakeRecord } from './intakeRecords.js';
import { DIFFICULTY_LABELS, DURATION_LABELS, TRIAGE_LABELS, causeLabel } from './labels.js';

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
const BASE = 'urn:myotherapy-intake:fhir';
export const QUESTIONNAIRE_URL = `${BASE}:Questionnaire:intake`;
export const QUESTIONNAIRE_VERSION = '1';
export const CODE_SYSTEMS = {
  region: `${BASE}:CodeSystem:region`,
  side: `${BASE}:CodeSystem:side`,
  durationCategory: `${BASE}:CodeSystem:duration-category`,
  cause: `${BASE}:CodeSystem:cause`,
  movement: `${BASE}:CodeSystem:movement`,
  difficulty: `${BASE}:CodeSystem:difficulty`,
  flag: `${BASE}:CodeSystem:flag`,
  triage: `${BASE}:CodeSystem:triage`,
  step: `${BASE}:CodeSystem:step`,
} as const;

export const PAIN_SEVERITY: Coding = { system: LOINC, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' };

const sct = (code: string, display: string): Coding => ({ system: SNOMED, code, display });

/**
 * SNOMED CT body structures for each region. "Wrist or hand" and "ankle or foot" are two concepts;
 * upper and mid back share "back of trunk" (the region code next to it keeps them apart).
 */
export const BODY_SITE_CODES: Record<Region, Coding[]> = {
  head: [sct('69536005', 'Head structure')],
  jaw: [sct('661005', 'Jaw region structure')],
  neck: [sct('45048000', 'Neck structure')],
  shoulder: [sct('16982005', 'Shoulder region structure')],
  upper_back: [sct('77568009', 'Back structure, excluding neck')],
  mid_back: [sct('77568009', 'Back structure, excluding neck')],
  lower_back: [sct('37822005', 'Lower back structure')],
  chest: [sct('51185008', 'Thoracic structure')],
  upper_arm: [sct('40983000', 'Upper arm structure')],
  elbow: [sct('127949000', 'Elbow region structure')],
  forearm: [sct('14975008', 'Forearm structure')],
  wrist_hand: [sct('8205005', 'Wrist region structure'), sct('85562004', 'Hand structure')],
  hip: [sct('29836001', 'Hip region structure')],
  buttock: [sct('46862004', 'Buttock structure')],
  thigh: [sct('68367000', 'Thigh structure')],
  knee: [sct('72696002', 'Knee region structure')],
  lower_leg: [sct('30021000', 'Lower leg structure')],
  ankle_foot: [sct('70258002', 'Ankle joint structure'), sct('56459004', 'Foot structure')],
};

/** Centre (midline) has no laterality qualifier. */
export const LATERALITY_CODES: Record<Exclude<Side, 'centre'>, Coding> = {
  left: sct('7771000', 'Left'),
  right: sct('24028007', 'Right'),
  both: sct('51440002', 'Right and left'),
};

const local = (system: keyof typeof CODE_SYSTEMS, code: string, display: string): Coding => ({ system: CODE_SYSTEMS[system], code, display });
const options = (codings: Coding[]) => codings.map((valueCoding) => ({ valueCoding }));
const uniqueCodings = (codings: Coding[]) => [...new Map(codings.map((c) => [`${c.system}|${c.code}`, c])).values()];

const regionOptions = () => options(REGIONS.map((r) => local('region', r, REGION_LABELS[r])));
const siteItems = (prefix: string): QuestionnaireItem[] => [
  { linkId: `${prefix}.region`, text: 'Region', type: 'choice', required: true, answerOption: regionOptions() },
  { linkId: `${prefix}.body-site`, text: 'Body site (SNOMED CT)', type: 'choice', repeats: true, answerOption: options(uniqueCodings(Object.values(BODY_SITE_CODES).flat())) },
  { linkId: `${prefix}.laterality`, text: 'Side (SNOMED CT); none for the midline', type: 'choice', answerOption: options(Object.values(LATERALITY_CODES)) },
];

/** The Questionnaire every intake answers. */
export function intakeQuestionnaire(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: 'myotherapy-intake',
    url: QUESTIONNAIRE_URL,
    version: QUESTIONNAIRE_VERSION,
    name: 'MyotherapyIntake',
    title: 'Myotherapy pre-assessment intake',
    status: 'active',
    subjectType: ['Patient'],
    description:
      'A pre-assessment (not a diagnosis) collected by chat before a first myotherapy appointment: where it hurts, since when, why, how much, what it limits, and a safety screen for red flags.',
    item: [
      { linkId: 'pain-area', text: 'Where it hurts', type: 'group', required: true, repeats: true, item: [...siteItems('pain-area'), { linkId: 'pain-area.primary', text: 'Main area', type: 'boolean' }] },
      { linkId: 'spreads-to', text: 'Where the pain spreads', type: 'group', repeats: true, item: siteItems('spreads-to') },
      {
        linkId: 'duration',
        text: 'Since when',
        type: 'group',
        item: [
          { linkId: 'duration.weeks', text: 'Weeks', type: 'decimal' },
          { linkId: 'duration.category', text: 'Acute, subacute or chronic', type: 'choice', answerOption: options(Object.entries(DURATION_LABELS).map(([c, d]) => local('durationCategory', c, d))) },
          { linkId: 'duration.text', text: "In the patient's words", type: 'string' },
        ],
      },
      { linkId: 'cause', text: 'What brought it on', type: 'choice', repeats: true, answerOption: options(CAUSES.map((c) => local('cause', c, causeLabel(c)))) },
      { linkId: 'pain-now', text: 'Pain now (0–10)', type: 'integer', code: [PAIN_SEVERITY] },
      { linkId: 'pain-worst', text: 'Worst pain in the past week (0–10)', type: 'integer', code: [PAIN_SEVERITY] },
      {
        linkId: 'movement-limit',
        text: 'Movements it limits',
        type: 'group',
        repeats: true,
        item: [
          { linkId: 'movement-limit.movement', text: 'Movement', type: 'choice', answerOption: options(MOVEMENTS.map((m) => local('movement', m, MOVEMENT_LABELS[m]))) },
          { linkId: 'movement-limit.difficulty', text: 'Difficulty', type: 'choice', answerOption: options(DIFFICULTIES.map((d) => local('difficulty', d, DIFFICULTY_LABELS[d]))) },
        ],
      },
      { linkId: 'flag', text: 'Safety screen: flags raised', type: 'choice', repeats: true, answerOption: options(FLAG_CODES.map((f) => local('flag', f, screenText(f)))) },
      {
        linkId: 'mentioned',
        text: 'Warning signs the patient typed but did not confirm when asked',
        type: 'group',
        repeats: true,
        item: [
          { linkId: 'mentioned.sign', text: 'Sign', type: 'choice', answerOption: options(FLAG_CODES.map((f) => local('flag', f, screenText(f)))) },
          { linkId: 'mentioned.words', text: "The patient's words", type: 'string' },
        ],
      },
      { linkId: 'triage', text: 'Triage', type: 'choice', answerOption: options(TRIAGES.map((t) => local('triage', t, TRIAGE_LABELS[t]))) },
      {
        linkId: 'recommendation',
        text: 'Recommended appointment',
        type: 'group',
        item: [
          { linkId: 'recommendation.appointment-type', text: 'Appointment type', type: 'string' },
          { linkId: 'recommendation.duration-minutes', text: 'Minutes', type: 'integer' },
          { linkId: 'recommendation.booking-url', text: 'Booking link', type: 'url' },
        ],
      },
      {
        linkId: 'contact',
        text: 'Contact details',
        type: 'group',
        item: [
          { linkId: 'contact.name', text: 'Name', type: 'string' },
          { linkId: 'contact.phone', text: 'Phone', type: 'string' },
          { linkId: 'contact.email', text: 'Email', type: 'string' },
          { linkId: 'contact.preferred-times', text: 'Preferred times', type: 'string' },
        ],
      },
      {
        linkId: 'patient-words',
        text: 'What the patient typed',
        type: 'group',
        repeats: true,
        item: [
          { linkId: 'patient-words.step', text: 'Question', type: 'choice', answerOption: options(STEPS.map((s) => local('step', s, s))) },
          { linkId: 'patient-words.text', text: 'Words', type: 'text', repeats: true },
        ],
      },
    ],
  };
}

type Item = QuestionnaireResponseItem;
const coded = (linkId: string, codings: Coding[]): Item => ({ linkId, answer: codings.map((valueCoding) => ({ valueCoding })) });
const integer = (linkId: string, value: number): Item => ({ linkId, answer: [{ valueInteger: value }] });
const str = (linkId: string, value: string): Item => ({ linkId, answer: [{ valueString: value }] });
const group = (linkId: string, items: Item[]): Item[] => (items.length > 0 ? [{ linkId, item: items }] : []);

function siteAnswer(prefix: string, region: Region, side: Side | undefined, primary?: boolean): Item {
  return {
    linkId: prefix,
    item: [
      coded(`${prefix}.region`, [local('region', region, REGION_LABELS[region])]),
      coded(`${prefix}.body-site`, BODY_SITE_CODES[region]),
      ...(side && side !== 'centre' ? [coded(`${prefix}.laterality`, [LATERALITY_CODES[side]])] : []),
      ...(primary !== undefined ? [{ linkId: `${prefix}.primary`, answer: [{ valueBoolean: primary }] }] : []),
    ],
  };
}

function contactPatient(contact: Contact): Patient {
  return {
    resourceType: 'Patient',
    id: 'patient',
    name: [{ text: contact.name }],
    telecom: [
      ...(contact.phone ? [{ system: 'phone' as const, value: contact.phone }] : []),
      ...(contact.email ? [{ system: 'email' as const, value: contact.email }] : []),
    ],
  };
}

/**
 * The intake as a QuestionnaireResponse: `completed` when the patient confirmed it, `stopped` when
 * the safety screen ended it (emergency) or the patient left (abandoned, answered items only).
 */
export function toQuestionnaireResponse(record: IntakeRecord): QuestionnaireResponse {
  const s = record.summary;
  const p = record.partial;
  const painAreas = s?.painAreas ?? p?.painAreas ?? [];
  const spreadsTo = s?.spreadsTo ?? p?.spreadsTo ?? [];
  const duration = s?.duration ?? p?.duration;
  const causes = s?.causes ?? p?.causes ?? [];
  const now = s?.intensity.now ?? p?.intensity?.now;
  const worst = s?.intensity.worst ?? p?.intensity?.worst;
  const limits = s?.movementLimits ?? p?.movementLimits ?? [];
  const flags = s?.flags ?? p?.flags ?? [];
  const triage = s?.triage ?? p?.triage ?? null;
  const contact = s?.contact ?? p?.contact;
  const words = s?.patientWords ?? p?.patientWords ?? {};

  const item: Item[] = [
    ...painAreas.map((a) => siteAnswer('pain-area', a.region, a.side, a.primary)),
    ...spreadsTo.map((a) => siteAnswer('spreads-to', a.region, a.side)),
    ...group('duration', duration ? [
      { linkId: 'duration.weeks', answer: [{ valueDecimal: duration.weeks }] },
      coded('duration.category', [local('durationCategory', duration.category, DURATION_LABELS[duration.category])]),
      ...(duration.text ? [str('duration.text', duration.text)] : []),
    ] : []),
    ...(causes.length ? [coded('cause', causes.map((c) => local('cause', c, causeLabel(c))))] : []),
    ...(now !== undefined ? [integer('pain-now', now)] : []),
    ...(worst !== undefined ? [integer('pain-worst', worst)] : []),
    ...limits.map((m) => ({
      linkId: 'movement-limit',
      item: [
        coded('movement-limit.movement', [local('movement', m.movement, MOVEMENT_LABELS[m.movement])]),
        coded('movement-limit.difficulty', [local('difficulty', m.difficulty, DIFFICULTY_LABELS[m.difficulty])]),
      ],
    })),
    ...(flags.length ? [coded('flag', flags.map((f) => local('flag', f.code, screenText(f.code))))] : []),
    ...(s?.mentioned ?? []).map((m) => ({
      linkId: 'mentioned',
      item: [coded('mentioned.sign', [local('flag', m.code, screenText(m.code))]), str('mentioned.words', m.words)],
    })),
    ...(triage ? [coded('triage', [local('triage', triage, TRIAGE_LABELS[triage])])] : []),
    ...group('recommendation', s?.recommendation ? [
      str('recommendation.appointment-type', s.recommendation.appointmentType),
      integer('recommendation.duration-minutes', s.recommendation.durationMinutes),
      { linkId: 'recommendation.booking-url', answer: [{ valueUri: s.recommendation.bookingUrl }] },
    ] : []),
    ...group('contact', contact ? [
      str('contact.name', contact.name),
      ...(contact.phone ? [str('contact.phone', contact.phone)] : []),
      ...(contact.email ? [str('contact.email', contact.email)] : []),
      ...(contact.preferredTimes ? [str('contact.preferred-times', contact.preferredTimes)] : []),
    ] : []),
    ...Object.entries(words).flatMap(([step, said]) =>
      said && said.length
        ? [{ linkId: 'patient-words', item: [coded('patient-words.step', [local('step', step, step)]), { linkId: 'patient-words.text', answer: said.map((valueString) => ({ valueString })) }] }]
        : [],
    ),
  ];

  return {
    resourceType: 'QuestionnaireResponse',
    id: record.intakeId,
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${record.intakeId}` },
    questionnaire: `${QUESTIONNAIRE_URL}|${QUESTIONNAIRE_VERSION}`,
    status: record.outcome === 'done' ? 'completed' : 'stopped',
    authored: s?.completedAt ?? record.recordedAt,
    ...(contact ? { contained: [contactPatient(contact)], subject: { reference: '#patient', display: contact.name }, source: { reference: '#patient' } } : {}),
    item,
  };
}
