import { existsSync } from 'node:fs';
import { TwinsubError } from '../core/twinsub-error.ts';
import type { ResolvedConfig } from '../config/twinsub-config.ts';
import type { ReachedTarget } from './external-target.ts';

type ImageTarget = Extract<ResolvedConfig['target'], { kind: 'image' }>;

/** Where testcontainers looks for an engine: `DOCKER_HOST`, or the usual sockets. */
export function findContainerRuntime(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DOCKER_HOST) return env.DOCKER_HOST;
  const uid = process.getuid?.() ?? 0;
  const sockets = [
    '/var/run/docker.sock',
    `/run/user/${uid}/podman/podman.sock`,
    '/run/podman/podman.sock',
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
 * Starts the target's image on the host's network, so that it reaches the simulator and the
 * data backend at the same 127.0.0.1 addresses the browser uses.
 */
export async function startContainerTarget(target: ImageTarget): Promise<ReachedTarget> {
  if (findContainerRuntime() === undefined) {
    throw new TwinsubError('UNSUPPORTED', noRuntimeMessage(target.url));
  }
  // TODO(containers): testcontainers 12.0.0 is not installed yet; with it, this starts
  // `target.image` with network mode host and waits for `target.healthUrl`.
  throw new TwinsubError(
    'UNSUPPORTED',
    `Failed to start the image ${target.image}: this twinsub has no container support yet; ` +
      `run the target yourself and set target: { url: '${target.url}' } instead.`,
  );
}
