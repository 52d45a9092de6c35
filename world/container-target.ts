import { existsSync } from 'node:fs';
import { logger } from '../core/log.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import type { ResolvedConfig } from '../config/twinsub-config.ts';
import { waitUntilHealthy, type ReachedTarget } from './external-target.ts';

const log = logger('world:container');

type ImageTarget = Extract<ResolvedConfig['target'], { kind: 'image' }>;

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

/**
 * Starts the target's image with testcontainers on the host's network, so that it reaches the
 * simulator and the data backend at the same 127.0.0.1 addresses the browser uses, and waits
 * for its health URL.
 */
export async function startContainerTarget(target: ImageTarget): Promise<ReachedTarget> {
  const runtime = findContainerRuntime();
  if (runtime === undefined) throw new TwinsubError('UNSUPPORTED', noRuntimeMessage(target.url));
  process.env.DOCKER_HOST ??= runtime;
  // Ryuk, the reaper container, would be pulled from a registry; twinsub stops its own.
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  const { GenericContainer } = await import('testcontainers');

  let container = new GenericContainer(target.image)
    .withNetworkMode('host')
    .withEnvironment(target.env)
    .withStartupTimeout(target.startupTimeoutMs);
  if (target.command) container = container.withCommand(target.command);
  const started = await container.start().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TwinsubError(
      'TARGET_UNREACHABLE',
      `Failed to start the image ${target.image}: ${reason}`,
    );
  });
  const stop = async () => {
    await started.stop({ timeout: 2_000 });
  };
  try {
    await waitUntilHealthy(target.healthUrl, target.startupTimeoutMs, undefined);
  } catch (error) {
    await stop();
    throw error;
  }
  log('target %s started from image %s (container %s)', target.url, target.image, started.getId());
  return { url: target.url, stop };
}
