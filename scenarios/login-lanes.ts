/**
 * Splits accounts, in creation order, into at most `lanes` runs of consecutive accounts, cutting
 * only at the longest gaps between creation times. Each lane logs its accounts in one after the
 * other while the lanes run side by side: accounts made close together (the ones a time-based
 * subject scheme makes alike) always log in in creation order, so a run replays exactly.
 */
export function loginLanes<T>(
  accounts: T[],
  createdAt: (account: T) => number,
  lanes: number,
): T[][] {
  if (accounts.length === 0) return [];
  const cuts = accounts
    .slice(1)
    .map((account, i) => ({ at: i + 1, gap: createdAt(account) - createdAt(accounts[i]!) }))
    .sort((a, b) => b.gap - a.gap || a.at - b.at)
    .slice(0, Math.max(0, lanes - 1))
    .map((cut) => cut.at)
    .sort((a, b) => a - b);

  const result: T[][] = [];
  let from = 0;
  for (const cut of [...cuts, accounts.length]) {
    result.push(accounts.slice(from, cut));
    from = cut;
  }
  return result;
}
