/**
 * Test clients for the Yjs endpoint: the standard y-websocket `WebsocketProvider` (with
 * `ws` as its WebSocket), and a raw socket for protocol-level probes.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import { draftRoomName, type DraftRef } from '@dr/shared';

export interface DraftClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  /** Reasons of permission-denied messages received. */
  denied: string[];
  /** Close codes seen. */
  closes: number[];
  synced(timeoutMs?: number): Promise<void>;
  close(): void;
}

export function draftUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/yjs`;
}

export function openDraft(httpUrl: string, roomId: string, draft: DraftRef, key: string, options: { doc?: Y.Doc; connect?: boolean } = {}): DraftClient {
  const doc = options.doc ?? new Y.Doc();
  const denied: string[] = [];
  const closes: number[] = [];
  const provider = new WebsocketProvider(draftUrl(httpUrl), draftRoomName(roomId, draft), doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { key },
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
  });
  // y-websocket reports permission-denied only through console.warn; listen on the socket instead.
  provider.on('status', () => {
    const ws = provider.ws as unknown as WebSocket | null;
    if (!ws || (ws as unknown as { __probed?: boolean }).__probed) return;
    (ws as unknown as { __probed?: boolean }).__probed = true;
    ws.addEventListener('message', (e) => {
      const d = decoding.createDecoder(new Uint8Array(e.data as ArrayBuffer));
      if (decoding.readVarUint(d) === 2 && decoding.readVarUint(d) === 0) denied.push(decoding.readVarString(d));
    });
  });
  provider.on('connection-close', (event) => event && closes.push(event.code));
  return {
    doc,
    provider,
    text: doc.getText('text'),
    denied,
    closes,
    synced: (timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        if (provider.synced) return resolve();
        const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
        provider.once('sync', (ok: boolean) => ok && (clearTimeout(timer), resolve()));
      }),
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface RawDraftSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
}

/** A bare websocket on a draft path: sees exactly what the server sends, and sends anything. */
export function rawDraftSocket(httpUrl: string, path: string, headers: Record<string, string> = {}): RawDraftSocket {
  const ws = new WebSocket(`${draftUrl(httpUrl)}/${path}`, { headers });
  ws.binaryType = 'nodebuffer';
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  return { ws, messages, closed, opened };
}

export async function eventually(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
