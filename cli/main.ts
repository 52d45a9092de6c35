import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { isTwinsubError, TwinsubError } from '../core/twinsub-error.ts';
import { DEFAULT_SETTINGS } from '../scenarios/run-settings.ts';
import { EXIT } from './exit-codes.ts';
import { resolveRunOptions, SCENARIOS, type RawRunOptions } from './run-options.ts';
import type { RawServeOptions } from './serve.ts';
import type { RawMatrixOptions } from './matrix.ts';
import { DEFECTS } from '../target/user-key.ts';
import type { RawTargetOptions } from './target-command.ts';
import { DEFAULT_MBI_HASH_ITERATIONS, DEFAULT_MBI_HASH_SALT } from '../fixtures/mbi-hash.ts';

const program = new Command('twinsub')
  .description("Proves that no beneficiary and no app ever receives anyone else's data.")
  .version(createRequire(import.meta.url)('../package.json').version)
  .exitOverride()
  .showHelpAfterError('(run twinsub --help for the options)');

program
  .command('run')
  .description('run the scenario suites against a target and write results.json and reports')
  .addOption(new Option('--target <name>', 'system under test').default(DEFAULT_SETTINGS.target))
  .addOption(
    new Option('--defect <name>', 'defect of the reference target').default(
      DEFAULT_SETTINGS.defect,
    ),
  )
  .addOption(
    new Option('--driver <name>', 'protocol (HTTP) or browser (Chromium)').default('protocol'),
  )
  .addOption(
    new Option('--population <n>', 'beneficiaries in the population scenario (0 skips it)').default(
      String(DEFAULT_SETTINGS.population),
    ),
  )
  .addOption(
    new Option('--seed <n>', 'seed of every random choice').default(String(DEFAULT_SETTINGS.seed)),
  )
  .addOption(
    new Option('--scheme <name>', 'subject scheme of the identity system').default(
      DEFAULT_SETTINGS.scheme,
    ),
  )
  .addOption(
    new Option('--scenario <name...>', `scenarios to run (${SCENARIOS.join(', ')})`).default([
      ...SCENARIOS,
    ]),
  )
  .addOption(
    new Option('--report-dir <dir>', 'where results.json and the reports go').default(
      DEFAULT_SETTINGS.reportDir,
    ),
  )
  .addOption(new Option('--config <file>', 'twinsub.config.ts describing your own target'))
  .addOption(
    new Option('--no-diagnose', 'skip the sensitivity probe that names the mapping of findings'),
  )
  .action(async (raw: RawRunOptions & { config?: string; diagnose: boolean }, command: Command) => {
    const options = resolveRunOptions(raw);
    if (raw.config !== undefined) {
      if (command.getOptionValueSource('defect') === 'cli') {
        throw new TwinsubError(
          'INVALID_OPTION',
          '--defect applies to the reference target only; with --config twinsub tests the system ' +
            'the configuration names, so leave --defect out',
        );
      }
      const { useConfig } = await import('./use-config.ts');
      await useConfig(raw.config, options);
    }
    // Commands load what they run only when run, so that `--help` and bad options answer at once.
    const { findBrowser } = await import('../drivers/find-browser.ts');
    if (options.driver === 'browser') findBrowser();
    const { runScenarios } = await import('./run-scenarios.ts');
    const { printSummary } = await import('./print-summary.ts');
    let results = await runScenarios(options);
    // The probe needs a target of its own, started fresh: the reference target (a configured
    // one may outlive its worlds and keep the scenarios' users).
    if (results.verdict === 'findings' && raw.diagnose && raw.config === undefined) {
      const { addDiagnosis, probeReferenceTarget } = await import('../diagnosis/diagnose-run.ts');
      console.log('\ndiagnosis: probing which differences between subjects the target ignores');
      const { seed, defect } = options.settings;
      const databaseUrl = process.env.DATABASE_URL;
      results = await addDiagnosis(results, resolve(options.settings.reportDir), () =>
        probeReferenceTarget({ seed, defect, databaseUrl }),
      );
    }
    printSummary(results, resolve(options.settings.reportDir));
    process.exitCode =
      results.verdict === 'clean'
        ? EXIT.clean
        : results.verdict === 'findings'
          ? EXIT.findings
          : EXIT.cannotRun;
  });

program
  .command('demo')
  .description(
    'run the twins scenario against the reference target with and without the 2018 defect',
  )
  .addOption(
    new Option('--driver <name>', 'protocol (HTTP) or browser (Chromium)').default('protocol'),
  )
  .addOption(
    new Option('--seed <n>', 'seed of every random choice').default(String(DEFAULT_SETTINGS.seed)),
  )
  .addOption(
    new Option('--report-dir <dir>', "parent folder of both runs' reports").default('reports/demo'),
  )
  .action(async (raw: { driver: string; seed: string; reportDir: string }) => {
    const { runDemo } = await import('./run-demo.ts');
    process.exitCode = await runDemo(raw);
  });

program
  .command('serve')
  .description('start the simulator, data backend, reference target and apps on fixed ports')
  .addOption(new Option('--defect <name>', 'defect of the reference target').default('none'))
  .addOption(new Option('--seed <n>', 'seed of every random choice').default('1'))
  .addOption(new Option('--population <n>', 'beneficiaries with accounts').default('10'))
  .addOption(new Option('--simulator-port <port>', 'identity provider').default('4010'))
  .addOption(new Option('--control-port <port>', 'simulator control API').default('4011'))
  .addOption(
    new Option('--second-simulator-port <port>', 'second identity provider').default('4012'),
  )
  .addOption(new Option('--second-control-port <port>', 'its control API').default('4013'))
  .addOption(new Option('--backend-port <port>', 'FHIR data backend').default('4020'))
  .addOption(new Option('--target-port <port>', 'reference target').default('4030'))
  .addOption(new Option('--app-ports <ports...>', 'the two apps').default(['4041', '4042']))
  .action(async (raw: RawServeOptions) => {
    const { serve } = await import('./serve.ts');
    await serve(raw);
  });

program
  .command('matrix')
  .description(
    'run the default suite against every defect of the reference target and none; print and ' +
      'write which were detected, how, by which scenario first, and the diagnosis',
  )
  .addOption(
    new Option('--defect <name...>', 'defects to run (default: every one, none first)').default([
      ...DEFECTS,
    ]),
  )
  .addOption(
    new Option('--seed <n>', 'seed of every random choice').default(String(DEFAULT_SETTINGS.seed)),
  )
  .addOption(
    new Option(
      '--seeds <list>',
      'run every defect under each of these seeds instead (1-20, 1,5,9); exit 1 on any miss, false alarm or wrong diagnosis',
    ),
  )
  .addOption(
    new Option('--population <n>', 'beneficiaries in the population scenario (0 skips it)').default(
      '50',
    ),
  )
  .addOption(new Option('--no-diagnose', 'skip the sensitivity probe of detected defects'))
  .addOption(new Option('--out <file>', 'where the JSON goes').default('reports/matrix.json'))
  .action(async (raw: RawMatrixOptions) => {
    const { runMatrix } = await import('./matrix.ts');
    process.exitCode = await runMatrix(raw);
  });

program
  .command('target')
  .description('serve the reference target alone, against an identity system and data backend')
  .addOption(new Option('--port <port>', 'where the target listens').default('4030'))
  .addOption(new Option('--identity-url <url>', 'identity system').default('http://127.0.0.1:4010'))
  .addOption(
    new Option(
      '--more-identity-url <urls...>',
      'further identity systems it trusts; its sign-in page then offers each',
    ),
  )
  .addOption(new Option('--identity-protocol <name>', 'oidc or slsx').default('oidc'))
  .addOption(new Option('--identity-client-id <id>', 'its client id').default('reference-target'))
  .addOption(new Option('--identity-client-secret <secret>', 'its secret').default('target-secret'))
  .addOption(
    new Option('--backend-url <url>', 'FHIR data backend').default('http://127.0.0.1:4020'),
  )
  .addOption(new Option('--mbi-salt <hex>', 'MBI hash salt').default(DEFAULT_MBI_HASH_SALT))
  .addOption(
    new Option('--mbi-iterations <n>', 'MBI hash iterations').default(
      String(DEFAULT_MBI_HASH_ITERATIONS),
    ),
  )
  .addOption(new Option('--defect <name>', 'defect to reproduce').default('none'))
  .addOption(
    new Option('--app <spec...>', 'registered app: <clientId>,<clientSecret>,<redirectUri>'),
  )
  .action(async (raw: RawTargetOptions) => {
    const { serveTarget } = await import('./target-command.ts');
    await serveTarget({ ...raw, app: raw.app ?? [] });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are answers, not failures; commander already printed its message.
    return error.exitCode === 0 ? EXIT.clean : EXIT.cannotRun;
  }
  if (isTwinsubError(error)) {
    console.error(`twinsub: ${error.message.split('\n').join('\ntwinsub: ')}`);
    return EXIT.cannotRun;
  }
  console.error(
    `twinsub: Failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
  );
  console.error('twinsub: this is a bug in twinsub; run with DEBUG=twinsub:* and report it');
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  return EXIT.cannotRun;
}
