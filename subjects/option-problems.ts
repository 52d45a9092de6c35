import { TwinsubError } from '../core/twinsub-error.ts';
import { describeValue } from './describe-value.ts';

/**
 * Collects every problem with one options object, so a caller learns all of them from one error
 * (`<option path> must be <constraint> (got <value>)`, joined by `; `).
 */
export class OptionProblems {
  readonly #prefix: string;
  readonly #problems: string[] = [];

  /** @param prefix option path the messages start with, such as `options` or `scheme`. */
  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** Records `<prefix>.<path> must be <constraint> (got <value>)` when `ok` is false. */
  require(ok: boolean, path: string, constraint: string, value: unknown): void {
    if (ok) return;
    const where = path === '' ? this.#prefix : `${this.#prefix}.${path}`;
    this.#problems.push(`${where} must be ${constraint} (got ${describeValue(value)})`);
  }

  /** Records a problem for every key of `options` that is not in `known`. */
  rejectUnknown(options: Record<string, unknown>, known: readonly string[]): void {
    for (const key of Object.keys(options)) {
      const constraint = known.length === 0 ? 'absent' : `one of ${known.join(', ')}`;
      if (!known.includes(key))
        this.#problems.push(`${this.#prefix} keys must be ${constraint} (got '${key}')`);
    }
  }

  /** Throws one `INVALID_OPTION` error naming every recorded problem. */
  throwIfAny(): void {
    if (this.#problems.length === 0) return;
    throw new TwinsubError('INVALID_OPTION', this.#problems.join('; '));
  }
}
