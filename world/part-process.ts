// Entry of a child process that runs one part of a world (the identity-provider simulator or the
// reference target) and answers its parent over the IPC channel.
import { ManualClock } from '../core/clock.ts';
import { isTwinsubError } from '../core/twinsub-error.ts';
import { seededRandom } from '../core/random.ts';
import { startSimulator } from '../simulator/start-simulator.ts';
import { startReferenceTarget } from '../target/start-reference-target.ts';
import type { StartedSimulator } from '../simulator/started-simulator.ts';
import type { PartMessage, PartRequest, SimulatorPartInfo } from './part-protocol.ts';

const send = (message: PartMessage) => process.send?.(message);

async function start(request: PartRequest): Promise<{ info: unknown; stop: () => Promise<void> }> {
  if (request.part === 'simulator') {
    const { seed, startMs, more = [], ...rest } = request.options;
    // Every identity provider of the world keeps one simulated time.
    const clock = new ManualClock(startMs);
    const simulator = await startSimulator({
      ...rest,
      clock,
      random: seededRandom(seed).fork('simulator'),
      onWarning: (line) => send({ type: 'warning', line }),
    });
    const others: StartedSimulator[] = [];
    const stop = async () => {
      await Promise.all([simulator, ...others].map((one) => one.stop()));
    };
    try {
      for (const [index, ports] of more.entries()) {
        others.push(
          await startSimulator({
            scheme: rest.scheme,
            ...ports,
            clock,
            random: seededRandom(seed).fork(`simulator-${index + 2}`),
            onWarning: (line) => send({ type: 'warning', line }),
          }),
        );
      }
    } catch (error) {
      await stop();
      throw error;
    }
    const info: SimulatorPartInfo = {
      issuer: simulator.issuer,
      controlUrl: simulator.controlUrl,
      more: others.map((one) => ({ issuer: one.issuer, controlUrl: one.controlUrl })),
    };
    return { info, stop };
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
