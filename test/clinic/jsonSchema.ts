// The published JSON Schema is checked by an independent validator (ajv, draft 2020-12, with
// formats), not by zod itself, so a mistake in z.toJSONSchema's output cannot hide.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Returns the validation errors (empty when valid), as "path: message" lines. */
export function validate(schema: object, value: unknown): string[] {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const check = ajv.compile(schema);
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '(root)'}: ${e.message}`);
}
