import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { logger } from '../core/log.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import type { ResolvedConfig } from '../config/twinsub-config.ts';

const log = logger('world:target');
/** Between two health checks of a target that is starting: it is another program's start-up. */
const HEALTH_INTERVAL_MS = 100;

/** A target twinsub reaches; `stop()` ends it if twinsub started it. */
export interface ReachedTarget {
  readonly url: string;
  stop(): Promise<void>;
}

/** Reaches the target as the configuration says: at a URL, or by starting a command. */
export async function reachTarget(target: ResolvedConfig['target']): Promise<ReachedTarget> {
  if (target.kind === 'url') {
    await waitUntilHealthy(target.healthUrl, target.startupTimeoutMs, undefined);
    return { url: target.url, stop: async () => {} };
  }
  if (target.kind === 'image') {
    const { startContainerTarget } = await import('./container-target.ts');
    return startContainerTarget(target);
  }

  const [program, ...args] = target.command as [string, ...string[]];
  // Its own process group, so that stopping it also stops whatever it started.
  const child = spawn(program, args, {
    cwd: target.cwd,
    env: { ...process.env, ...target.env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  const stop = () => stopChild(child, exited);
  try {
    await waitUntilHealthy(target.healthUrl, target.startupTimeoutMs, exited);
  } catch (error) {
    await stop();
    throw error;
  }
  log('target %s started by %o (process %d)', target.url, target.command, child.pid);
  return { url: target.url, stop };
}

/**
 * Polls `healthUrl` until it answers below 500, the process or container (`what`) exits, or time
 * runs out.
 */
export async function waitUntilHealthy(
  healthUrl: string,
  limitMs: number,
  exited: Promise<number | null> | undefined,
  what = 'its command',
): Promise<void> {
  const deadline = Date.now() + limitMs;
  let gone: number | null | undefined;
  void exited?.then((code) => (gone = code ?? -1));
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (gone !== undefined) {
      throw new TwinsubError(
        'TARGET_UNREACHABLE',
        `Failed to start the target: ${what} exited with code ${gone} before ${healthUrl} answered`,
      );
    }
    try {
      const response = await fetch(healthUrl, { redirect: 'manual' });
      await response.body?.cancel();
      if (response.status < 500) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as { cause?: { code?: string } }).cause?.code ?? 'no answer';
    }
    await delay(HEALTH_INTERVAL_MS);
  }
  throw new TwinsubError(
    'TARGET_UNREACHABLE',
    `Failed to reach the target: ${healthUrl} gave ${last} within ${limitMs / 1000} s; ` +
      'check target.url and that the target is running',
  );
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  await exited;
}
