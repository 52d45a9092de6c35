import type { Driver } from '../drivers/driver.ts';
import { inspectLogin } from '../oracle/inspect-login.ts';
import { loginThroughApp } from '../scenarios/login-through-app.ts';
import type { EnrollOptions, World } from '../world/start-world.ts';
import { describeSensitivity, type Sensitivity } from './describe-sensitivity.ts';

const HEX = '0123456789abcdef';

/** Beneficiaries the probe needs: the base, one per character of a UUID, and five more. */
export const PROBE_POPULATION = 1 + 36 + 5;

/** The character at `index` replaced by another of its kind (hex digit, or a hyphen by a digit). */
function changeAt(sub: string, index: number): string {
  const c = sub[index]!;
  const other = c === '-' ? '0' : HEX[(HEX.indexOf(c.toLowerCase()) + 8) % 16]!;
  return `${sub.slice(0, index)}${other}${sub.slice(index + 1)}`;
}

/**
 * The sensitivity probe: starts from one account (a UUID v1, the shape of the 2018 incident),
 * creates accounts whose `sub` differs from it in one way only (one character position, case,
 * Unicode form, trailing whitespace, or a wholly different `sub` with the same email), logs each
 * in, and records which differences the target ignores: a login that receives the base
 * account's data, or is locked out, was filed under the base account's user. Black box: it sees
 * only what the apps received and the simulator's records.
 */
export async function probeSensitivity(world: World, driver: Driver): Promise<Sensitivity> {
  const people = world.population.beneficiaries;
  if (people.length < PROBE_POPULATION) {
    throw new Error(`the sensitivity probe needs ${PROBE_POPULATION} beneficiaries`);
  }
  const [app] = world.apps;
  if (!app) throw new Error('the sensitivity probe needs an app');

  const base = await world.enroll(people[0]!, { scheme: 'uuid-v1' });
  const baseLogin = await loginThroughApp(driver, app, people[0]!, base.sub);
  const baseline = inspectLogin(baseLogin, world.ownership);
  if (baseline.length > 0) throw new Error('the sensitivity probe needs a clean base login');

  const sensitivity: Sensitivity = {
    base: base.sub,
    length: base.sub.length,
    positions: [],
    case: false,
    unicode: false,
    whitespace: false,
    email: false,
  };
  let next = 1;
  const ignores = async (enrollment: EnrollOptions): Promise<boolean> => {
    const person = people[next]!;
    next += 1;
    const account = await world.enroll(person, enrollment);
    const login = await loginThroughApp(driver, app, person, account.sub);
    return inspectLogin(login, world.ownership).length > 0;
  };

  for (const index of base.sub.split('').keys()) {
    if (await ignores({ sub: changeAt(base.sub, index) })) sensitivity.positions.push(index);
  }

  // Case and Unicode form are changed only where a character counts, so that a truncation is
  // not mistaken for folding; whitespace on both ends, so that a cut after the last character is
  // not mistaken for trimming.
  const counts = (i: number) => !sensitivity.positions.includes(i) && /[a-f]/.test(base.sub[i]!);
  const letter = base.sub.split('').findIndex((_, i) => counts(i));
  if (letter >= 0) {
    const upper = [...base.sub].map((c, i) => (counts(i) ? c.toUpperCase() : c)).join('');
    sensitivity.case = await ignores({ sub: upper });
    const fullwidth = String.fromCodePoint(base.sub.codePointAt(letter)! - 0x21 + 0xff01);
    const wide = `${base.sub.slice(0, letter)}${fullwidth}${base.sub.slice(letter + 1)}`;
    sensitivity.unicode = await ignores({ sub: wide });
  }
  const trailing = await ignores({ sub: `${base.sub} ` });
  const leading = await ignores({ sub: ` ${base.sub}` });
  sensitivity.whitespace = trailing && leading;
  const elsewhere = [...base.sub].map((_, i) => changeAt(base.sub, i)[i]).join('');
  sensitivity.email = await ignores({ sub: elsewhere, email: base.profile.email });

  return { ...sensitivity, summary: describeSensitivity(sensitivity) };
}
