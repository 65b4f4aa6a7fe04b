/**
 * A panelist's phone drops off the network and comes back, and reloads the page: the
 * same identity and the same place in line, with the connection state said plainly.
 * Starts: the real server on a free port (in-memory store) and headless Chromium.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/server.ts';
import { MemoryRoomStore } from '../../server/src/store/MemoryRoomStore.ts';
import { startAppServer } from './support/appServer.ts';
import { PHONE, launchChromium, newPage, screenshot } from './support/browser.ts';

const T = { timeout: 15_000 };

describe('a panelist resumes after a network drop and a reload', () => {
  let browser: Browser;
  let server: RunningServer;
  const store = new MemoryRoomStore({ roomTtlMs: 3_600_000 });

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startAppServer(store);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((r) => server?.httpServer.close(() => r()));
    await store.close();
  });

  it('keeps identity and place in line', async () => {
    const room = (await (await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Resume' }) })).json()) as { roomId: string; joinCode: string; moderatorKey: string };
    const { context, page } = await newPage(browser, { ...PHONE, locale: 'nl-BE' });
    await page.goto(`${server.url}/j/${room.joinCode}`);
    await page.getByTestId('join-name').fill('Wim');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('raise-hand').click();
    await page.getByTestId('queue-position').waitFor(T);
    const status = page.getByTestId('connection-status');
    await expect.poll(() => status.getAttribute('data-status'), T).toBe('online');

    await context.setOffline(true);
    await expect.poll(() => status.getAttribute('data-status'), T).not.toBe('online');
    expect(await status.innerText()).toMatch(/\S/);
    await screenshot(page, 'panelist-offline-nl');
    await context.setOffline(false);
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('online');
    await expect.poll(() => page.getByTestId('queue-position').innerText(), T).toMatch(/1/);

    await page.reload();
    await page.getByTestId('queue-position').waitFor(T);
    await expect.poll(() => page.getByTestId('queue-position').innerText(), T).toMatch(/1/);
    // Still one participant: the reload resumed the same identity rather than joining again.
    const res = await fetch(`${server.url}/api/rooms/${room.roomId}/export`, { headers: { authorization: `Bearer ${room.moderatorKey}` } });
    const data = (await res.json()) as { state: { participants: Record<string, { name: string }> } };
    expect(Object.values(data.state.participants).map((p) => p.name)).toEqual(['Wim']);
  });
});
