/** The scopes BB2.0 version 2 grants (DOMAIN.md section 5). */
export const SCOPES = [
  'openid',
  'profile',
  'patient/Patient.read',
  'patient/ExplanationOfBenefit.read',
  'patient/Coverage.read',
] as const;

/**
 * What a beneficiary withholds by answering False to `share_demographic_scopes`: BB2.0 then
 * drops Patient access and the profile claims, keeping claims data (EOB, Coverage).
 */
export const DEMOGRAPHIC_SCOPES: readonly string[] = ['profile', 'patient/Patient.read'];

/**
 * The scopes a grant gets: those requested that the target knows (all of them when none were
 * requested, as BB2.0 defaults to the app's full set), minus the demographic ones when withheld.
 */
export function grantedScopes(requested: string[] | undefined, shareDemographics: boolean) {
  const known = (requested ?? [...SCOPES]).filter((scope) =>
    (SCOPES as readonly string[]).includes(scope),
  );
  const unique = [...new Set(known)];
  if (shareDemographics) return unique;
  return unique.filter((scope) => !DEMOGRAPHIC_SCOPES.includes(scope));
}
