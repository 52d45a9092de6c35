import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { isLoopback } from '../core/listen.ts';
import { seededRandom, type Random } from '../core/random.ts';
import { SCHEME_NAMES } from '../subjects/registry.ts';
import { InputProblems } from './input-problems.ts';

export interface SimulatorOptions {
  /** Interface the identity provider binds. Default `127.0.0.1`. */
  host?: string;
  /** Identity provider's TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Control API's TCP port, always on loopback; 0 (the default) picks a free one. */
  controlPort?: number;
  /** Simulated time of accounts and issuance records. Default: starts 2026-01-05 09:00Z. */
  clock?: ManualClock;
  /** Seeded source for subject schemes and cookie keys. Default: `seededRandom(1)`. */
  random?: Random;
  /** Subject scheme of accounts that name none. Default `uuid-v1`. */
  scheme?: string;
  /** Allow a `host` other machines can reach, with development keys and an open control API. */
  allowNonLoopback?: boolean;
  /**
   * Receives the one warning about insecure test defaults, at start. Default: one line on stderr.
   * The command line passes its own.
   */
  onWarning?: (message: string) => void;
}

export type ResolvedSimulatorOptions = Required<SimulatorOptions>;

const KNOWN = [
  'host',
  'port',
  'controlPort',
  'clock',
  'random',
  'scheme',
  'allowNonLoopback',
  'onWarning',
] as const;

/** Checks every option and fills defaults; throws one `INVALID_OPTION` naming every problem. */
export function resolveSimulatorOptions(options: SimulatorOptions = {}): ResolvedSimulatorOptions {
  const problems = new InputProblems();
  if (!problems.requireObject(options, 'options')) problems.throwIfAny('INVALID_OPTION');
  problems.rejectUnknown(options as Record<string, unknown>, 'options', KNOWN);

  const resolved: ResolvedSimulatorOptions = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    controlPort: options.controlPort ?? 0,
    clock: options.clock ?? new ManualClock(DEFAULT_EPOCH_MS),
    random: options.random ?? seededRandom(1),
    scheme: options.scheme ?? 'uuid-v1',
    allowNonLoopback: options.allowNonLoopback ?? false,
    onWarning: options.onWarning ?? ((message) => process.stderr.write(`${message}\n`)),
  };

  const isPort = (port: unknown) =>
    Number.isInteger(port) && Number(port) >= 0 && Number(port) <= 65535;
  problems.require(typeof resolved.host === 'string', 'options.host', 'a string', resolved.host);
  problems.require(isPort(resolved.port), 'options.port', 'an integer in 0..65535', resolved.port);
  problems.require(
    isPort(resolved.controlPort),
    'options.controlPort',
    'an integer in 0..65535',
    resolved.controlPort,
  );
  problems.require(
    resolved.clock instanceof ManualClock,
    'options.clock',
    'a ManualClock',
    resolved.clock,
  );
  problems.require(isRandom(resolved.random), 'options.random', 'a Random', resolved.random);
  problems.require(
    SCHEME_NAMES.includes(resolved.scheme),
    'options.scheme',
    `one of ${SCHEME_NAMES.join(', ')}`,
    resolved.scheme,
  );
  problems.require(
    typeof resolved.allowNonLoopback === 'boolean',
    'options.allowNonLoopback',
    'a boolean',
    resolved.allowNonLoopback,
  );
  problems.require(
    typeof resolved.onWarning === 'function',
    'options.onWarning',
    'a function',
    resolved.onWarning,
  );
  // The simulator signs with development keys and its control API has no authentication.
  problems.require(
    resolved.allowNonLoopback === true ||
      typeof resolved.host !== 'string' ||
      isLoopback(resolved.host),
    'options.host',
    'a loopback address such as 127.0.0.1 unless options.allowNonLoopback is true',
    resolved.host,
  );

  problems.throwIfAny('INVALID_OPTION');
  return resolved;
}

function isRandom(value: unknown): value is Random {
  const random = value as Partial<Random> | null;
  return (
    typeof random === 'object' &&
    random !== null &&
    typeof random.int === 'function' &&
    typeof random.bytes === 'function' &&
    typeof random.fork === 'function'
  );
}
