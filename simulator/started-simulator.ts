import type { ManualClock } from '../core/clock.ts';
import type { Account, AccountInput } from './account.ts';
import type { ClientRegistration } from './client-registration.ts';
import type { Issuance } from './issuance-log.ts';

/** A running identity-provider simulator; `stop()` (or `await using`) closes both listeners. */
export interface StartedSimulator extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`: the `iss` of every token, without a trailing slash. */
  readonly issuer: string;
  /** Base URL of the JSON control API, without a trailing slash. */
  readonly controlUrl: string;
  /** The simulated clock that dates accounts and issuances and drives time-based subjects. */
  readonly clock: ManualClock;
  /** Creates an account at the clock's time; throws `CONFLICT` on a taken username or sub. */
  createAccount(input: AccountInput): Account;
  /** Every account, oldest first. */
  accounts(): Account[];
  /** Ground truth: every code, access token, ID token and userinfo answer issued, oldest first. */
  issuances(): Issuance[];
  /** Adds a relying party; throws `CONFLICT` if its `client_id` is registered already. */
  registerClient(client: ClientRegistration): Promise<void>;
  /** Forgets accounts, issuances, sessions, grants and tokens; keeps clients and the clock. */
  reset(): void;
  stop(): Promise<void>;
}
