/**
 * A y-websocket protocol client for the load generator. A viewer keeps no document: it
 * answers the handshake and reads which edit each update carries (client id and clock,
 * from the update's metadata), so two hundred of them cost the load generator little.
 * A writer owns a `Y.Doc` and sends its own edits; it does not apply others' edits
 * (appending at its own end is a valid edit whatever the others typed).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

const recentKeys = new Map<string, string[]>();

/**
 * The edits an update ends with (`client:clock` after it). Every viewer receives the same
 * bytes, so the load generator decodes each distinct update once.
 */
export function editKeys(update: Uint8Array): string[] {
  const id = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
  let keys = recentKeys.get(id);
  if (!keys) {
    keys = [];
    for (const [client, clock] of Y.parseUpdateMeta(update).to) keys.push(`${client}:${clock}`);
    if (recentKeys.size > 10_000) recentKeys.clear();
    recentKeys.set(id, keys);
  }
  return keys;
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, SYNC);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export class LiteYjs {
  /** Set when the server closed the socket (not by `close()`). */
  dropped = false;
  closeCode: number | null = null;
  private closing = false;
  private typed = 0;
  private onUpdate: ((keys: string[]) => void) | null = null;

  private constructor(
    private readonly ws: WebSocket,
    readonly doc: Y.Doc | null,
  ) {}

  /** Opens `${base}/${name}?key=` and resolves once the server's sync step 2 arrived. */
  static open(base: string, name: string, key: string | undefined, opts: { writer?: boolean; timeoutMs?: number } = {}): Promise<LiteYjs> {
    const url = `${base}/${name}${key ? `?key=${encodeURIComponent(key)}` : ''}`;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    const doc = opts.writer ? new Y.Doc() : null;
    const client = new LiteYjs(ws, doc);
    if (doc) doc.on('update', (update: Uint8Array, origin: unknown) => origin !== client && client.send(syncMessage(UPDATE, update)));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('yjs handshake timed out'));
      }, opts.timeoutMs ?? 20_000);
      ws.on('open', () => ws.send(syncMessage(STEP1, doc ? Y.encodeStateVector(doc) : EMPTY_STATE_VECTOR)));
      ws.on('error', reject);
      ws.on('close', (code) => {
        client.closeCode = code;
        if (!client.closing) client.dropped = true;
        clearTimeout(timer);
        reject(new Error(`closed during handshake (${code})`));
      });
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(data);
        if (decoding.readVarUint(d) !== SYNC) return;
        const step = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (step === STEP1) client.send(syncMessage(STEP2, doc ? Y.encodeStateAsUpdate(doc, payload) : Y.encodeStateAsUpdate(new Y.Doc())));
        else if (step === STEP2) {
          if (doc) Y.applyUpdate(doc, payload, client);
          clearTimeout(timer);
          resolve(client);
        } else if (step === UPDATE) client.onUpdate?.(editKeys(payload));
      });
    });
  }

  /** Called with the edit keys of every incremental update received. */
  onEdits(handler: (keys: string[]) => void): void {
    this.onUpdate = handler;
  }

  /** Appends `text` to the writer's document; returns the edit's key. */
  type(text: string): string {
    const t = this.doc!.getText('text');
    t.insert(t.length, text);
    // A fresh client's clock counts the characters it inserted: the update's end.
    this.typed += text.length;
    return `${this.doc!.clientID}:${this.typed}`;
  }

  private send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  close(): void {
    this.closing = true;
    this.ws.terminate();
  }
}
