import { afterEach, describe, expect, it } from 'vitest';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import { startWorld, type World } from '../world/start-world.ts';
import { runTwins } from './twins.ts';
import { SCHEME_NAMES } from '../subjects/registry.ts';

let world: World | undefined;
afterEach(async () => world?.stop());

describe('the twins scenario over HTTP', { timeout: 120_000 }, () => {
  it('finds nothing against the correct reference target', async () => {
    world = await startWorld({ seed: 7, defect: 'none' });

    const result = await runTwins({ world, driver: protocolDriver() });

    expect(result.findings).toEqual([]);
    expect(result.logins).toBe(2);
    expect(
      world.apps.map((app) => app.sessions().map((s) => [s.appUser, s.state, s.patient])),
    ).toEqual([
      [['bene-0001@app-1', 'connected', world.population.beneficiaries[0]!.patientId]],
      [['bene-0002@app-2', 'connected', world.population.beneficiaries[1]!.patientId]],
    ]);
  });

  it("catches the 2018 truncation: the second twin receives the first twin's data", async () => {
    world = await startWorld({ seed: 7, defect: 'truncate-uuid-96' });

    const result = await runTwins({ world, driver: protocolDriver() });

    const firstSub = world.subjects.get('bene-0001')!;
    const secondSub = world.subjects.get('bene-0002')!;
    const first = world.population.beneficiaries[0]!;
    // The target forces every search to the patient it mapped the login to: the first twin's.
    const eobPages = Math.ceil(first.eobs.length / 4);
    const perAnswer = result.findings.map((f) => [
      f.kind,
      f.kind === 'violation' ? f.channel : '',
      new URL(f.url).pathname,
    ]);
    expect(perAnswer).toEqual([
      ['violation', 'token', '/v2/o/token/'],
      ['violation', 'userinfo', '/v2/connect/userinfo'],
      ['violation', 'resource', '/v2/fhir/Patient/'],
      ['violation', 'resource', '/v2/fhir/Coverage/'],
      ...Array.from({ length: eobPages }, () => [
        'violation',
        'resource',
        '/v2/fhir/ExplanationOfBenefit/',
      ]),
      ['violation', 'resource', `/v2/fhir/Patient/${first.patientId}`],
      // After the refresh the app asks again who the token belongs to.
      ['violation', 'refresh', '/v2/o/token/'],
      ['violation', 'userinfo', '/v2/connect/userinfo'],
      ['violation', 'resource', `/v2/fhir/Patient/${first.patientId}`],
    ]);
    for (const finding of result.findings) {
      expect(finding).toMatchObject({
        viewer: 'bene-0002',
        viewerSub: secondSub,
        owner: 'bene-0001',
        ownerSub: firstSub,
        app: 'app-2',
      });
    }
    expect(secondSub).not.toBe(firstSub);
  });
});

describe('the twins scenario under every subject scheme', () => {
  it('finds nothing against the correct reference target for any scheme', async () => {
    world = await startWorld({ seed: 11, defect: 'none', populationSize: SCHEME_NAMES.length * 2 });

    const outcomes = [];
    for (const [index, scheme] of SCHEME_NAMES.entries()) {
      const result = await runTwins(
        { world, driver: protocolDriver() },
        { scheme, offset: index * 2 },
      );
      outcomes.push([scheme, result.logins, result.findings.length]);
    }

    expect(outcomes).toEqual(SCHEME_NAMES.map((scheme) => [scheme, 2, 0]));
    const accounts = await world.control.accounts();
    expect(accounts.map((account) => account.scheme)).toEqual(
      SCHEME_NAMES.flatMap((scheme) => [scheme, scheme]),
    );
  }, 180_000);
});
