import { ManualClock, DEFAULT_EPOCH_MS } from '../core/clock.ts';
import { logger } from '../core/log.ts';
import { seededRandom, type Random } from '../core/random.ts';
import { startThirdPartyApp, type StartedThirdPartyApp } from '../apps/third-party-app.ts';
import { blueButtonEndpoints } from '../apps/target-endpoints.ts';
import { startDataBackend } from '../backend/start-data-backend.ts';
import { generatePopulation } from '../fixtures/generate-population.ts';
import { DEFAULT_MBI_HASH_ITERATIONS, DEFAULT_MBI_HASH_SALT } from '../fixtures/mbi-hash.ts';
import type { Beneficiary, Population } from '../fixtures/population.ts';
import { SimulatorControl } from '../simulator/control-client.ts';
import type { Account } from '../simulator/account.ts';
import { spawnPart } from './spawn-part.ts';
import type { Ownership } from '../oracle/ownership.ts';
import type { LookupHold } from '../backend/login-lookup-gate.ts';
import type { SimulatorPartInfo } from './part-protocol.ts';
import { worldAccounts, type EnrollOptions, type WorldIdentityProvider } from './world-accounts.ts';

export type { EnrollOptions, WorldIdentityProvider } from './world-accounts.ts';
import type { Defect } from '../target/user-key.ts';
import type { WorldOptions } from './world-options.ts';

const log = logger('world');

/** A started world: identity system, data backend, reference target and apps, all on loopback. */
export interface World extends AsyncDisposable {
  readonly population: Population;
  /** The first identity provider's control API (`identityProviders[0].control`). */
  readonly control: SimulatorControl;
  /** Every identity provider the target trusts, the first one first. */
  readonly identityProviders: WorldIdentityProvider[];
  readonly apps: StartedThirdPartyApp[];
  readonly targetUrl: string;
  readonly simulatorUrl: string;
  readonly backendUrl: string;
  /** Beneficiary key -> the subject the simulator gave their account. */
  readonly subjects: Map<string, string>;
  readonly ownership: Ownership;
  /**
   * Creates the beneficiary's account at the simulator, at the simulated clock's time: under the
   * simulator's scheme, or a chosen one, with an explicit `sub`, or as a twin of an existing
   * account under a transform; `email` replaces the beneficiary's own.
   */
  enroll(beneficiary: Beneficiary, options?: EnrollOptions): Promise<Account>;
  /** The identity provider holding the beneficiary's account, once enrolled. */
  identityProviderOf(key: string): WorldIdentityProvider | undefined;
  /**
   * Holds the data backend's login lookups until `count` wait at once (`LoginLookupGate`): that
   * many first logins are then all inside the target's check-then-store window together.
   */
  holdLoginLookups(count: number): LookupHold;
  stop(): Promise<void>;
}

/**
 * Starts every part in the order their addresses are needed: the simulator (its issuer is in every
 * token), the data backend, the apps (their redirect URIs are registered at the target), then the
 * target, whose identity callback is registered at the simulator last.
 */
export async function startWorld(options: WorldOptions): Promise<World> {
  const random = seededRandom(options.seed);
  const ports = options.ports ?? {};
  const population = generatePopulation({ seed: options.seed, size: options.populationSize ?? 2 });
  const mbiHash = { salt: DEFAULT_MBI_HASH_SALT, iterations: DEFAULT_MBI_HASH_ITERATIONS };
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopPart of stops.reverse()) await stopPart();
    stops.length = 0;
  };

  // Simulated time starts at one fixed instant in every part, so a run replays from its seed.
  const clock = new ManualClock(DEFAULT_EPOCH_MS);
  try {
    // The simulator and the target run in processes of their own, as they would for real.
    const providerCount = options.identityProviders ?? 2;
    const simulatorStart = spawnPart<SimulatorPartInfo>(
      {
        part: 'simulator',
        options: {
          seed: options.seed,
          startMs: clock.now(),
          scheme: options.scheme ?? 'uuid-v1',
          port: ports.simulator,
          controlPort: ports.control,
          more: Array.from({ length: providerCount - 1 }, (_, i) => ({
            port: ports.moreSimulators?.[i]?.simulator,
            controlPort: ports.moreSimulators?.[i]?.control,
          })),
        },
      },
      options.onWarning,
    );
    stops.push(async () => (await simulatorStart.catch(() => undefined))?.stop());
    const { info: simulator } = await simulatorStart;
    const control = new SimulatorControl(simulator.controlUrl);

    const backend = await startDataBackend({ population, mbiHash, clock, port: ports.backend });
    stops.push(() => backend.stop());

    const apps: StartedThirdPartyApp[] = [];
    for (let i = 1; i <= (options.appCount ?? 2); i += 1) {
      const app = await startThirdPartyApp({
        name: `app-${i}`,
        clientId: `app-${i}-${hex(random, 6)}`,
        clientSecret: hex(random, 24),
        port: ports.apps?.[i - 1],
      });
      stops.push(() => app.stop());
      apps.push(app);
    }

    const identityClient = { clientId: 'reference-target', clientSecret: hex(random, 24) };
    // The target's client at each further identity provider has a secret of its own.
    const moreIssuers = simulator.more.map(({ issuer }, i) => ({
      issuer,
      name: PROVIDER_NAMES[i + 1] ?? `identity provider ${i + 2}`,
      identityClient: { clientId: 'reference-target', clientSecret: hex(random, 24) },
    }));
    const targetStart = spawnPart<{ url: string; identityRedirectUri: string }>({
      part: 'target',
      options: {
        issuer: simulator.issuer,
        issuerName: PROVIDER_NAMES[0],
        moreIssuers,
        identityProtocol: options.identityProtocol,
        identityClient,
        backendUrl: backend.url,
        mbiHash,
        defect: (options.defect ?? 'none') as Defect,
        databaseUrl: options.databaseUrl,
        port: ports.target,
        apps: apps.map((app) => ({
          clientId: app.clientId,
          clientSecret: app.clientSecret,
          name: app.name,
          redirectUris: [app.redirectUri],
        })),
      },
    });
    stops.push(async () => (await targetStart.catch(() => undefined))?.stop());
    const { info: target } = await targetStart;
    // The reference target's sign-in page names each issuer (`target/sign-in-page.ts`).
    const choose = (issuer: string) =>
      providerCount > 1 ? `a[data-identity-provider="${issuer}"]` : undefined;
    const providers: WorldIdentityProvider[] = [
      {
        name: PROVIDER_NAMES[0],
        issuer: simulator.issuer,
        control,
        choose: choose(simulator.issuer),
      },
      ...simulator.more.map((more, i) => ({
        name: moreIssuers[i]!.name,
        issuer: more.issuer,
        control: new SimulatorControl(more.controlUrl),
        choose: choose(more.issuer),
      })),
    ];
    const clients = [identityClient, ...moreIssuers.map((more) => more.identityClient)];
    for (const [i, provider] of providers.entries()) {
      await provider.control.registerClient({
        client_id: clients[i]!.clientId,
        client_secret: clients[i]!.clientSecret,
        redirect_uris: [target.identityRedirectUri],
      });
    }
    for (const app of apps) app.connect(blueButtonEndpoints(target.url));
    log('world started: simulator %s, target %s', simulator.issuer, target.url);

    return {
      population,
      control,
      apps,
      targetUrl: target.url,
      simulatorUrl: simulator.issuer,
      backendUrl: backend.url,
      ...worldAccounts(population, providers),
      holdLoginLookups: (count) => backend.holdLoginLookups(count),
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What the reference target's sign-in page calls the world's identity providers, in order. */
const PROVIDER_NAMES = ['Medicare.gov', 'Login.gov'] as const;

function hex(random: Random, bytes: number): string {
  return Buffer.from(random.bytes(bytes)).toString('hex');
}
