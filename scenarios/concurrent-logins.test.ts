import { afterEach, describe, expect, it } from 'vitest';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import { startWorld, type World } from '../world/start-world.ts';
import { CONCURRENT_LOGINS, runConcurrentLogins } from './concurrent-logins.ts';

let world: World | undefined;
afterEach(async () => world?.stop());

describe('the concurrent-logins scenario over HTTP', { timeout: 240_000 }, () => {
  it('finds nothing against the correct reference target', async () => {
    world = await startWorld({ seed: 5, defect: 'none', populationSize: CONCURRENT_LOGINS });
    const lines: string[] = [];

    const result = await runConcurrentLogins({
      world,
      driver: protocolDriver(),
      progress: (line) => lines.push(line),
    });

    expect(result.findings).toEqual([]);
    expect(lines).toEqual(['concurrent-logins: 4 first logins at the target at once']);
    expect(
      world.apps.map((app) => app.sessions().map((s) => [s.appUser, s.state, s.patient])),
    ).toEqual([
      [
        ['bene-0001@app-1', 'connected', world.population.beneficiaries[0]!.patientId],
        ['bene-0003@app-1', 'connected', world.population.beneficiaries[2]!.patientId],
      ],
      [
        ['bene-0002@app-2', 'connected', world.population.beneficiaries[1]!.patientId],
        ['bene-0004@app-2', 'connected', world.population.beneficiaries[3]!.patientId],
      ],
    ]);
  });

  it("catches the first-login race: every later login of the batch receives the first one's data", async () => {
    world = await startWorld({
      seed: 5,
      defect: 'first-login-race',
      populationSize: CONCURRENT_LOGINS,
    });

    const result = await runConcurrentLogins({ world, driver: protocolDriver() });

    const [first] = world.population.beneficiaries;
    const byViewer = new Map<string, string[]>();
    for (const finding of result.findings) {
      const seen = byViewer.get(finding.viewer) ?? [];
      byViewer.set(finding.viewer, [
        ...seen,
        finding.kind === 'violation' ? `${finding.owner} ${finding.channel}` : 'lock-out',
      ]);
    }
    // Token, userinfo, Patient, Coverage, each EOB page, the Patient read, refresh, userinfo, read.
    const eobPages = Math.ceil(first!.eobs.length / 4);
    const leak = [
      'bene-0001 token',
      'bene-0001 userinfo',
      ...Array.from({ length: 3 + eobPages }, () => 'bene-0001 resource'),
      'bene-0001 refresh',
      'bene-0001 userinfo',
      'bene-0001 resource',
    ];
    expect(Object.fromEntries(byViewer)).toEqual({
      'bene-0002': leak,
      'bene-0003': leak,
      'bene-0004': leak,
    });
    for (const finding of result.findings) {
      expect(finding).toMatchObject({
        kind: 'violation',
        viewerSub: world.subjects.get(finding.viewer),
        ownerSub: world.subjects.get('bene-0001'),
      });
    }
  });
});
