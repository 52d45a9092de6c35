import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMA = JSON.parse(
  readFileSync(new URL('./results.schema.json', import.meta.url), 'utf8'),
) as object;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv);
const validate = ajv.compile(SCHEMA);

/**
 * Checks a parsed results.json against `results.schema.json` and returns every problem as
 * `<path> <message>`; empty when it conforms. For tests: ajv is a development dependency.
 */
export function validateResults(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}
