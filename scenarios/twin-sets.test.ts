import { afterEach, describe, expect, it } from 'vitest';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import type { Finding } from '../oracle/finding.ts';
import { startWorld, type World } from '../world/start-world.ts';
import { twinProbes, type TwinProbe } from './twin-probes.ts';
import { runTwinSets } from './twin-sets.ts';

let world: World | undefined;
afterEach(async () => world?.stop());

const probe = (name: string): TwinProbe => twinProbes().find((p) => p.name === name)!;
const ISSUER = probe('sequential issuer');
const USERINFO = probe('uuid-v4 userinfo-sub');

/** What each finding says, in order: who saw whose data, through what. */
function leaks(findings: Finding[]): string[] {
  return findings.map((f) =>
    f.kind === 'violation'
      ? `${f.viewer} ${f.app} saw ${f.owner} via ${f.channel}`
      : `${f.viewer} ${f.app} locked out`,
  );
}

/** The twin's leak through app-2: every answer the app received named the first one instead. */
function twinLeak(eobs: number): string[] {
  const via = (channel: string) => `bene-0002 app-2 saw bene-0001 via ${channel}`;
  return [
    via('token'),
    via('userinfo'),
    ...Array.from({ length: 3 + Math.ceil(eobs / 4) }, () => via('resource')),
    via('refresh'),
    via('userinfo'),
    via('resource'),
  ];
}

describe(
  'the twin-sets probes that need two issuers or a misbehaving one',
  { timeout: 240_000 },
  () => {
    it('finds nothing against the correct reference target, which refuses the mixed-up UserInfo', async () => {
      world = await startWorld({ seed: 9, defect: 'none', populationSize: 4 });

      const result = await runTwinSets({ world, driver: protocolDriver() }, [ISSUER, USERINFO]);

      expect(result.findings).toEqual([]);
      const [provider1, provider2] = world.identityProviders;
      // The same sub at both identity providers, for two people; each connected as themselves.
      expect(result.accounts.map((a) => [a.beneficiary, a.sub, a.issuer])).toEqual([
        ['bene-0001', '1', provider1!.issuer],
        ['bene-0003', world.subjects.get('bene-0003'), provider1!.issuer],
        ['bene-0004', world.subjects.get('bene-0004'), provider1!.issuer],
        ['bene-0002', '1', provider2!.issuer],
      ]);
      expect(result.loginOutcomes?.map((l) => `${l.beneficiary} ${l.app} ${l.outcome}`)).toEqual([
        'bene-0001 app-1 connected',
        'bene-0002 app-2 connected',
        'bene-0001 app-2 connected',
        'bene-0003 app-1 connected',
        // Its UserInfo named bene-0003: the target refused the login, which the probe allows.
        'bene-0004 app-2 started',
        'bene-0003 app-2 connected',
      ]);
      // Ground truth: the identity provider did answer bene-0004's UserInfo with bene-0003's sub.
      const userinfo = (await provider1!.control.issuances()).filter((i) => i.kind === 'userinfo');
      expect(userinfo.map((i) => i.sub)).toEqual([
        '1',
        '1',
        world.subjects.get('bene-0003'),
        world.subjects.get('bene-0003'),
        world.subjects.get('bene-0003'),
      ]);
    });

    it('catches issuer-ignored: the same sub from the second issuer receives the first one’s data', async () => {
      world = await startWorld({ seed: 9, defect: 'issuer-ignored', populationSize: 2 });

      const result = await runTwinSets({ world, driver: protocolDriver() }, [ISSUER]);

      const [provider1, provider2] = world.identityProviders;
      expect(leaks(result.findings)).toEqual(
        twinLeak(world.population.beneficiaries[0]!.eobs.length),
      );
      for (const finding of result.findings) {
        expect(finding).toMatchObject({
          viewerSub: '1',
          viewerIssuer: provider2!.issuer,
          ownerSub: '1',
          ownerIssuer: provider1!.issuer,
        });
      }
    });

    it('catches userinfo-sub-unchecked: the twin whose UserInfo names the first receives their data', async () => {
      world = await startWorld({ seed: 9, defect: 'userinfo-sub-unchecked', populationSize: 2 });

      const result = await runTwinSets({ world, driver: protocolDriver() }, [USERINFO]);

      expect(leaks(result.findings)).toEqual(
        twinLeak(world.population.beneficiaries[0]!.eobs.length),
      );
      for (const finding of result.findings) {
        expect(finding).toMatchObject({
          viewerSub: world.subjects.get('bene-0002'),
          ownerSub: world.subjects.get('bene-0001'),
        });
      }
    });
  },
);
