/**
 * What every end-to-end suite shares: the two stores it runs on, a real server whose
 * PUBLIC_URL is the non-local hall address (as on a venue's Wi-Fi), Chromium, and the
 * axe check. Starts: the server on a free port; the Redis store uses the test run's
 * redis-server under a unique key prefix.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type {} from '../../../server/test/support/globalRedis.ts';
import type { RunningServer } from '../../../server/src/server.ts';
import { MemoryRoomStore } from '../../../server/src/store/MemoryRoomStore.ts';
import { RedisRoomStore } from '../../../server/src/store/RedisRoomStore.ts';
import type { RoomStore } from '../../../server/src/store/RoomStore.ts';
import { freePort, startAppServer } from './appServer.ts';
import { HALL_HOST, describeViolations, launchChromium, seriousA11yViolations } from './browser.ts';

export const E2E_STORES: [string, () => RoomStore][] = [
  ['memory', () => new MemoryRoomStore({ roomTtlMs: 3_600_000 })],
  ['redis', () => new RedisRoomStore(inject('redisUrl'), { roomTtlMs: 3_600_000, keyPrefix: `e2e:${randomUUID()}:` })],
];

export interface Hall {
  browser: Browser;
  server: RunningServer;
  store: RoomStore;
  /** `http://hall.test:PORT`: a non-local, non-secure origin. */
  hall: string;
}

export async function startHall(store: RoomStore): Promise<Hall> {
  const browser = await launchChromium();
  const port = await freePort();
  const hall = `http://${HALL_HOST}:${port}`;
  const server = await startAppServer(store, { PORT: String(port), PUBLIC_URL: hall });
  return { browser, server, store, hall };
}

export async function stopHall(h: Partial<Hall>): Promise<void> {
  await h.browser?.close();
  await h.server?.close();
  await new Promise<void>((r) => (h.server ? h.server.httpServer.close(() => r()) : r()));
  await h.store?.close();
}

/** No serious or critical axe-core violations on the page as it is now. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(`${view}: ${describeViolations(violations)}`).toBe(`${view}: `);
}

/**
 * Registers a suite's start/stop hooks and returns the hall, filled in before the first
 * test runs (read its fields inside tests, not at collection time).
 */
export function useHall(makeStore: () => RoomStore): Hall {
  const hall = {} as Hall;
  beforeAll(async () => {
    Object.assign(hall, await startHall(makeStore()));
  });
  afterAll(() => stopHall(hall));
  return hall;
}
