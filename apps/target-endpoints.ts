/** Where an app finds a target's OAuth and data endpoints, and what it asks for. */
export interface TargetEndpoints {
  /** Identifier of the authorization server; also the base the paths below were built on. */
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  userinfoUrl: string;
  /** FHIR searches an app runs after login, each forced by the target to the token's patient. */
  resourceUrls: string[];
  scopes: string[];
}

/** The endpoints of a server shaped like Blue Button 2.0 (DOMAIN.md section 5). */
export function blueButtonEndpoints(targetUrl: string): TargetEndpoints {
  const base = targetUrl.replace(/\/+$/, '');
  return {
    issuer: base,
    authorizeUrl: `${base}/v2/o/authorize/`,
    tokenUrl: `${base}/v2/o/token/`,
    revokeUrl: `${base}/v2/o/revoke_token/`,
    userinfoUrl: `${base}/v2/connect/userinfo`,
    resourceUrls: [
      `${base}/v2/fhir/Patient/`,
      `${base}/v2/fhir/Coverage/`,
      // Small pages, so that every login also walks the target's paging links.
      `${base}/v2/fhir/ExplanationOfBenefit/?_count=4`,
    ],
    scopes: [
      'openid',
      'profile',
      'patient/Patient.read',
      'patient/Coverage.read',
      'patient/ExplanationOfBenefit.read',
    ],
  };
}
