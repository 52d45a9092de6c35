import { DEFAULT_EPOCH_MS } from '../core/clock.ts';
import { logger } from '../core/log.ts';
import { startThirdPartyApp, type StartedThirdPartyApp } from '../apps/third-party-app.ts';
import type { TargetEndpoints } from '../apps/target-endpoints.ts';
import { startDataBackend } from '../backend/start-data-backend.ts';
import type { ResolvedConfig } from '../config/twinsub-config.ts';
import { generatePopulation } from '../fixtures/generate-population.ts';
import { SimulatorControl } from '../simulator/control-client.ts';
import { reachTarget } from './external-target.ts';
import { spawnPart } from './spawn-part.ts';
import type { SimulatorPartInfo } from './part-protocol.ts';
import { worldAccounts, type WorldIdentityProvider } from './world-accounts.ts';
import type { World } from './start-world.ts';

const log = logger('world');

export interface ConfiguredWorldOptions {
  seed: number;
  populationSize: number;
  scheme: string;
  onWarning?: (line: string) => void;
}

/**
 * A world around the user's own target: the simulator, the data backend and the apps on the
 * fixed ports and credentials the target was configured with, and the target reached by URL,
 * command or image. A target that outlives one world remembers its users, so each world's
 * identity system draws fresh subjects (its seed is mixed with the start time): the same subject
 * for another beneficiary would otherwise look like a leak the target did not cause.
 */
export async function startConfiguredWorld(
  config: ResolvedConfig,
  options: ConfiguredWorldOptions,
): Promise<World> {
  const population = generatePopulation({ seed: options.seed, size: options.populationSize });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopPart of stops.reverse()) await stopPart();
    stops.length = 0;
  };

  try {
    const { more } = config.identityProviders;
    const simulatorStart = spawnPart<SimulatorPartInfo>(
      {
        part: 'simulator',
        options: {
          seed: (options.seed ^ Date.now()) | 0,
          startMs: DEFAULT_EPOCH_MS,
          scheme: options.scheme,
          port: config.ports.simulator,
          controlPort: config.ports.control,
          more: more.map((one) => ({ port: one.port, controlPort: one.controlPort })),
        },
      },
      options.onWarning,
    );
    stops.push(async () => (await simulatorStart.catch(() => undefined))?.stop());
    const { info: simulator } = await simulatorStart;
    const control = new SimulatorControl(simulator.controlUrl);
    const providers: WorldIdentityProvider[] = [
      {
        name: 'identity provider 1',
        issuer: simulator.issuer,
        control,
        choose: config.identityProviders.choose,
      },
      ...simulator.more.map((started, i) => ({
        name: `identity provider ${i + 2}`,
        issuer: started.issuer,
        control: new SimulatorControl(started.controlUrl),
        choose: more[i]!.choose,
      })),
    ];
    const clients = [config.identityClient, ...more.map((one) => one.identityClient)];
    for (const [i, provider] of providers.entries()) {
      await provider.control.registerClient({
        client_id: clients[i]!.clientId,
        client_secret: clients[i]!.clientSecret,
        redirect_uris: [clients[i]!.redirectUri],
      });
    }

    const backend = await startDataBackend({
      population,
      mbiHash: config.mbiHash,
      port: config.ports.backend,
    });
    stops.push(() => backend.stop());

    const apps: StartedThirdPartyApp[] = [];
    for (const app of config.apps) {
      const started = await startThirdPartyApp({
        name: app.name,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        port: app.port,
      });
      stops.push(() => started.stop());
      apps.push(started);
    }

    const target = await reachTarget(config.target);
    stops.push(() => target.stop());
    for (const app of apps) app.connect(configuredEndpoints(config, target.url));
    log('configured world started: simulator %s, target %s', simulator.issuer, target.url);

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

/** The configured endpoints, each a path below the target URL or a full URL. */
export function configuredEndpoints(config: ResolvedConfig, targetUrl: string): TargetEndpoints {
  const at = (path: string) => new URL(path, `${targetUrl}/`).href;
  return {
    issuer: targetUrl,
    authorizeUrl: at(config.endpoints.authorize),
    tokenUrl: at(config.endpoints.token),
    revokeUrl: at(config.endpoints.revoke),
    userinfoUrl: at(config.endpoints.userinfo),
    resourceUrls: config.endpoints.resources.map(at),
    scopes: [...config.scopes],
  };
}
