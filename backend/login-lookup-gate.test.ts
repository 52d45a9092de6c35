import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mbiHash } from '../fixtures/mbi-hash.ts';
import { MBI_HASH_SYSTEM } from '../target/patient-lookup.ts';
import { isLoginLookup } from './login-lookup-gate.ts';
import { type StartedDataBackend, startDataBackend } from './start-data-backend.ts';
import { testClock, testHash, testPopulation } from './test-population.ts';

let backend: StartedDataBackend;

beforeAll(async () => {
  backend = await startDataBackend({
    population: testPopulation,
    mbiHash: testHash,
    clock: testClock,
  });
});
afterAll(() => backend.stop());

const [first, second, third] = testPopulation.beneficiaries;
const lookupUrl = (mbi: string) =>
  `${backend.url}/v2/fhir/Patient/?${new URLSearchParams({
    identifier: `${MBI_HASH_SYSTEM}|${mbiHash(mbi, testHash)}`,
  })}`;

/** Looks a beneficiary up and notes, when the answer arrives, whose it was. */
async function lookUp(mbi: string, answered: string[]): Promise<void> {
  const bundle = (await (await fetch(lookupUrl(mbi))).json()) as {
    entry: { resource: { id: string } }[];
  };
  answered.push(bundle.entry[0]!.resource.id);
}

describe('holding login lookups', () => {
  it('holds them until all have arrived, then answers each in population order on request', async () => {
    const hold = backend.holdLoginLookups(3);
    const answered: string[] = [];

    // Asked in reverse order; none is answered before all three wait and the caller asks.
    const lookups = [lookUp(third!.mbi, answered), lookUp(second!.mbi, answered)];
    // Other requests are answered while lookups are held.
    const read = await fetch(`${backend.url}/v2/fhir/Patient/${first!.patientId}`);
    expect([read.status, answered]).toEqual([200, []]);
    lookups.push(lookUp(first!.mbi, answered));
    expect(await hold.filled).toEqual({ held: 3, filled: true });
    expect(answered).toEqual([]);

    const ranks = [await hold.answerNext(), await hold.answerNext(), await hold.answerNext()];
    await Promise.all(lookups);

    expect(ranks).toEqual([0, 1, 2]);
    expect(answered).toEqual([first!.patientId, second!.patientId, third!.patientId]);
    expect(await hold.answerNext()).toBeUndefined();
    // The hold is over: the next lookup is answered at once.
    await lookUp(first!.mbi, answered);
    expect(answered).toHaveLength(4);
  });

  it('stops holding more when none arrives within the idle limit', async () => {
    const hold = backend.holdLoginLookups(2, { idleLimitMs: 50 });
    const answered: string[] = [];
    const held = lookUp(second!.mbi, answered);

    expect(await hold.filled).toEqual({ held: 1, filled: false });
    await lookUp(third!.mbi, answered);
    hold.release();
    await held;

    expect(answered).toEqual([third!.patientId, second!.patientId]);
  });

  it('ends the hold on release: lookups are answered at once', async () => {
    const hold = backend.holdLoginLookups(5);
    const answered: string[] = [];

    hold.release();
    await lookUp(first!.mbi, answered);

    expect(await hold.filled).toEqual({ held: 0, filled: false });
    expect(answered).toEqual([first!.patientId]);
  });

  it('refuses a second hold while one is in progress', () => {
    const hold = backend.holdLoginLookups(1);

    expect(() => backend.holdLoginLookups(1)).toThrowError(
      'the data backend already holds login lookups',
    );
    hold.release();
  });
});

describe('isLoginLookup', () => {
  it('is a Patient search by identifier, by GET or POST _search, and nothing else', () => {
    const base = 'http://127.0.0.1:1/v2/fhir';
    expect(
      [
        new Request(`${base}/Patient/?identifier=a|b`),
        new Request(`${base}/Patient?identifier=a|b`),
        new Request(`${base}/Patient/_search`, { method: 'POST', body: 'identifier=a|b' }),
        new Request(`${base}/Patient/?_id=-1`),
        new Request(`${base}/Patient/-1`),
        new Request(`${base}/ExplanationOfBenefit/?patient=-1`),
      ].map(isLoginLookup),
    ).toEqual([true, true, true, false, false, false]);
  });
});
