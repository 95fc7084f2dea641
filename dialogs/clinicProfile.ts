// What the conversation needs to know about the clinic. Loaded from a JSON file by src/config.ts
// and validated here, so a typo in a clinic's profile stops start-up with the field named.
import { z } from 'zod';
import { DurationCategory } from './summarySchema.js';
import { Triage } from './vocabulary.js';

export const AppointmentType = z.object({
  name: z.string().min(1),
  durationMinutes: z.number().int().positive().max(480),
  /** Falls back to the clinic's booking URL. */
  bookingUrl: z.string().url().optional(),
  /** Criteria; the first type whose criteria all hold is recommended. No criteria = the default. */
  when: z
    .object({
      durationCategories: z.array(DurationCategory).min(1).optional(),
      minRegions: z.number().int().positive().optional(),
      triage: z.array(Triage).min(1).optional(),
    })
    .strict()
    .default({}),
});
export type AppointmentType = z.infer<typeof AppointmentType>;

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0f766e');

export const ClinicProfile = z
  .object({
    name: z.string().min(1).max(120),
    bookingUrl: z.string().url(),
    phone: z.string().min(3).max(40),
    emergencyNumber: z.string().min(2).max(10).default('000'),
    logoUrl: z.string().optional(),
    colours: z.object({ primary: Colour, accent: Colour }).default({ primary: '#0f766e', accent: '#f59e0b' }),
    appointmentTypes: z
      .array(AppointmentType)
      .min(1)
      .refine((types) => Object.keys(types.at(-1)?.when ?? {}).length === 0, {
        message: 'the last appointment type must have no "when" criteria, so every intake gets one',
      }),
  })
  .strict();
export type ClinicProfile = z.infer<typeof ClinicProfile>;

/** Used by tests and as the shipped example; a real clinic sets CLINIC_PROFILE. */
export const EXAMPLE_CLINIC: ClinicProfile = ClinicProfile.parse({
  name: 'Harbourside Myotherapy',
  bookingUrl: 'https://booking.example.com/harbourside',
  phone: '(02) 9000 0000',
  emergencyNumber: '000',
  appointmentTypes: [
    { name: 'Extended initial consultation', durationMinutes: 90, when: { minRegions: 3 } },
    { name: 'Extended initial consultation', durationMinutes: 90, when: { durationCategories: ['chronic'] } },
    { name: 'Initial consultation', durationMinutes: 60 },
  ],
});
