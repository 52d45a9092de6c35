import { TwinsubError, type TwinsubErrorCode } from '../core/twinsub-error.ts';
import type { Account, AccountInput } from './account.ts';
import type { ClientRegistration } from './client-registration.ts';
import type { Issuance } from './issuance-log.ts';

/** The simulated clock as the control API reports it. */
export interface ClockState {
  /** ms since the Unix epoch. */
  now: number;
  /** The same instant in ISO 8601, UTC. */
  iso: string;
}

/** Error codes by control API status; anything else means the simulator itself failed. */
const CODES: Readonly<Record<number, TwinsubErrorCode>> = {
  400: 'INVALID_REQUEST',
  404: 'NOT_FOUND',
  405: 'INVALID_REQUEST',
  409: 'CONFLICT',
  415: 'INVALID_REQUEST',
};

/** A typed client of the simulator's control API (ARCHITECTURE.md, "Simulator"). */
export class SimulatorControl {
  readonly url: string;

  /** @param url the simulator's `controlUrl`. */
  constructor(url: string) {
    this.url = url.replace(/\/$/, '');
  }

  createAccount(input: AccountInput): Promise<Account> {
    return this.#call('create an account', 'POST', '/accounts', input);
  }

  async accounts(): Promise<Account[]> {
    const body = await this.#call<{ accounts: Account[] }>('list accounts', 'GET', '/accounts');
    return body.accounts;
  }

  async issuances(): Promise<Issuance[]> {
    const body = await this.#call<{ issuances: Issuance[] }>('list issuances', 'GET', '/issuances');
    return body.issuances;
  }

  clock(): Promise<ClockState> {
    return this.#call('read the clock', 'GET', '/clock');
  }

  /** Moves the simulated clock forward by `ms` milliseconds. */
  advanceClock(ms: number): Promise<ClockState> {
    return this.#call('advance the clock', 'POST', '/clock', { advanceMs: ms });
  }

  /** Sets the simulated clock to an instant. */
  setClock(instant: Date | string): Promise<ClockState> {
    const set = typeof instant === 'string' ? instant : instant.toISOString();
    return this.#call('set the clock', 'POST', '/clock', { set });
  }

  async registerClient(client: ClientRegistration): Promise<void> {
    await this.#call('register a client', 'POST', '/clients', client);
  }

  async reset(): Promise<void> {
    await this.#call('reset the simulator', 'POST', '/reset', {});
  }

  async #call<T>(action: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((error: unknown) => {
      throw new TwinsubError(
        'TARGET_UNREACHABLE',
        `Failed to ${action}: the simulator's control API at ${this.url} did not answer ` +
          `(${(error as Error).cause ?? error}); is the simulator running?`,
        { cause: error },
      );
    });
    if (response.status === 204) return undefined as T;

    const text = await response.text();
    if (response.ok) return JSON.parse(text) as T;

    const reason = parseProblem(text).message ?? `HTTP ${response.status}`;
    // Conflicts and server errors arrive as whole `Failed to ...` sentences already.
    const message = reason.startsWith('Failed to ') ? reason : `Failed to ${action}: ${reason}`;
    throw new TwinsubError(CODES[response.status] ?? 'UNSUPPORTED', message);
  }
}

function parseProblem(text: string): { error?: string; message?: string } {
  try {
    return JSON.parse(text) as { error?: string; message?: string };
  } catch {
    return { message: text.slice(0, 200) };
  }
}
