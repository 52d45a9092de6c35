/** A beneficiary or app received data owned by someone else. */
export interface Violation {
  kind: 'violation';
  /** Beneficiary who logged in. */
  viewer: string;
  viewerSub: string;
  /** The issuer of the viewer's account, where the world has more than one. */
  viewerIssuer?: string;
  /** Beneficiary whose data arrived; `unknown` for a patient id no fixture owns. */
  owner: string;
  ownerSub: string;
  /** The issuer of the owner's account, where the world has more than one. */
  ownerIssuer?: string;
  app: string;
  /** What carried it: the token response, a refresh, userinfo, or a FHIR resource. */
  channel: 'token' | 'refresh' | 'userinfo' | 'resource';
  url: string;
  /** The first foreign marker found in that answer. */
  marker: string;
  markerKind: 'canary' | 'patient-id';
  /** How many of the owner's markers that answer held. */
  count: number;
  excerpt: string;
}

/** A login that should have succeeded ended in an error, or without the viewer's own data. */
export interface LockOut {
  kind: 'lock-out';
  viewer: string;
  viewerSub: string;
  /** The issuer of the viewer's account, where the world has more than one. */
  viewerIssuer?: string;
  app: string;
  /** The last page the person saw. */
  url: string;
  status: number;
  title: string;
  excerpt: string;
  /** What the app was told, when it was told anything. */
  appError?: string;
  /**
   * Set when the login connected but the viewer's own data never arrived, and nothing foreign
   * came instead: what was missing (a token with no patient, no own canary in any answer).
   */
  missing?: string;
}

export type Finding = Violation | LockOut;
