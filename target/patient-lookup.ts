/** BFD's identifier system for the hashed MBI (DOMAIN.md section 7). */
export const MBI_HASH_SYSTEM = 'https://bluebutton.cms.gov/resources/identifier/mbi-hash';

export type PatientMatch =
  { found: 'one'; patientId: string } | { found: 'none' } | { found: 'many'; patientIds: string[] };

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
