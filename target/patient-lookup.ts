import { pbkdf2Sync } from 'node:crypto';

/** BFD's identifier system for the hashed MBI (DOMAIN.md section 7). */
export const MBI_HASH_SYSTEM = 'https://bluebutton.cms.gov/resources/identifier/mbi-hash';

export type PatientMatch =
  { found: 'one'; patientId: string } | { found: 'none' } | { found: 'many'; patientIds: string[] };

/**
 * BB2.0's login lookup: the hex PBKDF2-HMAC-SHA256 of the MBI (hex-decoded salt, 32 bytes).
 * The target computes it itself rather than borrowing the fixtures' function, so a mismatch
 * between the two would show up as "no Medicare record found" instead of hiding.
 */
export function hashMbi(mbi: string, options: { salt: string; iterations: number }): string {
  return pbkdf2Sync(
    mbi,
    Buffer.from(options.salt, 'hex'),
    options.iterations,
    32,
    'sha256',
  ).toString('hex');
}

/** Searches the data backend for the patient with this MBI hash; exactly one is expected. */
export async function findPatientByMbiHash(
  backendUrl: string,
  mbiHash: string,
): Promise<PatientMatch> {
  const url = new URL(`${backendUrl}/v2/fhir/Patient/`);
  url.searchParams.set('identifier', `${MBI_HASH_SYSTEM}|${mbiHash}`);
  const response = await fetch(url, { headers: { accept: 'application/fhir+json' } });
  if (!response.ok) {
    throw new Error(`the data backend answered ${response.status} to the patient search`);
  }

  const bundle = (await response.json()) as { entry?: { resource?: { id?: string } }[] };
  const ids = (bundle.entry ?? [])
    .map((entry) => entry.resource?.id)
    .filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return { found: 'none' };
  if (ids.length > 1) return { found: 'many', patientIds: ids };
  return { found: 'one', patientId: ids[0] as string };
}
