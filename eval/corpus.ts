// The labelled corpus (test/corpus/): loaded and checked with zod, so a typo in a record is a clear
// error with its file and line, not a wrong score.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const CORPUS_DIR = new URL('../test/corpus/', import.meta.url).pathname;

const Site = z.object({ region: z.string(), side: z.string().optional() });
export const Expect = z.object({
  ask: z.string().optional(),
  agree: z.boolean().optional(),
  sites: z.array(Site).optional(),
  early: z.object({ weeks: z.number().optional(), causes: z.array(z.string()).optional(), now: z.number().optional() }).optional(),
  side: z.string().optional(),
  region: z.string().optional(),
  weeks: z.number().optional(),
  causes: z.array(z.string()).optional(),
  score: z.number().optional(),
  difficulty: z.string().optional(),
  codes: z.array(z.string()).optional(),
  yes: z.boolean().optional(),
  confirm: z.boolean().optional(),
  edit: z.string().optional(),
  skip: z.boolean().optional(),
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type Expect = z.infer<typeof Expect>;

export const AnswerRecord = z.object({
  id: z.string().min(1),
  step: z.enum([
    'consent', 'location', 'side', 'primary', 'spread', 'duration', 'cause', 'intensity_now', 'intensity_worst', 'movement',
    'red_flags', 'follow_up', 'precautions', 'summary', 'contact',
  ]),
  context: z.record(z.string(), z.unknown()).optional(),
  text: z.string(),
  expect: Expect,
  warn: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type AnswerRecord = z.infer<typeof AnswerRecord>;

const Says = z.union([z.array(z.string()), z.string().transform((s) => [s])]);
export const IntakeRecord = z.object({
  id: z.string().min(1),
  persona: z.string().optional(),
  says: z.object({
    consent: Says.optional(),
    location: Says.optional(),
    primary: Says.optional(),
    spread: Says.optional(),
    duration: Says.optional(),
    cause: Says.optional(),
    intensity_now: Says.optional(),
    intensity_worst: Says.optional(),
    red_flags: Says.optional(),
    precautions: Says.optional(),
    summary: Says.optional(),
    contact: Says.optional(),
    side: z.union([z.record(z.string(), Says), Says]).optional(),
    movement: z.union([z.record(z.string(), Says), Says]).optional(),
  }).passthrough(),
  now: z.array(z.string()).default([]),
  expect: z.object({
    ending: z.enum(['done', 'emergency']),
    triage: z.string().optional(),
    flags: z.array(z.string()).optional(),
    mentioned: z.array(z.string()).optional(),
    regions: z.array(z.string()).optional(),
    causes: z.array(z.string()).optional(),
    now: z.number().optional(),
    worst: z.number().optional(),
    weeks: z.number().optional(),
  }).passthrough(),
  note: z.string().optional(),
});
export type IntakeRecord = z.infer<typeof IntakeRecord>;

function readJsonl<T>(dir: string, schema: z.ZodType<T>): Array<T & { file: string }> {
  const out: Array<T & { file: string }> = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, name), 'utf8').split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      out.push({ ...parsed.data, file: name });
    });
  }
  return out;
}

export const loadAnswers = () => readJsonl(join(CORPUS_DIR, 'answers'), AnswerRecord);
export const loadIntakes = () => readJsonl(join(CORPUS_DIR, 'intakes'), IntakeRecord);

/**
 * The held-out fifth: chosen by a hash of the id, so it never changes as records are added and nobody
 * picks it. Its misreadings are not looked at while tuning; its score is the honest one.
 */
export function isHeldOut(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 5 === 0;
}
