import type { Provider } from 'oidc-provider';
import type { AccountStore } from './account-store.ts';

/**
 * The simulator's one deliberate misbehaviour: UserInfo of an account created with `userinfoOf`
 * answers for that other account, `sub` included, while the ID token still names the account
 * that logged in (a stale cache or a mixed-up session at a real identity provider). The claims
 * come from the account's `claims('userinfo')` (`provider-configuration.ts`); oidc-provider always
 * sets `sub` to the logged-in account afterwards, so the answer's `sub` is replaced here. Register
 * after `recordIssuances`, so the ground truth records the answer as sent.
 */
export function mixUpUserinfo(provider: Provider, accounts: AccountStore): void {
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'userinfo' || ctx.status !== 200) return;
    const accountId = ctx.oidc.entities.AccessToken?.accountId;
    const account = accountId === undefined ? undefined : accounts.bySub(accountId);
    if (account?.userinfoOf === undefined) return;
    ctx.body = { ...(ctx.body as Record<string, unknown>), sub: account.userinfoOf };
  });
}
