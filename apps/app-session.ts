/** One HTTP answer an app received from the target, kept whole for the oracle. */
export interface ReceivedResponse {
  /** What the app asked for: `token`, `userinfo`, `refresh`, or `resource`. */
  purpose: 'token' | 'refresh' | 'userinfo' | 'resource';
  method: string;
  url: string;
  status: number;
  body: string;
}

/**
 * What happened between an app and the target for one of the app's own users: the app keeps one
 * session per app user, as a real app keeps its users' connections.
 */
export interface AppSession {
  app: string;
  appUser: string;
  state: 'started' | 'connected' | 'denied' | 'failed';
  /** The `patient` field of the token response, when there was one. */
  patient?: string;
  scope?: string;
  /** Why the session failed or was denied, in the words the app received. */
  error?: string;
  responses: ReceivedResponse[];
}
