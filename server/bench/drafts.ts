/**
 * Draft editing: `editors` writers typing one character at a time (round robin, each
 * edit waited for) while `viewers` readers watch the same document; latency from the
 * keystroke to the last peer that has it, and the process's CPU time per edit. The
 * baseline is the bare y-websocket server (`@y/websocket-server`) with the same clients.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
// The server half that y-websocket 3 no longer ships: the baseline.
import { setupWSConnection } from '@y/websocket-server/utils';

export interface DraftFigures {
  p50Ms: number;
  p99Ms: number;
  cpuMsPerEdit: number;
}

export interface DraftTarget {
  url: string;
  roomName: string;
  editorKey?: string;
  viewerKey?: string;
  close(): Promise<void>;
}

/** A bare y-websocket server on a free port. */
export async function bareYjsServer(): Promise<DraftTarget> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws, req) => setupWSConnection(ws, req, { docName: 'bench' }));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    roomName: 'bench',
    close: async () => {
      wss.clients.forEach((c) => c.terminate());
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}

function open(target: DraftTarget, key: string | undefined): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(target.url, target.roomName, new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(key && { params: { key } }),
  });
  return new Promise((resolve) => provider.once('sync', () => resolve(provider)));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function runDraftBench(target: DraftTarget, editors: number, viewers: number, edits: number): Promise<DraftFigures> {
  const writers = await Promise.all(Array.from({ length: editors }, () => open(target, target.editorKey)));
  const readers = await Promise.all(Array.from({ length: viewers }, () => open(target, target.viewerKey)));
  const everyone = [...writers, ...readers];
  const texts = everyone.map((p) => p.doc.getText('text'));
  let expected = texts[0]!.length;
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let n = 0; n < edits; n++) {
    const start = performance.now();
    const writer = n % editors;
    expected++;
    texts[writer]!.insert(texts[writer]!.length, String.fromCharCode(97 + (n % 26)));
    await new Promise<void>((resolve) => {
      const check = () => {
        if (texts.every((t) => t.length >= expected)) {
          texts.forEach((t) => t.unobserve(check));
          resolve();
        }
      };
      texts.forEach((t) => t.observe(check));
      check();
    });
    latencies.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  everyone.forEach((p) => {
    p.destroy();
    p.doc.destroy();
  });
  await target.close();
  latencies.sort((a, b) => a - b);
  return { p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), cpuMsPerEdit: (cpu.user + cpu.system) / 1000 / edits };
}
