import { describe, expect, it } from 'vitest';
import { grantedScopes, SCOPES } from './scopes.ts';

describe('grantedScopes', () => {
  it('grants every known scope when none were requested', () => {
    expect(grantedScopes(undefined, true)).toEqual([...SCOPES]);
  });

  it('drops Patient access and profile when demographics are not shared', () => {
    expect(grantedScopes(undefined, false)).toEqual([
      'openid',
      'patient/ExplanationOfBenefit.read',
      'patient/Coverage.read',
    ]);
  });

  it('drops unknown and repeated scopes', () => {
    expect(grantedScopes(['openid', 'admin', 'openid', 'patient/Coverage.read'], true)).toEqual([
      'openid',
      'patient/Coverage.read',
    ]);
  });
});
