import { DEFECTS, isDefect } from '../target/user-key.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import { startWorld } from '../world/start-world.ts';
import { checkPortsFree } from './check-ports.ts';

/** Options of `twinsub serve` as commander hands them over. */
export interface RawServeOptions {
  defect: string;
  seed: string;
  population: string;
  simulatorPort: string;
  controlPort: string;
  secondSimulatorPort: string;
  secondControlPort: string;
  backendPort: string;
  targetPort: string;
  appPorts: string[];
}

const PORT_OPTIONS = [
  ['--simulator-port', 'simulatorPort'],
  ['--control-port', 'controlPort'],
  ['--second-simulator-port', 'secondSimulatorPort'],
  ['--second-control-port', 'secondControlPort'],
  ['--backend-port', 'backendPort'],
  ['--target-port', 'targetPort'],
] as const;

/**
 * Starts a world on fixed loopback ports and keeps it running, so that a person can log in through
 * the apps in their own browser and watch what the target does. Every beneficiary has an account,
 * at the first of the two identity providers.
 */
export async function serve(raw: RawServeOptions): Promise<void> {
  const problems: string[] = [];
  const port = (option: string, value: string) => {
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(number) && number >= 0 && number <= 65_535) return number;
    problems.push(`${option} must be a port number from 0 to 65535 (got '${value}')`);
    return 0;
  };
  if (!isDefect(raw.defect)) {
    problems.push(`--defect must be one of ${DEFECTS.join(', ')} (got '${raw.defect}')`);
  }
  const seed = /^\d+$/.test(raw.seed) ? Number(raw.seed) : Number.NaN;
  if (!Number.isSafeInteger(seed))
    problems.push(`--seed must be a whole number (got '${raw.seed}')`);
  const population = /^\d+$/.test(raw.population) ? Number(raw.population) : 0;
  if (population < 1 || population > 1000) {
    problems.push(`--population must be a whole number from 1 to 1000 (got '${raw.population}')`);
  }
  const fixed = PORT_OPTIONS.map(([option, key]) => ({ option, port: port(option, raw[key]) }));
  const apps = raw.appPorts.map((value) => ({
    option: '--app-ports',
    port: port('--app-ports', value),
  }));
  if (apps.length !== 2) problems.push(`--app-ports must name 2 ports (got ${apps.length})`);
  if (problems.length) throw new TwinsubError('INVALID_OPTION', problems.join('\n'));
  await checkPortsFree([...fixed, ...apps]);

  const [simulator, control, secondSimulator, secondControl, backend, target] = fixed.map(
    (f) => f.port,
  );
  const world = await startWorld({
    seed,
    defect: raw.defect,
    populationSize: population,
    ports: {
      simulator,
      control,
      moreSimulators: [{ simulator: secondSimulator, control: secondControl }],
      backend,
      target,
      apps: apps.map((a) => a.port),
    },
    onWarning: (line) => console.error(line),
  });
  for (const beneficiary of world.population.beneficiaries) await world.enroll(beneficiary);

  for (const provider of world.identityProviders) {
    console.log(
      `identity provider  ${provider.issuer}  (${provider.name}, control API ${provider.control.url})`,
    );
  }
  console.log(`data backend       ${world.backendUrl}/v2/fhir`);
  console.log(`reference target   ${world.targetUrl}  (defect ${raw.defect})`);
  console.log('\nOpen an app link, then log in as one of the beneficiaries:');
  for (const [i, beneficiary] of world.population.beneficiaries.slice(0, 10).entries()) {
    const app = world.apps[i % world.apps.length]!;
    console.log(
      `  ${app.connectUrl(beneficiary.key)}  ${beneficiary.username} / ${beneficiary.password}`,
    );
  }
  console.log(`\n${population} beneficiaries; stop with Ctrl-C.`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await world.stop();
}
