/**
 * Error codes carried by command acks and HTTP error bodies. Public protocol:
 * clients map them to translated messages, never display `message` verbatim.
 */
export const ERROR_CODES = {
  /** The message failed schema validation (wrong type, missing field, over a size limit). */
  invalid: 'invalid',
  /** The sender's role may not send this command. */
  forbidden: 'forbidden',
  /** A participant, agenda item or room named by the command does not exist. */
  not_found: 'not_found',
  /** Not possible in the current state (hand already up, nobody in the queue, …). */
  conflict: 'conflict',
  /** Too many commands from this connection; retry later. */
  rate_limited: 'rate_limited',
  /** Storage is down: the outcome is unknown, retry with the same command id. */
  unavailable: 'unavailable',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes after which retrying the same command cannot succeed. */
export const FATAL_ERROR_CODES: ReadonlySet<ErrorCode> = new Set(['invalid', 'forbidden', 'not_found', 'conflict']);

/**
 * Socket connect refusals (the `connect_error` message). `unauthorized` is public
 * protocol; the others tell a client whether reconnecting can help.
 */
export const CONNECT_ERRORS = {
  unauthorized: 'unauthorized',
  client_too_old: 'client_too_old',
  client_too_new: 'client_too_new',
  room_not_found: 'room_not_found',
  unavailable: 'unavailable',
} as const;
export type ConnectError = keyof typeof CONNECT_ERRORS;

/** A domain or protocol error as it travels on the wire. */
export interface WireError {
  code: ErrorCode;
  /** English, for logs and developers; UIs translate `code`/`reason` instead. */
  message: string;
  /** Finer cause for UIs, e.g. `hand_already_raised`. */
  reason?: string;
}

/** Builds a {@link WireError}; keeps call sites short in decide functions. */
export function wireError(code: ErrorCode, message: string, reason?: string): WireError {
  return reason === undefined ? { code, message } : { code, message, reason };
}

/** Thrown (rather than returned) only at I/O edges; domain code returns WireError. */
export class RoomError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'RoomError';
  }
  toWire(): WireError {
    return wireError(this.code, this.message, this.reason);
  }
}
