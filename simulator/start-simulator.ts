import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ClientMetadata, Provider } from 'oidc-provider';
import type { ManualClock } from '../core/clock.ts';
import { isLoopback, listen } from '../core/listen.ts';
import { logger } from '../core/log.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import { parseAccountInput } from './parse-account-input.ts';
import { AccountStore } from './account-store.ts';
import { parseClientRegistration, type ClientRegistration } from './client-registration.ts';
import { controlApi, type ControlledSimulator } from './control-api.ts';
import { developmentKeys } from './development-keys.ts';
import { INTERACTION_PATH, interactionHandler } from './interaction-handler.ts';
import { IssuanceLog } from './issuance-log.ts';
import { recordIssuances } from './issuance-recorder.ts';
import { loadProvider } from './load-provider.ts';
import { providerConfiguration } from './provider-configuration.ts';
import { ProviderStorage } from './provider-storage.ts';
import { resolveSimulatorOptions, type SimulatorOptions } from './simulator-options.ts';
import { slsxHandler } from './slsx/slsx-handler.ts';
import { mixUpUserinfo } from './userinfo-mix-up.ts';
import { isSlsxPath } from './slsx/slsx-paths.ts';
import { SlsxSessions } from './slsx/slsx-sessions.ts';
import type { StartedSimulator } from './started-simulator.ts';

const log = logger('simulator');

/**
 * Starts the identity-provider simulator: oidc-provider on `host:port` with the simulator's own
 * login form, and the JSON control API on a separate loopback port. Warns once, through
 * `onWarning`, that it runs with development keys and an open control API.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<StartedSimulator> {
  const resolved = resolveSimulatorOptions(options);
  const { clock, random } = resolved;
  const accounts = new AccountStore({
    clock,
    random: random.fork('accounts'),
    defaultScheme: resolved.scheme,
  });
  const issuances = new IssuanceLog();
  const storage = new ProviderStorage();
  const cookieKeys = [Buffer.from(random.fork('cookies').bytes(32)).toString('base64url')];
  const [oidcProvider, jwks] = await Promise.all([loadProvider(), developmentKeys()]);

  // The issuer contains the port, so listen first and build the provider once the port is known.
  let handle: RequestListener = (_req, res) => res.writeHead(503).end();
  const providerServer = await listen((req, res) => handle(req, res), {
    host: resolved.host,
    port: resolved.port,
    portOption: 'port',
  });

  try {
    const provider = new oidcProvider.Provider(
      providerServer.url,
      providerConfiguration({ accounts, storage, jwks, cookieKeys }),
    );
    recordIssuances(provider, issuances, clock);
    mixUpUserinfo(provider, accounts);
    const sessions = new SlsxSessions(random.fork('slsx'));
    const slsx = slsxHandler({
      accounts,
      issuances,
      sessions,
      clock,
      findClient: async (id) => storage.adapter('Client').find(id) as Promise<ClientMetadata>,
    });
    handle = route(provider.callback(), interactionHandler(provider, accounts), slsx);

    const simulator = controlledSimulator({ provider, accounts, issuances, storage, clock });
    const forget = simulator.reset;
    simulator.reset = () => {
      forget();
      sessions.reset();
    };
    const controlServer = await listen(controlApi(simulator), {
      host: isLoopback(resolved.host) ? resolved.host : '127.0.0.1',
      port: resolved.controlPort,
      portOption: 'controlPort',
    });

    resolved.onWarning(
      `twinsub simulator at ${providerServer.url} runs with INSECURE TEST DEFAULTS: it signs ` +
        `tokens with a throw-away development key and its control API at ${controlServer.url} ` +
        `has no authentication. Never let real people or real clients use it.`,
    );

    const stop = async () => {
      await Promise.all([providerServer.stop(), controlServer.stop()]);
    };
    return {
      ...simulator,
      issuer: providerServer.url,
      controlUrl: controlServer.url,
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (error) {
    await providerServer.stop();
    throw error;
  }
}

interface SimulatorParts {
  provider: Provider;
  accounts: AccountStore;
  issuances: IssuanceLog;
  storage: ProviderStorage;
  clock: ManualClock;
}

/** What both the started simulator and its control API offer. */
function controlledSimulator(parts: SimulatorParts): ControlledSimulator {
  const { provider, accounts, issuances, storage, clock } = parts;
  return {
    clock,
    createAccount: (input) => {
      const account = accounts.create(parseAccountInput(input, 'account'));
      log('account %s created for sub %s (%s)', account.username, account.sub, account.scheme);
      return account;
    },
    accounts: () => accounts.list(),
    issuances: () => issuances.list(),
    registerClient: async (client: ClientRegistration) => {
      const metadata: ClientMetadata = { ...parseClientRegistration(client, 'client') };
      const refuseTaken = () => {
        if (!storage.hasClient(metadata.client_id)) return;
        throw new TwinsubError(
          'CONFLICT',
          `Failed to register client '${metadata.client_id}': it is registered already`,
        );
      };
      refuseTaken();
      await provider.Client.validate(metadata).catch((error: unknown) => {
        throw invalidClient(metadata.client_id, error);
      });
      // Checked again: another registration of the same id may have finished meanwhile.
      refuseTaken();
      storage.registerClient(metadata);
      log('client %s registered for %o', metadata.client_id, metadata.redirect_uris);
    },
    reset: () => {
      accounts.reset();
      issuances.reset();
      storage.clear();
      log('reset: accounts, issuances, sessions, grants and tokens forgotten');
    },
  };
}

/**
 * Interaction pages go to the simulator's handler, SLSx paths to the SLSx profile; everything
 * else is oidc-provider's.
 */
function route(
  provider: RequestListener,
  interactions: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  slsx: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): RequestListener {
  return (req, res) => {
    const url = req.url ?? '';
    const own = url.startsWith(INTERACTION_PATH)
      ? interactions
      : isSlsxPath(url.split('?')[0] ?? '')
        ? slsx
        : undefined;
    if (own === undefined) {
      provider(req, res);
      return;
    }
    own(req, res).catch((error: unknown) => {
      log('server error at %s %s: %O', req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Failed to handle the sign-in page; see DEBUG=twinsub:* for the cause');
    });
  };
}

function invalidClient(clientId: string, error: unknown): TwinsubError {
  const { error_description: description, message } = error as {
    error_description?: string;
    message?: string;
  };
  return new TwinsubError(
    'INVALID_REQUEST',
    `client must be valid client metadata (got '${clientId}': ${description ?? message})`,
    { cause: error },
  );
}
