/**
 * Paths of the SLSx profile (DOMAIN.md section 6): the login page, the session and user calls,
 * sign-out and health. They sit beside oidc-provider's routes on the simulator's own port.
 */
export const SLSX_PATHS = {
  login: '/sso/authorize',
  session: '/sso/session',
  signout: '/sso/signout',
  users: '/v1/users/',
  health: '/health',
} as const;

/** Whether a request path belongs to the SLSx profile rather than to OpenID Connect. */
export function isSlsxPath(path: string): boolean {
  return (
    path === SLSX_PATHS.login ||
    path === SLSX_PATHS.session ||
    path === SLSX_PATHS.signout ||
    path === SLSX_PATHS.health ||
    path.startsWith(SLSX_PATHS.users)
  );
}
