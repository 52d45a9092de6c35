/**
 * The patient id in a reference search parameter. FHIR R4 (search.html#reference) allows both the
 * bare id and `Patient/<id>`; BB2.0 sends `beneficiary=Patient/<id>` and `patient=<id>`.
 */
export function patientIdOf(reference: string): string {
  return reference.startsWith('Patient/') ? reference.slice('Patient/'.length) : reference;
}
