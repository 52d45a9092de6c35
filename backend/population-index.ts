import type { Beneficiary, Population } from '../fixtures/population.ts';
import { mbiHash, type ResolvedMbiHashOptions } from '../fixtures/mbi-hash.ts';

/** The lookups a FHIR server keeps as database indexes, built once per set of handlers. */
export class PopulationIndex {
  readonly population: Population;
  readonly #hashOptions: ResolvedMbiHashOptions;
  readonly #byMbi: Map<string, Beneficiary>;
  readonly #eobs = new Map<string, fhir4.ExplanationOfBenefit>();
  readonly #coverages = new Map<string, fhir4.Coverage>();
  #byMbiHash: Map<string, Beneficiary> | undefined;

  constructor(population: Population, hashOptions: ResolvedMbiHashOptions) {
    this.population = population;
    this.#hashOptions = hashOptions;
    this.#byMbi = new Map(population.beneficiaries.map((b) => [b.mbi, b]));
    for (const beneficiary of population.beneficiaries) {
      for (const eob of beneficiary.eobs) this.#eobs.set(eob.id ?? '', eob);
      for (const coverage of beneficiary.coverages)
        this.#coverages.set(coverage.id ?? '', coverage);
    }
  }

  byPatientId(id: string): Beneficiary | undefined {
    return this.population.byPatientId.get(id);
  }

  byMbi(mbi: string): Beneficiary | undefined {
    return this.#byMbi.get(mbi);
  }

  /** Hex of the MBI hash, either case. */
  byMbiHash(hash: string): Beneficiary | undefined {
    // Hashing is deliberately slow at real iteration counts, so it is done once, on first use.
    this.#byMbiHash ??= new Map(
      this.population.beneficiaries.map((b) => [mbiHash(b.mbi, this.#hashOptions), b]),
    );
    return this.#byMbiHash.get(hash.toLowerCase());
  }

  eob(id: string): fhir4.ExplanationOfBenefit | undefined {
    return this.#eobs.get(id);
  }

  coverage(id: string): fhir4.Coverage | undefined {
    return this.#coverages.get(id);
  }
}
