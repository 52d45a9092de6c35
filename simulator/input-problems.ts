import { TwinsubError, type TwinsubErrorCode } from '../core/twinsub-error.ts';

/**
 * Collects every problem with one input (a control API body, a `createAccount` argument, the
 * simulator's options) so the caller learns all of them from one error, each in the form
 * `<path> must be <constraint> (got <value>)`, joined by `; `.
 */
export class InputProblems {
  readonly #problems: string[] = [];

  /** Records a problem at `path` when `ok` is false; returns `ok` for chaining checks. */
  require(ok: boolean, path: string, constraint: string, value: unknown): boolean {
    if (!ok) this.#problems.push(`${path} must be ${constraint} (got ${describe(value)})`);
    return ok;
  }

  /** Records that `value` at `path` must be a plain JSON object; returns whether it is. */
  requireObject(value: unknown, path: string): value is Record<string, unknown> {
    return this.require(isPlainObject(value), path, 'an object', value);
  }

  /** Records a problem for every key of `object` that is not in `known`. */
  rejectUnknown(object: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const key of Object.keys(object)) {
      if (known.includes(key)) continue;
      this.#problems.push(
        `${path}.${key} must be absent: known fields are ${known.join(', ')} ` +
          `(got ${describe(object[key])})`,
      );
    }
  }

  throwIfAny(code: TwinsubErrorCode = 'INVALID_REQUEST'): void {
    if (this.#problems.length === 0) return;
    throw new TwinsubError(code, this.#problems.join('; '));
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Strings quoted, the rest as JSON where possible, all cut to 60 characters. */
function describe(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : json(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function json(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // BigInt and circular structures have no JSON form.
    return typeof value === 'object' ? 'an object' : String(value);
  }
}
