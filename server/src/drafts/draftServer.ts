import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { DRAFT_CLOSE, DRAFT_LIMITS, DRAFT_PATH_PREFIX, parseDraftRoomName } from '@dr/shared';
import type { Config } from '../config.ts';
import { log } from '../log.ts';
import type { RoomClosedListener } from '../rooms/CombinedFanout.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import { isOriginAllowed } from '../security/origins.ts';
import { newId } from '../security/secrets.ts';
import type { DocStore } from '../store/DocStore.ts';
import type { DocLimits } from './DocHost.ts';
import { DocRegistry } from './DocRegistry.ts';
import { DraftConnection, type DraftConnectionLimits } from './DraftConnection.ts';

export type DraftLimits = DocLimits &
  DraftConnectionLimits & {
    /** How often connections are pinged (a peer that missed the last ping is dropped) and rights re-checked. */
    tickMs: number;
  };

export const DEFAULT_DRAFT_LIMITS: DraftLimits = {
  maxMessageBytes: DRAFT_LIMITS.MAX_MESSAGE_BYTES,
  maxDocumentBytes: DRAFT_LIMITS.MAX_DOCUMENT_BYTES,
  messageBurst: DRAFT_LIMITS.MESSAGE_BURST,
  messagesPerSecond: DRAFT_LIMITS.MESSAGES_PER_SECOND,
  compactAfterUpdates: DRAFT_LIMITS.COMPACT_AFTER_UPDATES,
  compactAfterBytes: DRAFT_LIMITS.COMPACT_AFTER_BYTES,
  renewalFlushMs: 5_000,
  maxBufferedBytes: 16 * 1024 * 1024,
  tickMs: 10_000,
};

export interface DraftServer extends RoomClosedListener {
  readonly connections: number;
  /** Closes every draft connection (1001: reconnect elsewhere) and unloads the drafts. */
  close(): Promise<void>;
}

/**
 * The Yjs endpoint: y-websocket protocol on `/yjs/<roomId>/plenary` and
 * `/yjs/<roomId>/tables/<tableId>`, key in the `key` query parameter. Upgrades for other
 * paths are left to socket.io. The key is checked after the upgrade, because only an open
 * websocket can carry the close code that tells a client why it was refused.
 */
export function attachDraftServer(httpServer: HttpServer, config: Config, rooms: RoomRegistry, store: DocStore, limits: DraftLimits = DEFAULT_DRAFT_LIMITS): DraftServer {
  const nodeId = newId('n');
  let next = 0;
  const docs = new DocRegistry(store, limits);
  const connections = new Set<DraftConnection>();
  // ws' own cap is a backstop above ours, so a message just over our limit gets our close code.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 2, perMessageDeflate: false });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(DRAFT_PATH_PREFIX)) return;
    if (!isOriginAllowed(req.headers.origin, req.headers.host, config)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.on('error', () => undefined);
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice(DRAFT_PATH_PREFIX.length));
      } catch {
        name = '';
      }
      const target = parseDraftRoomName(name);
      if (!target) return ws.close(DRAFT_CLOSE.unknown_document, 'unknown_document');
      const conn = new DraftConnection(ws, target.roomId, target.draft, url.searchParams.get('key'), `${nodeId}.${++next}`, { rooms, docs, limits }, (c) =>
        connections.delete(c),
      );
      connections.add(conn);
    });
  };
  httpServer.on('upgrade', onUpgrade);

  const ticker = setInterval(() => {
    const now = Date.now();
    for (const c of connections) c.tick(now);
  }, limits.tickMs);
  ticker.unref();

  return {
    get connections() {
      return connections.size;
    },
    closeRoom: (roomId) => {
      for (const c of connections) if (c.roomId === roomId) c.close('room_deleted');
    },
    closeParticipant: (roomId, participantId) => {
      for (const c of connections) if (c.roomId === roomId && c.participantId === participantId) c.close('forbidden');
    },
    close: async () => {
      clearInterval(ticker);
      httpServer.off('upgrade', onUpgrade);
      for (const c of connections) c.close('going_away');
      connections.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await docs.closeAll();
      log.debug('draft server closed', { nodeId });
    },
  };
}
