import { ObjectId } from 'bson';
import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';

export interface MongoObjectIdOptions {
  /** The connection prefix Auth0 puts before `|` (`auth0` for database users). Default `auth0`. */
  provider?: string;
}

/**
 * Auth0 database-user subjects: `auth0|` and a MongoDB ObjectId (4-byte seconds, 5-byte
 * per-process random value, 3-byte counter starting at a random value), checked with `bson`.
 */
export function mongoObjectIdScheme(
  context: SchemeContext,
  options: MongoObjectIdOptions = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options as Record<string, unknown>, ['provider']);
  const { provider = 'auth0' } = options;
  problems.require(
    typeof provider === 'string' && PROVIDER_PATTERN.test(provider),
    'provider',
    'lower-case letters, digits and hyphens',
    provider,
  );
  problems.throwIfAny();

  const random = context.random.fork('mongo-object-id');
  const processHex = Buffer.from(random.bytes(5)).toString('hex');
  let counter = random.int(0, 0xffffff);
  const prefix = `${provider}|`;
  return {
    name: 'mongo-object-id',
    caseSensitive: false,
    next() {
      const seconds = Math.floor(context.clock.now() / 1000) >>> 0;
      counter = (counter + 1) % 0x1000000;
      // The ObjectId layout of the bson spec: the process-unique bytes never change, so only
      // the timestamp and the counter are written per id.
      return (
        prefix +
        seconds.toString(16).padStart(8, '0') +
        processHex +
        counter.toString(16).padStart(6, '0')
      );
    },
    validate(sub) {
      const bar = sub.indexOf('|');
      if (bar <= 0 || !PROVIDER_PATTERN.test(sub.slice(0, bar))) return false;
      const hex = sub.slice(bar + 1);
      return /^[0-9a-f]{24}$/.test(hex) && ObjectId.isValid(hex);
    },
    anatomy(sub) {
      const at = sub.indexOf('|') + 1;
      return [
        { start: 0, end: at, kind: 'constant', label: 'provider prefix' },
        { start: at, end: at + 8, kind: 'time', label: 'timestamp' },
        { start: at + 8, end: at + 18, kind: 'machine', label: 'process unique' },
        { start: at + 18, end: at + 24, kind: 'counter', label: 'counter' },
      ] satisfies Segment[];
    },
  };
}

const PROVIDER_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
