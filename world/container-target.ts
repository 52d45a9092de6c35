import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { Writable } from 'node:stream';
import type { ContainerRuntimeClient } from 'testcontainers';
import { logger } from '../core/log.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import type { ResolvedConfig } from '../config/twinsub-config.ts';
import { waitUntilHealthy, type ReachedTarget } from './external-target.ts';

const log = logger('world:container');

type ImageTarget = Extract<ResolvedConfig['target'], { kind: 'image' }>;
type Container = ReturnType<ContainerRuntimeClient['container']['getById']>;

/** Where testcontainers finds an engine: `DOCKER_HOST`, or Docker's or Podman's socket. */
export function findContainerRuntime(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DOCKER_HOST) return env.DOCKER_HOST;
  const uid = process.getuid?.() ?? 0;
  const sockets = [
    '/var/run/docker.sock',
    '/run/podman/podman.sock',
    `/run/user/${uid}/podman/podman.sock`,
  ];
  const found = sockets.find((socket) => existsSync(socket));
  return found === undefined ? undefined : `unix://${found}`;
}

/** The one sentence a person reads when no container engine is around. */
export function noRuntimeMessage(url: string): string {
  return (
    `No container runtime found (no DOCKER_HOST, Docker or Podman socket), so the target image ` +
    `cannot start; run the target yourself and set target: { url: '${url}' } instead.`
  );
}

/** The one sentence a person reads when an engine's socket is there but nothing answers on it. */
export function noAnswerMessage(runtime: string, url: string): string {
  return (
    `No container runtime answers at ${runtime}, so the target image cannot start; start the ` +
    `engine (for Podman: podman system service) or run the target yourself and set ` +
    `target: { url: '${url}' } instead.`
  );
}

/**
 * The engine's client, once it has answered; a `TwinsubError` in one sentence when there is no
 * engine, or its socket answers nothing (a socket left behind by an engine that has ended).
 */
export async function containerEngine(url: string): Promise<ContainerRuntimeClient> {
  const runtime = findContainerRuntime();
  if (runtime === undefined) throw new TwinsubError('UNSUPPORTED', noRuntimeMessage(url));
  // Asked first, so that testcontainers cannot fall back to another engine than the one named.
  if (!(await answersPing(runtime))) {
    throw new TwinsubError('UNSUPPORTED', noAnswerMessage(runtime, url));
  }
  process.env.DOCKER_HOST ??= runtime;
  // Ryuk, the reaper container, would be pulled from a registry; twinsub stops its own.
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    return await getContainerRuntimeClient();
  } catch (error) {
    throw new TwinsubError('UNSUPPORTED', noAnswerMessage(runtime, url), { cause: error });
  }
}

/** Whether the engine on a `unix://` socket answers `/_ping`; other addresses are not asked. */
function answersPing(runtime: string): Promise<boolean> {
  if (!runtime.startsWith('unix://')) return Promise.resolve(true);
  return new Promise((resolve) => {
    const socketPath = runtime.slice('unix://'.length);
    const request = get({ socketPath, path: '/_ping', timeout: 5_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

/** Whether the engine holds `image` already (else testcontainers would pull it). */
export async function imageExists(client: ContainerRuntimeClient, image: string): Promise<boolean> {
  const { ImageName } = await import('testcontainers');
  return client.image.exists(ImageName.fromString(image));
}

/**
 * Starts the target's image with testcontainers on the host's network, so that it reaches the
 * simulator and the data backend at the same 127.0.0.1 addresses the browser uses, and waits
 * for its health URL. A container that could not start is removed, not left behind as created;
 * one that exits before its health URL answers ends the wait at once.
 */
export async function startContainerTarget(target: ImageTarget): Promise<ReachedTarget> {
  const client = await containerEngine(target.url);
  const { GenericContainer } = await import('testcontainers');

  let createdId: string | undefined;
  class TargetContainer extends GenericContainer {
    protected override async containerCreated(containerId: string): Promise<void> {
      createdId = containerId;
    }
  }
  let container = new TargetContainer(target.image)
    .withNetworkMode('host')
    .withEnvironment(target.env)
    .withStartupTimeout(target.startupTimeoutMs);
  if (target.command) container = container.withCommand(target.command);

  const started = await container.start().catch(async (error: unknown) => {
    if (createdId !== undefined) await removeQuietly(client, createdId);
    const reason = error instanceof Error ? error.message.split('\n')[0]?.trim() : String(error);
    throw new TwinsubError(
      'TARGET_UNREACHABLE',
      `Failed to start the image ${target.image}: the engine at ${process.env.DOCKER_HOST} ` +
        `answered ${reason}`,
      { cause: error },
    );
  });
  const handle = client.container.getById(started.getId());
  // As with a command: the target's stderr reaches twinsub's, so a target that ends says why.
  const stderrEnded = forwardStderr(handle);
  // The engine answers when the container ends; an engine that cannot say leaves only the limit.
  const exited = handle.wait().then(
    (outcome: { StatusCode?: number }) => outcome.StatusCode ?? null,
    () => new Promise<never>(() => {}),
  );
  const stop = async () => {
    await started.stop({ timeout: 2_000 });
  };
  try {
    await waitUntilHealthy(target.healthUrl, target.startupTimeoutMs, exited, 'its container');
  } catch (error) {
    await stop();
    await stderrEnded;
    throw error;
  }
  log('target %s started from image %s (container %s)', target.url, target.image, started.getId());
  return { url: target.url, stop };
}

/** Copies the container's stderr to twinsub's until the container ends; its stdout is dropped. */
async function forwardStderr(container: Container): Promise<void> {
  try {
    const stream = await container.logs({ follow: true, stdout: false, stderr: true });
    const modem = container.modem as {
      demuxStream(stream: NodeJS.ReadableStream, stdout: Writable, stderr: Writable): void;
    };
    const dropped = new Writable({ write: (_chunk, _encoding, done) => done() });
    modem.demuxStream(stream, dropped, process.stderr);
    await new Promise<void>((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', resolve);
    });
  } catch (error) {
    log('no stderr from container %s: %s', container.id, (error as Error).message);
  }
}

async function removeQuietly(client: ContainerRuntimeClient, id: string): Promise<void> {
  try {
    await client.container.remove(client.container.getById(id), { removeVolumes: true });
  } catch (error) {
    log('could not remove container %s: %s', id, (error as Error).message);
  }
}
