import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { logger } from '../core/log.ts';
import { isTwinsubError, TwinsubError } from '../core/twinsub-error.ts';
import { isLoopback } from '../core/listen.ts';
import { parseAccountInput } from './parse-account-input.ts';
import { parseClientRegistration } from './client-registration.ts';
import { parseClockChange } from './parse-clock-change.ts';
import { readBody } from './read-body.ts';
import type { StartedSimulator } from './started-simulator.ts';

/** What the control API drives: a started simulator without its lifecycle. */
export type ControlledSimulator = Pick<
  StartedSimulator,
  'clock' | 'createAccount' | 'accounts' | 'issuances' | 'registerClient' | 'reset'
>;

type Json = Record<string, unknown>;
type Reply = { status: number; body?: unknown };
type Route = (body: unknown) => Reply | Promise<Reply>;

const log = logger('simulator:control');

/**
 * The control API: JSON over HTTP for scenarios and the command line (ARCHITECTURE.md,
 * "Simulator"). Problems with a request answer 400 with `{error, message}` and never stop it.
 */
export function controlApi(simulator: ControlledSimulator): RequestListener {
  const clockState = (): Json => ({
    now: simulator.clock.now(),
    iso: new Date(simulator.clock.now()).toISOString(),
  });
  const routes: Record<string, Record<string, Route>> = {
    '/accounts': {
      GET: () => ({ status: 200, body: { accounts: simulator.accounts() } }),
      POST: (body) => ({
        status: 201,
        body: simulator.createAccount(parseAccountInput(body, 'body')),
      }),
    },
    '/issuances': { GET: () => ({ status: 200, body: { issuances: simulator.issuances() } }) },
    '/clock': {
      GET: () => ({ status: 200, body: clockState() }),
      POST: (body) => {
        const change = parseClockChange(body, 'body', simulator.clock.now());
        if ('advanceMs' in change) simulator.clock.advance(change.advanceMs);
        else simulator.clock.set(Date.parse(change.set));
        return { status: 200, body: clockState() };
      },
    },
    '/clients': {
      POST: async (body) => {
        const registration = parseClientRegistration(body, 'body');
        await simulator.registerClient(registration);
        // The secret is the caller's own; it is not echoed into logs or answers.
        return { status: 201, body: { ...registration, client_secret: undefined } };
      },
    },
    '/reset': {
      POST: () => {
        simulator.reset();
        return { status: 204 };
      },
    },
  };

  return (req, res) => {
    answer(routes, req)
      .catch((error: unknown) => failure(error, req))
      .then((reply) => send(res, reply))
      .catch((error: unknown) => log('failed to answer %s %s: %O', req.method, req.url, error));
  };
}

async function answer(
  routes: Record<string, Record<string, Route>>,
  req: IncomingMessage,
): Promise<Reply> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://control').pathname.replace(/(.)\/$/, '$1');

  // A page on any web origin can send simple requests to loopback; it cannot choose these.
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  if (!isLoopback(host)) {
    return problem(403, 'forbidden', `host header must name a loopback address (got '${host}')`);
  }

  const route = routes[path]?.[method];
  if (route === undefined) return missingRoute(routes, method, path);
  if (method !== 'POST') return route(undefined);

  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return problem(415, 'invalid_request', `content-type must be application/json (got '${type}')`);
  }
  const text = await readBody(req);
  if (path === '/reset' && text.trim() === '') return route(undefined);
  return route(parseJson(text));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    throw new TwinsubError('INVALID_REQUEST', `body must be valid JSON (got '${shown}')`);
  }
}

function missingRoute(
  routes: Record<string, Record<string, Route>>,
  method: string,
  path: string,
): Reply {
  const known = routes[path];
  if (known !== undefined) {
    const allowed = Object.keys(known).join(', ');
    return problem(405, 'method_not_allowed', `method must be one of ${allowed} (got ${method})`);
  }
  const all = Object.entries(routes).flatMap(([p, methods]) =>
    Object.keys(methods).map((m) => `${m} ${p}`),
  );
  return problem(
    404,
    'not_found',
    `route must be one of ${all.join(', ')} (got ${method} ${path})`,
  );
}

function failure(error: unknown, req: IncomingMessage): Reply {
  if (
    isTwinsubError(error) &&
    (error.code === 'INVALID_REQUEST' || error.code === 'INVALID_OPTION')
  )
    return problem(400, 'invalid_request', error.message);
  if (isTwinsubError(error) && error.code === 'CONFLICT')
    return problem(409, 'conflict', error.message);

  log('server error at %s %s: %O', req.method, req.url, error);
  const reason = error instanceof Error ? error.message : String(error);
  return problem(500, 'server_error', `Failed to answer ${req.method} ${req.url}: ${reason}`);
}

function problem(status: number, error: string, message: string): Reply {
  return { status, body: { error, message } };
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  const json = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(json);
}
