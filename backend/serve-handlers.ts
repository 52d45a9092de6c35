import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getResponse, type RequestHandler } from 'msw';
import { logger } from '../core/log.ts';
import { operationOutcome } from './operation-outcome.ts';

const log = logger('backend:http');

/** Holds some requests before they are answered (`LoginLookupGate`). */
export interface Gate {
  /** Resolves when `request` may be answered, with what to call once its answer is written. */
  pass(request: Request): Promise<() => void>;
}

/** One request the backend answered over HTTP. */
export interface RequestLogEntry {
  method: string;
  /** Absolute URL as the client asked for it, on the `Host` it used. */
  url: string;
  status: number;
  durationMs: number;
}

/**
 * A `node:http` listener that answers with msw's own handler resolution, so the handlers that run
 * in-process under `setupServer` also serve real HTTP. Requests no handler matches (outside
 * `/v2/fhir/`) get a 404 OperationOutcome too. A `gate` may hold a request before it is answered.
 */
export function serveHandlers(
  handlers: readonly RequestHandler[],
  onAnswered: (entry: RequestLogEntry) => void,
  gate?: Gate,
): RequestListener {
  return (incoming, outgoing) => {
    const started = performance.now();
    void answer(handlers, incoming, outgoing, gate).then(
      (entry) => onAnswered({ ...entry, durationMs: performance.now() - started }),
      (error: unknown) => {
        log('failed to answer %s %s: %O', incoming.method, incoming.url, error);
        outgoing.destroy();
      },
    );
  };
}

async function answer(
  handlers: readonly RequestHandler[],
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  gate: Gate | undefined,
): Promise<Omit<RequestLogEntry, 'durationMs'>> {
  const request = await toFetchRequest(incoming);
  const answered = (await gate?.pass(request)) ?? (() => {});
  try {
    return await respond(handlers, request, outgoing);
  } finally {
    answered();
  }
}

async function respond(
  handlers: readonly RequestHandler[],
  request: Request,
  outgoing: ServerResponse,
): Promise<Omit<RequestLogEntry, 'durationMs'>> {
  const response =
    (await getResponse([...handlers], request)) ??
    operationOutcome(
      404,
      'not-found',
      `Unknown resource type or operation: ${request.method} ${new URL(request.url).pathname}`,
    );

  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  const body = Buffer.from(await response.arrayBuffer());
  // Written, or the connection gone: either way the next held request may be answered.
  await new Promise<void>((resolve) => {
    outgoing.once('close', resolve);
    outgoing.end(body, resolve);
  });

  log('%s %s -> %d', request.method, request.url, response.status);
  return { method: request.method, url: request.url, status: response.status };
}

async function toFetchRequest(incoming: IncomingMessage): Promise<Request> {
  const method = incoming.method ?? 'GET';
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`);

  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }

  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });

  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return new Request(url, { method, headers, body: Buffer.concat(chunks) });
}
