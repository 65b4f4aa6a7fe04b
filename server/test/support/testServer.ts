/**
 * Starts the real server (express + socket.io) on a free port with a real store:
 * the in-memory one, or RedisRoomStore on the test run's redis-server.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { inject } from 'vitest';
import type { CreateRoomResponse, JoinResponse } from '@dr/shared';
import { loadConfig, type Config } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { MemoryRoomStore } from '../../src/store/MemoryRoomStore.ts';
import { RedisRoomStore } from '../../src/store/RedisRoomStore.ts';
import type { RoomStore } from '../../src/store/RoomStore.ts';
import { TestClient } from './TestClient.ts';

export type StoreKind = 'memory' | 'redis';
export const STORE_KINDS: StoreKind[] = ['memory', 'redis'];

export interface TestServer {
  url: string;
  server: RunningServer;
  store: RoomStore;
  config: Config;
  createRoom(title?: string): Promise<CreateRoomResponse>;
  join(joinCode: string, name: string): Promise<JoinResponse>;
  connect(roomId: string, key: string, opts?: { origin?: string; polling?: boolean }): Promise<TestClient>;
  close(): Promise<void>;
}

export function makeStore(kind: StoreKind, roomTtlMs = 60_000): RoomStore {
  if (kind === 'memory') return new MemoryRoomStore({ roomTtlMs });
  return new RedisRoomStore(inject('redisUrl'), { roomTtlMs, keyPrefix: `t:${randomUUID()}:` });
}

export async function startTestServer(kind: StoreKind, overrides: Partial<Config> = {}, store = makeStore(kind)): Promise<TestServer> {
  const config: Config = {
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1' }, { clientDist: path.resolve(import.meta.dirname, '../../../client/dist') }),
    ...overrides,
  };
  const server = await startServer(config, store);
  const clients: TestClient[] = [];
  const post = async (p: string, body: unknown) => {
    const res = await fetch(server.url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${p} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    url: server.url,
    server,
    store,
    config,
    createRoom: (title = 'Plenary') => post('/api/rooms', { title }) as Promise<CreateRoomResponse>,
    join: (joinCode, name) => post('/api/join', { joinCode, name }) as Promise<JoinResponse>,
    connect: async (roomId, key, opts) => {
      const c = await TestClient.connect(server.url, roomId, key, opts);
      clients.push(c);
      return c;
    },
    close: async () => {
      clients.forEach((c) => c.close());
      await server.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      await store.close();
    },
  };
}

/** A response body as loosely typed JSON, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function body(res: Response): Promise<any> {
  return res.json();
}
