import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { writePermissionDenied } from 'y-protocols/auth';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** Outer message types of the y-websocket protocol. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** What a client sent, decoded but not yet applied to anything. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  /** A sync step 2 or an incremental update: both carry a Yjs update. */
  | { kind: 'update'; update: Uint8Array }
  /** `clients`: the client ids the update speaks for, read while validating it. */
  | { kind: 'awareness'; update: Uint8Array; clients: number[] }
  | { kind: 'query-awareness' }
  /** Auth messages are server → client only; a client sending one is ignored. */
  | { kind: 'ignored' };

/**
 * Decodes one client message. Throws on anything malformed (unknown type, truncated
 * buffer, undecodable state vector or update): the caller closes with `malformed`,
 * before the payload reaches the document.
 */
export function parseClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let message: ClientMessage;
  switch (type) {
    case MESSAGE_SYNC: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === messageYjsSyncStep1) {
        Y.decodeStateVector(payload);
        message = { kind: 'sync-step1', stateVector: payload };
      } else if (step === messageYjsSyncStep2 || step === messageYjsUpdate) {
        assertWellFormedUpdate(payload);
        message = { kind: 'update', update: payload };
      } else throw new Error(`unknown sync step ${step}`);
      break;
    }
    case MESSAGE_AWARENESS: {
      const update = decoding.readVarUint8Array(decoder);
      message = { kind: 'awareness', update, clients: assertWellFormedAwareness(update) };
      break;
    }
    case MESSAGE_QUERY_AWARENESS:
      message = { kind: 'query-awareness' };
      break;
    case MESSAGE_AUTH:
      message = { kind: 'ignored' };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  return message;
}

/**
 * Decodes the whole update without a document. Yjs applies an update in two phases
 * (integrate structs, then the delete set): a buffer that fails half-way would leave a
 * document half-changed, so nothing is applied that does not decode completely.
 */
export function assertWellFormedUpdate(update: Uint8Array): void {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) if (!Number.isSafeInteger(s.id.clock) || s.length < 0) throw new Error('bad struct');
  for (const items of ds.clients.values()) for (const d of items) if (!Number.isSafeInteger(d.clock) || d.len < 0) throw new Error('bad delete set');
}

/** `[count, (clientID, clock, JSON state)…]`; the states must be JSON. */
export function assertWellFormedAwareness(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clients: number[] = [];
  for (let i = 0; i < count; i++) {
    clients.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
  return clients;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
}

export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, messageYjsUpdate);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
}

/** An awareness update about nobody: a no-op for the client, but it is traffic, so an idle client does not time out. */
export const KEEPALIVE = encodeAwareness(Uint8Array.of(0));

export function encodePermissionDenied(reason: string): Uint8Array {
  return frame(MESSAGE_AUTH, (e) => writePermissionDenied(e, reason));
}

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
