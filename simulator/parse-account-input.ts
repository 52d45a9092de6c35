import { SCHEME_NAMES } from '../subjects/registry.ts';
import type { AccountInput, Profile } from './account.ts';
import { InputProblems } from './input-problems.ts';

const ACCOUNT_FIELDS = [
  'username',
  'password',
  'profile',
  'scheme',
  'sub',
  'twinOf',
  'userinfoOf',
] as const;
const TWIN_FIELDS = ['sub', 'transform'] as const;
const TEXT_CLAIMS = ['given_name', 'family_name', 'name', 'email'] as const;
const PROFILE_FIELDS = [...TEXT_CLAIMS, 'email_verified', 'birthdate', 'mbi'] as const;

/**
 * OpenID Connect Core 1.0 section 2 says `sub` is at most 255 ASCII characters. An explicit `sub`
 * may break that (a trailing space, a fullwidth letter), so that the simulator can play an issuer
 * that does and show which targets normalise what they should compare; control characters never.
 */
const SUB_PATTERN = /^[^\p{Cc}]{1,255}$/u;
/** `YYYY-MM-DD`, the full-date form of OpenID Connect Core 1.0 section 5.1 `birthdate`. */
const BIRTHDATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** CMS MBI format: letters S, L, O, I, B and Z are never used (DOMAIN.md section 8). */
const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI_PATTERN = new RegExp(
  `^[1-9]${MBI_LETTER}[AC-HJKMNP-RT-Y0-9]\\d${MBI_LETTER}[AC-HJKMNP-RT-Y0-9]\\d` +
    `${MBI_LETTER}{2}\\d{2}$`,
);

/**
 * Checks an account request field by field and returns it typed; throws one `INVALID_REQUEST`
 * error naming every problem. `path` names the input in messages (`body` for the control API).
 */
export function parseAccountInput(value: unknown, path: string): AccountInput {
  const problems = new InputProblems();
  if (!problems.requireObject(value, path)) problems.throwIfAny();
  const input = value as Record<string, unknown>;
  problems.rejectUnknown(input, path, ACCOUNT_FIELDS);

  requireText(problems, input.username, `${path}.username`);
  requireText(problems, input.password, `${path}.password`);
  if (input.scheme !== undefined) {
    problems.require(
      typeof input.scheme === 'string' && SCHEME_NAMES.includes(input.scheme),
      `${path}.scheme`,
      `one of ${SCHEME_NAMES.join(', ')}`,
      input.scheme,
    );
  }
  if (input.sub !== undefined) {
    problems.require(
      typeof input.sub === 'string' && SUB_PATTERN.test(input.sub),
      `${path}.sub`,
      '1 to 255 characters without control characters',
      input.sub,
    );
  }
  if (input.twinOf !== undefined) checkTwinOf(problems, input, `${path}.twinOf`);
  if (input.userinfoOf !== undefined) {
    requireText(problems, input.userinfoOf, `${path}.userinfoOf`);
  }
  if (input.profile !== undefined) checkProfile(problems, input.profile, `${path}.profile`);

  problems.throwIfAny();
  return structuredClone(input) as unknown as AccountInput;
}

function checkTwinOf(problems: InputProblems, input: Record<string, unknown>, path: string): void {
  const value = input.twinOf;
  if (!problems.requireObject(value, path)) return;
  problems.rejectUnknown(value, path, TWIN_FIELDS);
  requireText(problems, value.sub, `${path}.sub`);
  requireText(problems, value.transform, `${path}.transform`);
  problems.require(input.sub === undefined, `${path}`, 'absent when sub is given', value);
}

function checkProfile(problems: InputProblems, value: unknown, path: string): void {
  if (!problems.requireObject(value, path)) return;
  const profile = value as Record<string, unknown> & Profile;
  problems.rejectUnknown(profile, path, PROFILE_FIELDS);

  for (const claim of TEXT_CLAIMS) {
    if (profile[claim] !== undefined) requireText(problems, profile[claim], `${path}.${claim}`);
  }
  if (profile.email_verified !== undefined) {
    const verified: unknown = profile.email_verified;
    problems.require(
      typeof verified === 'boolean',
      `${path}.email_verified`,
      'a boolean',
      verified,
    );
  }
  if (profile.birthdate !== undefined) {
    const birthdate: unknown = profile.birthdate;
    problems.require(
      typeof birthdate === 'string' && BIRTHDATE_PATTERN.test(birthdate),
      `${path}.birthdate`,
      'a date as YYYY-MM-DD',
      birthdate,
    );
  }
  if (profile.mbi !== undefined) {
    const mbi: unknown = profile.mbi;
    problems.require(
      typeof mbi === 'string' && MBI_PATTERN.test(mbi),
      `${path}.mbi`,
      'an 11-character Medicare Beneficiary Identifier such as 1EG4TE5MK73',
      mbi,
    );
  }
}

function requireText(problems: InputProblems, value: unknown, path: string): void {
  problems.require(typeof value === 'string' && value !== '', path, 'a non-empty string', value);
}
