import type { Request } from 'express';

/**
 * The client id and secret of a request to an endpoint that authenticates apps (RFC 6749
 * section 2.3.1): HTTP Basic, whose parts are form-encoded first, or the body's `client_id`
 * and `client_secret`. Undefined when neither is complete.
 */
export function clientCredentials(req: Request): { id: string; secret: string } | undefined {
  const header = req.get('authorization');
  const basic = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const formDecode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    try {
      return {
        id: formDecode(decoded.slice(0, colon)),
        secret: formDecode(decoded.slice(colon + 1)),
      };
    } catch {
      return undefined;
    }
  }

  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body.client_id === 'string' && typeof body.client_secret === 'string') {
    return { id: body.client_id, secret: body.client_secret };
  }
  return undefined;
}
