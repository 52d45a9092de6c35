import { afterEach, describe, expect, it, vi } from 'vitest';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import { runTwins } from '../scenarios/twins.ts';
import { startWorld, type World } from './start-world.ts';

// Each case starts a world: two processes and an embedded PostgreSQL.
vi.setConfig({ testTimeout: 120_000 });

let world: World | undefined;
afterEach(async () => world?.stop());

/** The Blue Button profile end to end: the reference target logs people in over SLSx. */
describe('a world whose target speaks SLSx to the simulator', () => {
  it('finds nothing against the correct reference target', async () => {
    world = await startWorld({ seed: 7, defect: 'none', identityProtocol: 'slsx' });

    const result = await runTwins({ world, driver: protocolDriver() });

    expect(result.findings).toEqual([]);
    expect(result.logins).toBe(2);
    expect(
      world.apps.map((app) => app.sessions().map((s) => [s.appUser, s.state, s.patient])),
    ).toEqual([
      [['bene-0001@app-1', 'connected', world.population.beneficiaries[0]!.patientId]],
      [['bene-0002@app-2', 'connected', world.population.beneficiaries[1]!.patientId]],
    ]);
    // Each login went through SLSx: request token, auth token and one user answer per person.
    const issued = await world.control.issuances();
    expect(issued.map((i) => [i.kind, i.sub])).toEqual([
      ['authorization_code', world.subjects.get('bene-0001')],
      ['access_token', world.subjects.get('bene-0001')],
      ['userinfo', world.subjects.get('bene-0001')],
      ['authorization_code', world.subjects.get('bene-0002')],
      ['access_token', world.subjects.get('bene-0002')],
      ['userinfo', world.subjects.get('bene-0002')],
    ]);
  });

  it("catches the 2018 truncation: the second twin receives the first twin's data", async () => {
    world = await startWorld({ seed: 7, defect: 'truncate-uuid-96', identityProtocol: 'slsx' });

    const result = await runTwins({ world, driver: protocolDriver() });

    const first = world.population.beneficiaries[0]!;
    // Token, userinfo, Patient, Coverage, each EOB page, the Patient read, refresh, userinfo, read.
    const eobPages = Math.ceil(first.eobs.length / 4);
    expect(result.findings.length).toBe(8 + eobPages);
    for (const finding of result.findings) {
      expect(finding).toMatchObject({
        kind: 'violation',
        viewer: 'bene-0002',
        viewerSub: world.subjects.get('bene-0002'),
        owner: 'bene-0001',
        ownerSub: world.subjects.get('bene-0001'),
        app: 'app-2',
      });
    }
  });
});
