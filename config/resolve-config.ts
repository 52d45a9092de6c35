import { dirname } from 'node:path';
import { TwinsubError } from '../core/twinsub-error.ts';
import { InputProblems, isPlainObject } from '../simulator/input-problems.ts';
import {
  BLUE_BUTTON_CONSENT,
  BLUE_BUTTON_ENDPOINTS,
  BLUE_BUTTON_SCOPES,
} from './blue-button-defaults.ts';
import type { ResolvedConfig } from './twinsub-config.ts';

const PROTOCOLS = ['oidc', 'slsx'];
const KNOWN = [
  'target',
  'identityProtocol',
  'identityClient',
  'apps',
  'endpoints',
  'scopes',
  'consent',
  'mbiHash',
  'ports',
  'identityProviders',
];
const CALLBACK = /^http:\/\/127\.0\.0\.1:(\d+)\/callback$/;

type Input = Record<string, unknown>;

/**
 * Checks a whole configuration and fills its defaults. Every problem is reported in one
 * `INVALID_OPTION` error, one line each, named by its path (`apps[1].redirectUri must be ...`).
 */
export function resolveConfig(input: unknown, file: string): ResolvedConfig {
  const problems = new InputProblems();
  if (!problems.requireObject(input, 'config')) problems.throwIfAny('INVALID_OPTION');
  const config = input as Input;
  problems.rejectUnknown(config, 'config', KNOWN);

  const target = resolveTarget(problems, config.target, dirname(file));
  const identityProtocol = config.identityProtocol ?? 'oidc';
  problems.require(
    PROTOCOLS.includes(identityProtocol as string),
    'identityProtocol',
    `one of ${PROTOCOLS.join(', ')}`,
    identityProtocol,
  );
  const identity = object(problems, config.identityClient, 'identityClient');
  text(problems, identity.clientId, 'identityClient.clientId');
  text(problems, identity.clientSecret, 'identityClient.clientSecret');
  url(problems, identity.redirectUri, 'identityClient.redirectUri');

  const apps = resolveApps(problems, config.apps);
  const endpoints = {
    ...BLUE_BUTTON_ENDPOINTS,
    ...object(problems, config.endpoints ?? {}, 'endpoints'),
  };
  for (const key of ['authorize', 'token', 'revoke', 'userinfo'] as const) {
    text(problems, endpoints[key], `endpoints.${key}`);
  }
  textList(problems, endpoints.resources, 'endpoints.resources');
  const scopes = config.scopes ?? BLUE_BUTTON_SCOPES;
  textList(problems, scopes, 'scopes');
  const consent = resolveConsent(problems, config.consent ?? BLUE_BUTTON_CONSENT);

  const mbiHash = object(problems, config.mbiHash, 'mbiHash');
  problems.require(
    typeof mbiHash.salt === 'string' && /^(?:[0-9a-fA-F]{2})+$/.test(mbiHash.salt),
    'mbiHash.salt',
    'a non-empty even-length hex string',
    mbiHash.salt,
  );
  problems.require(
    Number.isSafeInteger(mbiHash.iterations) && (mbiHash.iterations as number) >= 1,
    'mbiHash.iterations',
    'a positive integer',
    mbiHash.iterations,
  );
  const ports = object(problems, config.ports, 'ports');
  port(problems, ports.simulator, 'ports.simulator');
  port(problems, ports.backend, 'ports.backend');
  if (ports.control !== undefined) port(problems, ports.control, 'ports.control');
  const identityProviders = resolveIdentityProviders(
    problems,
    config.identityProviders,
    identity as ResolvedConfig['identityClient'],
  );

  try {
    problems.throwIfAny('INVALID_OPTION');
  } catch (error) {
    // One problem a line: a person fixes a configuration file top to bottom.
    const lines = (error as Error).message.split('; ');
    throw new TwinsubError(
      'INVALID_OPTION',
      [`Invalid configuration ${file}:`, ...lines].join('\n'),
    );
  }
  return {
    file,
    target: target as ResolvedConfig['target'],
    identityProtocol: identityProtocol as ResolvedConfig['identityProtocol'],
    identityClient: identity as ResolvedConfig['identityClient'],
    apps,
    endpoints: endpoints as ResolvedConfig['endpoints'],
    scopes: scopes as string[],
    consent: consent as ResolvedConfig['consent'],
    mbiHash: mbiHash as ResolvedConfig['mbiHash'],
    ports: {
      simulator: ports.simulator as number,
      backend: ports.backend as number,
      control: (ports.control as number | undefined) ?? 0,
    },
    identityProviders,
  };
}

function resolveIdentityProviders(
  problems: InputProblems,
  value: unknown,
  identityClient: ResolvedConfig['identityClient'],
): ResolvedConfig['identityProviders'] {
  if (value === undefined) return { choose: undefined, more: [] };
  const providers = object(problems, value, 'identityProviders');
  problems.rejectUnknown(providers, 'identityProviders', ['choose', 'more']);
  text(problems, providers.choose, 'identityProviders.choose');
  if (!Array.isArray(providers.more) || providers.more.length === 0) {
    problems.require(
      false,
      'identityProviders.more',
      'a non-empty list of identity systems',
      providers.more,
    );
    return { choose: providers.choose as string, more: [] };
  }
  const more = providers.more.map((raw, index) => {
    const at = `identityProviders.more[${index}]`;
    const provider = object(problems, raw, at);
    problems.rejectUnknown(provider, at, ['port', 'controlPort', 'choose', 'identityClient']);
    port(problems, provider.port, `${at}.port`);
    if (provider.controlPort !== undefined) {
      port(problems, provider.controlPort, `${at}.controlPort`);
    }
    text(problems, provider.choose, `${at}.choose`);
    if (provider.identityClient !== undefined) {
      const client = object(problems, provider.identityClient, `${at}.identityClient`);
      text(problems, client.clientId, `${at}.identityClient.clientId`);
      text(problems, client.clientSecret, `${at}.identityClient.clientSecret`);
      url(problems, client.redirectUri, `${at}.identityClient.redirectUri`);
    }
    return {
      port: provider.port as number,
      controlPort: (provider.controlPort as number | undefined) ?? 0,
      choose: provider.choose as string,
      identityClient: (provider.identityClient ?? identityClient) as typeof identityClient,
    };
  });
  return { choose: providers.choose as string, more };
}

function resolveTarget(problems: InputProblems, value: unknown, cwd: string): unknown {
  const target = object(problems, value, 'target');
  url(problems, target.url, 'target.url');
  if (target.healthUrl !== undefined) url(problems, target.healthUrl, 'target.healthUrl');
  // An image may carry a command of its own: `image` decides.
  const kind =
    target.image !== undefined ? 'image' : target.command !== undefined ? 'command' : 'url';
  const limit = target.startupTimeoutMs ?? { url: 10_000, command: 60_000, image: 120_000 }[kind];
  problems.require(
    Number.isSafeInteger(limit) && (limit as number) > 0,
    'target.startupTimeoutMs',
    'a positive whole number of ms',
    limit,
  );
  if (kind === 'command') textList(problems, target.command, 'target.command');
  if (kind === 'image') text(problems, target.image, 'target.image');
  if (target.env !== undefined) {
    problems.require(
      isPlainObject(target.env) && Object.values(target.env).every((v) => typeof v === 'string'),
      'target.env',
      'an object of strings',
      target.env,
    );
  }
  return {
    kind,
    url: String(target.url ?? '').replace(/\/+$/, ''),
    healthUrl: (target.healthUrl ?? target.url) as string,
    startupTimeoutMs: limit,
    ...(kind === 'command' && {
      command: target.command,
      cwd: (target.cwd as string | undefined) ?? cwd,
      env: target.env ?? {},
    }),
    ...(kind === 'image' && {
      image: target.image,
      command: target.command,
      env: target.env ?? {},
    }),
  };
}

function resolveApps(problems: InputProblems, value: unknown): ResolvedConfig['apps'] {
  if (!Array.isArray(value) || value.length < 2) {
    problems.require(false, 'apps', 'a list of at least two registered apps', value);
    return [];
  }
  return value.map((raw, index) => {
    const at = `apps[${index}]`;
    const app = object(problems, raw, at);
    text(problems, app.clientId, `${at}.clientId`);
    text(problems, app.clientSecret, `${at}.clientSecret`);
    const match = CALLBACK.exec(String(app.redirectUri));
    problems.require(
      match !== null,
      `${at}.redirectUri`,
      'http://127.0.0.1:<port>/callback, where twinsub plays the app',
      app.redirectUri,
    );
    return {
      name: (app.name as string | undefined) ?? `app-${index + 1}`,
      clientId: app.clientId as string,
      clientSecret: app.clientSecret as string,
      redirectUri: app.redirectUri as string,
      port: Number(match?.[1] ?? 0),
    };
  });
}

function resolveConsent(problems: InputProblems, value: unknown): unknown {
  if (typeof value === 'function') return value;
  const consent = object(problems, value, 'consent');
  text(problems, consent.form, 'consent.form');
  text(problems, consent.approve, 'consent.approve');
  if (consent.deny !== undefined) text(problems, consent.deny, 'consent.deny');
  return consent;
}

function object(problems: InputProblems, value: unknown, path: string): Input {
  return problems.requireObject(value, path) ? value : {};
}

function text(problems: InputProblems, value: unknown, path: string): void {
  problems.require(typeof value === 'string' && value !== '', path, 'a non-empty string', value);
}

function textList(problems: InputProblems, value: unknown, path: string): void {
  problems.require(
    Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v),
    path,
    'a non-empty list of non-empty strings',
    value,
  );
}

function url(problems: InputProblems, value: unknown, path: string): void {
  const ok = typeof value === 'string' && URL.canParse(value) && /^https?:/.test(value);
  problems.require(ok, path, 'an http(s) URL', value);
}

function port(problems: InputProblems, value: unknown, path: string): void {
  const ok = Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65_535;
  problems.require(ok, path, 'a fixed port from 1 to 65535', value);
}
