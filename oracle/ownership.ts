/** Who owns a marker, from the fixtures twinsub generated and the accounts it created. */
export interface Ownership {
  /** Every canary in a text. Must be a global RegExp. */
  canaryPattern: RegExp;
  ownerOfCanary(canary: string): string | undefined;
  ownerOfPatient(patientId: string): string | undefined;
  patientOf(beneficiary: string): string;
  /** The subject of the beneficiary's account, or '' when it has none. */
  subjectOf(beneficiary: string): string;
  /**
   * The issuer of the beneficiary's account, or '' when it has none. Absent where every account
   * is at one identity provider; findings then name subjects only.
   */
  issuerOf?(beneficiary: string): string;
}
