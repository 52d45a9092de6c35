import type { ConsentSelectors, EndpointsConfig } from './twinsub-config.ts';

/** Blue Button 2.0's v2 endpoints (DOMAIN.md section 5). */
export const BLUE_BUTTON_ENDPOINTS: EndpointsConfig = {
  authorize: '/v2/o/authorize/',
  token: '/v2/o/token/',
  revoke: '/v2/o/revoke_token/',
  userinfo: '/v2/connect/userinfo',
  // Small EOB pages, so that every login also walks the target's paging links.
  resources: ['/v2/fhir/Patient/', '/v2/fhir/Coverage/', '/v2/fhir/ExplanationOfBenefit/?_count=4'],
};

export const BLUE_BUTTON_SCOPES = [
  'openid',
  'profile',
  'patient/Patient.read',
  'patient/Coverage.read',
  'patient/ExplanationOfBenefit.read',
];

/** Blue Button 2.0's consent form: approve is `allow`, deny a nameless submit. */
export const BLUE_BUTTON_CONSENT: ConsentSelectors = {
  form: 'form#authorizationForm',
  approve: '[name=allow]',
  deny: 'button[type=submit]:not([name]), input[type=submit]:not([name]), button:not([type]):not([name])',
  demographics: { field: 'share_demographic_scopes', share: 'True', withhold: 'False' },
};
