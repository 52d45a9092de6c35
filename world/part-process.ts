// Entry of a child process that runs one part of a world (the identity-provider simulator or the
// reference target) and answers its parent over the IPC channel.
import { ManualClock } from '../core/clock.ts';
import { isTwinsubError } from '../core/twinsub-error.ts';
import { seededRandom } from '../core/random.ts';
import { startSimulator } from '../simulator/start-simulator.ts';
import { startReferenceTarget } from '../target/start-reference-target.ts';
import type { PartMessage, PartRequest } from './part-protocol.ts';

const send = (message: PartMessage) => process.send?.(message);

async function start(request: PartRequest): Promise<{ info: unknown; stop: () => Promise<void> }> {
  if (request.part === 'simulator') {
    const { seed, startMs, ...rest } = request.options;
    const simulator = await startSimulator({
      ...rest,
      clock: new ManualClock(startMs),
      random: seededRandom(seed).fork('simulator'),
      onWarning: (line) => send({ type: 'warning', line }),
    });
    return {
      info: { issuer: simulator.issuer, controlUrl: simulator.controlUrl },
      stop: () => simulator.stop(),
    };
  }
  const target = await startReferenceTarget(request.options);
  return {
    info: { url: target.url, identityRedirectUri: target.identityRedirectUri },
    stop: () => target.stop(),
  };
}

process.once('message', async (request: PartRequest) => {
  let running: { stop: () => Promise<void> } | undefined;
  const stop = async () => {
    await running?.stop();
    process.exit(0);
  };
  // The parent ended or let go of us: nothing of a world may outlive the run that started it.
  process.once('disconnect', () => void stop());
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') void stop();
  });

  try {
    const started = await start(request);
    running = started;
    send({ type: 'started', info: started.info });
  } catch (error) {
    send({
      type: 'failed',
      code: isTwinsubError(error) ? error.code : undefined,
      message: error instanceof Error ? error.message : String(error),
    });
    process.exit(1);
  }
});
