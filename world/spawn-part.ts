import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { logger } from '../core/log.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import type { PartMessage, PartRequest } from './part-protocol.ts';

const log = logger('world');
const ENTRY = fileURLToPath(new URL('./part-process.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** Environment variable: seconds a part may take to start. */
export const START_LIMIT_ENV = 'TWINSUB_START_TIMEOUT';
/** PGlite's first start is the slow one: seconds on a quiet machine, a minute or more on a busy one. */
const DEFAULT_START_LIMIT_S = 180;

/**
 * V8's young generation capped at 2 MB semi-spaces (default 16 MB): a part's short-lived objects
 * are small HTTP messages, and the default left each part process holding about 40 MB more for a
 * few more scavenges. Part of keeping a 200-beneficiary run's process tree under 1 GB.
 */
export const SMALL_YOUNG_GENERATION = ['--max-semi-space-size=2'];

/** A part running in a process of its own. */
export interface SpawnedPart<Info> {
  info: Info;
  stop(): Promise<void>;
}

const NAMES = { simulator: 'the identity-provider simulator', target: 'the reference target' };

/**
 * Starts a part of a world in its own Node process, so the parts use both cores and
 * oidc-provider's async context tracking costs only its own process. The child ends with its
 * parent.
 */
export function spawnPart<Info>(
  request: PartRequest,
  onWarning: (line: string) => void = () => {},
): Promise<SpawnedPart<Info>> {
  const child = fork(ENTRY, [request.part], {
    execArgv: ['--import', TSX, ...SMALL_YOUNG_GENERATION],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.connected) child.send({ type: 'stop' });
    await exited;
  };

  const limitS = Number(process.env[START_LIMIT_ENV]) || DEFAULT_START_LIMIT_S;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new TwinsubError(
          'UNSUPPORTED',
          `Failed to start ${NAMES[request.part]}: no answer within ${limitS} s; on a busy ` +
            `machine set ${START_LIMIT_ENV} to more seconds`,
        ),
      );
    }, limitS * 1000);
    child.on('message', (message: PartMessage) => {
      if (message.type === 'warning') {
        onWarning(message.line);
        return;
      }
      clearTimeout(timer);
      if (message.type === 'started') {
        log('%s started in process %d', request.part, child.pid);
        resolve({ info: message.info as Info, stop });
        return;
      }
      reject(new TwinsubError(message.code ?? 'UNSUPPORTED', message.message));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new TwinsubError(
          'UNSUPPORTED',
          `Failed to start ${NAMES[request.part]}: it exited with code ${code}`,
        ),
      );
    });
    child.send(request);
  });
}
