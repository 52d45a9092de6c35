/**
 * The one error type twinsub throws on purpose. `code` is stable and machine-readable; `message`
 * is a full sentence for a person. Configuration errors read
 * `<option> must be <constraint> (got <value>)`; runtime errors read `Failed to <action>: <reason>`.
 */
export class TwinsubError extends Error {
  readonly code: TwinsubErrorCode;

  constructor(code: TwinsubErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TwinsubError';
    this.code = code;
  }
}

export type TwinsubErrorCode =
  | 'INVALID_OPTION'
  | 'PORT_IN_USE'
  | 'TARGET_UNREACHABLE'
  | 'BROWSER_NOT_FOUND'
  | 'DATABASE_UNREACHABLE'
  | 'INVALID_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNSUPPORTED';

export function isTwinsubError(error: unknown): error is TwinsubError {
  return error instanceof TwinsubError;
}
