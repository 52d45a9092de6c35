import type { IncomingMessage } from 'node:http';
import { TwinsubError } from '../core/twinsub-error.ts';

/** 1 MiB: far above any control call or login form, far below what would hurt the process. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The request body as UTF-8 text; refuses bodies over `limitBytes`. */
export async function readBody(
  req: IncomingMessage,
  limitBytes: number = MAX_BODY_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) {
      throw new TwinsubError(
        'INVALID_REQUEST',
        `body must be at most ${limitBytes} bytes (got more than ${limitBytes})`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
