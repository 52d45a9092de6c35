import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';
import { BASE62_ALPHABET } from './base62.ts';
import { salesforceChecksum } from './salesforce-checksum.ts';

export interface SalesforceOptions {
  /** The 3-character key prefix of the object type. Default `005` (User). */
  keyPrefix?: string;
  /** The 2-character pod (instance) id. Default: drawn from the seed. */
  pod?: string;
  /** The record number the counter starts at. Default: drawn from the seed, below 62^5. */
  start?: number;
}

/**
 * Salesforce-like record ids: key prefix (3), pod (2), reserved `0` (1), then a 9-character
 * base62 record number that counts up. `length: 15` is the case-sensitive form; `length: 18`
 * appends the case checksum so that case-insensitive stores keep ids apart.
 */
export function salesforceScheme(length: 15 | 18) {
  return (context: SchemeContext, options: SalesforceOptions = {}): SubjectScheme => {
    const problems = new OptionProblems('options');
    problems.rejectUnknown(options as Record<string, unknown>, ['keyPrefix', 'pod', 'start']);
    const { keyPrefix = '005', pod, start } = options;
    problems.require(BASE62_3.test(keyPrefix), 'keyPrefix', '3 base62 characters', keyPrefix);
    problems.require(pod === undefined || BASE62_2.test(pod), 'pod', '2 base62 characters', pod);
    problems.require(
      start === undefined || (Number.isSafeInteger(start) && start >= 0 && start < 62 ** 9),
      'start',
      'an integer in 0..62^9-1',
      start,
    );
    problems.throwIfAny();

    const random = context.random.fork(`salesforce-${length}`);
    const podId =
      pod ?? `${BASE62_ALPHABET[random.int(1, 61)]}${BASE62_ALPHABET[random.int(0, 9)]}`;
    const head = `${keyPrefix}${podId}0`;
    let record = start ?? random.int(0, 62 ** 5 - 1);
    return {
      name: `salesforce-${length}`,
      caseSensitive: length === 15,
      next() {
        const id15 = head + toBase62(record, 9);
        record += 1;
        return length === 15 ? id15 : id15 + salesforceChecksum(id15);
      },
      validate(sub) {
        if (length === 15) return BASE62_15.test(sub);
        const id15 = sub.slice(0, 15);
        return (
          sub.length === 18 && BASE62_15.test(id15) && sub.slice(15) === salesforceChecksum(id15)
        );
      },
      anatomy: () => anatomyOf(length),
    };
  };
}

function toBase62(value: number, width: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62))
    out = BASE62_ALPHABET[rest % 62] + out;
  return out.padStart(width, '0');
}

function anatomyOf(length: 15 | 18): Segment[] {
  const segments: Segment[] = [
    { start: 0, end: 3, kind: 'constant', label: 'key prefix' },
    { start: 3, end: 5, kind: 'machine', label: 'pod' },
    { start: 5, end: 6, kind: 'constant', label: 'reserved' },
    { start: 6, end: 15, kind: 'counter', label: 'record number' },
  ];
  if (length === 18)
    segments.push({ start: 15, end: 18, kind: 'checksum', label: 'case checksum' });
  return segments;
}

const BASE62_2 = /^[0-9A-Za-z]{2}$/;
const BASE62_3 = /^[0-9A-Za-z]{3}$/;
const BASE62_15 = /^[0-9A-Za-z]{15}$/;
