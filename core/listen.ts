import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TwinsubError } from './twinsub-error.ts';

/** An HTTP server that is listening; stopping it closes every open connection. */
export interface StartedServer extends AsyncDisposable {
  readonly server: Server;
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface ListenOptions {
  /** Interface to bind. Default `127.0.0.1`: twinsub's servers are for this machine only. */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Name of the option that set the port, for the error message when it is taken. */
  portOption?: string;
}

/** How long an idle connection stays open: Node's default, above fetch's 2 s margin. */
export const KEEP_ALIVE_MS = 5_000;

export async function listen(
  handler: RequestListener,
  { host = '127.0.0.1', port = 0, portOption = 'port' }: ListenOptions = {},
): Promise<StartedServer> {
  const server = createServer(handler);
  // Clients keep a connection only while the server's announced keep-alive time exceeds their
  // own margin (2 s in Node's fetch): at 1 s every request paid a new connection and an error.
  server.keepAliveTimeout = KEEP_ALIVE_MS;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new TwinsubError(
            'PORT_IN_USE',
            `${portOption} must be a free port (got ${port}: already in use); ` +
              `choose another port or 0 for any free one`,
          ),
        );
        return;
      }
      reject(error);
    });
    server.listen(port, host, () => resolve());
  });

  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const stop = async () => {
    if (!server.listening) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };

  return {
    server,
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

/** True for addresses that only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
