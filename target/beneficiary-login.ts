import { logger } from '../core/log.ts';
import type { VerifiedIdentity } from './identity-client.ts';
import type { PatientMatch } from './patient-lookup.ts';
import { userKey, type Defect } from './user-key.ts';
import type { AllocatedUserIds, CrosswalkedUser, UserStore } from './user-store.ts';

const log = logger('target:login');

/** A login the target refuses, with what the beneficiary is told. */
export class LoginRefused extends Error {
  readonly status: number;
  readonly title: string;

  constructor(status: number, title: string, message: string) {
    super(message);
    this.name = 'LoginRefused';
    this.status = status;
    this.title = title;
  }
}

export interface BeneficiaryLoginContext {
  defect: Defect;
  users: UserStore;
  /** Set only under `first-login-race`: new users get ids the application allocates. */
  allocatedIds?: AllocatedUserIds;
  hashMbi(mbi: string): string;
  findPatient(mbiHash: string): Promise<PatientMatch>;
}

/**
 * The guard a later BB2.0 release added (DOMAIN.md section 1): an existing user must still match
 * the patient this login's MBI names. Behind a lossy key it turns a leak into a server error.
 */
function guardCrosswalk(
  existing: CrosswalkedUser,
  identity: VerifiedIdentity,
  context: BeneficiaryLoginContext,
): void {
  if (identity.mbi !== undefined && context.hashMbi(identity.mbi) === existing.mbiHash) return;
  throw new LoginRefused(
    500,
    'Server error',
    'This account does not match the Medicare record it is linked to.',
  );
}

/**
 * Maps a verified identity to a local user, as BB2.0's callback does: an existing user (by the
 * defect's key) keeps its crosswalk; a new one gets the patient found by its hashed MBI. There is
 * deliberately no check that an existing user's patient matches this login's MBI: that guard came
 * later (DOMAIN.md section 1), and without it colliding keys leak data instead of locking out.
 */
export async function loginBeneficiary(
  identity: VerifiedIdentity,
  context: BeneficiaryLoginContext,
): Promise<CrosswalkedUser> {
  const username = userKey(context.defect, identity);
  const existing = await context.users.findByUsername(username);
  if (existing && context.defect === 'guarded-truncate-uuid-96') {
    guardCrosswalk(existing, identity, context);
  }
  if (existing) {
    log(
      'sub %s logged in as existing user %d (patient %s)',
      identity.sub,
      existing.id,
      existing.patientId,
    );
    return existing;
  }

  if (!identity.mbi) {
    throw new LoginRefused(500, 'Server error', 'The identity system did not provide an MBI.');
  }
  const mbiHash = context.hashMbi(identity.mbi);
  // `first-login-race`: the new user's id is taken now and written after the lookup below.
  const allocatedId = await context.allocatedIds?.allocateId();
  const match = await context.findPatient(mbiHash);
  if (match.found === 'none') {
    throw new LoginRefused(
      404,
      'Login failed: no Medicare record found',
      'No Medicare record found for this account.',
    );
  }
  if (match.found === 'many') {
    throw new LoginRefused(
      500,
      'Server error',
      `More than one Medicare record matches this account (${match.patientIds.length}).`,
    );
  }

  const newUser = {
    username,
    issuer: identity.iss,
    subject: identity.sub,
    givenName: identity.givenName ?? null,
    familyName: identity.familyName ?? null,
    email: identity.email ?? null,
    patientId: match.patientId,
    mbiHash,
  };
  const user =
    allocatedId === undefined
      ? await context.users.create(newUser)
      : await context.allocatedIds!.createWithId(allocatedId, newUser);
  log('sub %s logged in as new user %d (patient %s)', identity.sub, user.id, user.patientId);
  return user;
}
