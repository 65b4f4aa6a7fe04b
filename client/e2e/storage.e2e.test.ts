/**
 * Redis goes down in the middle of a session: every screen says so plainly, the controls
 * that would send something are switched off, and when Redis is back the banner goes and
 * the next tap works. A panelist phone in English and one in German (the longest words),
 * a table helper's tablet in French, the bilingual projector and the moderator desk, in
 * real headless Chromium.
 * Starts: a private redis-server on a free port (AOF on, so the room survives the restart;
 * it is killed with SIGKILL, so never the run's shared one), the real server on a free port.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRoomStore } from '../../server/src/store/RedisRoomStore.ts';
import { startRedisServer, type RedisServerHandle } from '../../server/test/support/redisServer.ts';
import { LAPTOP, PHONE, PROJECTOR, TABLET, newPage, screenshot } from './support/browser.ts';
import { expectAccessible, useHall } from './support/hall.ts';

const T = { timeout: 15_000 };
/** Down is reported after ~1 s; generous, since the machine is shared. */
const OUTAGE = { timeout: 20_000 };

const storageOf = (page: Page) => page.getByTestId('storage-status').getAttribute('data-status');
const px = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe('Redis restart in Chromium: a clear state on every screen', () => {
  let redis: RedisServerHandle;
  beforeAll(async () => {
    redis = await startRedisServer({ appendonly: true });
  });
  // Registered before the hall's hooks, so it runs after them: the store closes first.
  afterAll(async () => {
    await redis?.stop();
  });
  const h = useHall(() => new RedisRoomStore(redis.url, { roomTtlMs: 3_600_000, keyPrefix: `e2e-storage:${randomUUID()}:` }));

  it('panelists, a table helper, the projector and the desk show the banner while Redis is down, and drop it after', async () => {
    const { browser, hall } = h;
    const res = await fetch(`${h.server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Citizens’ panel on housing', language: 'en', secondLanguage: 'nl' }) });
    expect(res.status).toBe(201);
    const room = (await res.json()) as { joinCode: string; moderatorUrl: string; displayUrl: string };

    const desk = await newPage(browser, { ...LAPTOP, locale: 'en-GB' });
    await desk.page.goto(room.moderatorUrl);
    const proj = await newPage(browser, { ...PROJECTOR, locale: 'en-GB' });
    await proj.page.goto(room.displayUrl);
    const phones: Page[] = [];
    for (const [name, locale] of [['Margaret', 'en-GB'], ['Hildegard', 'de-BE']] as const) {
      const { page } = await newPage(browser, { ...PHONE, locale });
      await page.goto(`${hall}/j/${room.joinCode}`);
      await page.getByTestId('join-name').fill(name);
      await page.getByTestId('join-submit').click();
      await page.getByTestId('raise-hand').waitFor(T);
      phones.push(page);
    }
    const [en, de] = phones as [Page, Page];
    // One table, run from a helper's tablet (its facilitator link), in French.
    await desk.page.getByTestId('desk-tab-tables').click();
    await desk.page.getByTestId('tables-create-count').fill('1');
    await desk.page.getByTestId('tables-create-submit').click();
    await expect.poll(() => desk.page.getByTestId('table-row').count(), T).toBe(1);
    await desk.page.getByTestId('facilitator-link').click();
    const facilitatorLink = (await desk.page.getByTestId('facilitator-link-open').getAttribute('href', T))!;
    await desk.page.getByTestId('desk-tab-plenary').click();
    const tablet = (await newPage(browser, { ...TABLET, locale: 'fr-BE' })).page;
    await tablet.goto(facilitatorLink);
    await tablet.getByTestId('facilitator-view').waitFor(T);
    await en.getByTestId('raise-hand').click();
    await en.getByTestId('queue-position').waitFor(T);
    await expect.poll(() => desk.page.getByTestId('queue-item').count(), T).toBe(1);
    for (const page of [en, de, desk.page, tablet]) await expect.poll(() => storageOf(page), T).toBe('ok');
    expect(await proj.page.getByTestId('projector-storage-status').count()).toBe(0);

    // Redis dies.
    redis.kill9();
    for (const page of [en, de, desk.page, tablet]) await expect.poll(() => storageOf(page), OUTAGE).toBe('down');
    await proj.page.getByTestId('projector-storage-status').waitFor(OUTAGE);
    // The socket itself is fine: this is not the "no connection" state.
    expect(await en.getByTestId('connection-status').getAttribute('data-status')).toBe('online');
    expect(await en.getByTestId('storage-status').innerText()).toMatch(/not being sent/i);
    expect(await de.getByTestId('storage-status').innerText()).toMatch(/nicht gesendet/i);
    expect(await desk.page.getByTestId('storage-status').innerText()).toMatch(/not saved/i);
    expect(await tablet.getByTestId('storage-status').innerText()).toMatch(/pas envoyées/i);
    expect(await proj.page.getByTestId('projector-storage-status').innerText()).toMatch(/Technical pause[\s\S]*Technische pauze[\s\S]*Reconnecting/);
    // Controls that would send a command are off; reading and the language stay usable.
    expect(await en.getByTestId('raise-hand').isDisabled()).toBe(true);
    expect(await de.getByTestId('raise-hand').isDisabled()).toBe(true);
    expect(await desk.page.getByTestId('next-speaker').isDisabled()).toBe(true);
    expect(await en.getByTestId('language-picker').isDisabled()).toBe(false);
    // A desk keyboard shortcut is not sent either, and says why.
    await desk.page.locator('body').press('n');
    await expect.poll(() => desk.page.locator('.notice').allInnerTexts(), T).toContainEqual(expect.stringMatching(/Not sent/));
    // Phone text at least 18 px; the projector's headline readable from the back of a hall.
    expect(await px(en, '.storage-hint')).toBeGreaterThanOrEqual(18);
    expect(await px(en, '.storage-title')).toBeGreaterThanOrEqual(18);
    expect(await px(proj.page, '.projector-storage-title')).toBeGreaterThanOrEqual(64);
    expect(await px(proj.page, '.projector-storage-hint')).toBeGreaterThanOrEqual(40);
    // The wall makes room for the banner rather than hide the queue under it.
    const banner = (await proj.page.getByTestId('projector-storage-status').boundingBox())!;
    const queueBox = (await proj.page.getByTestId('projector-queue').boundingBox())!;
    expect(queueBox.y).toBeGreaterThanOrEqual(banner.y + banner.height - 1);
    expect(queueBox.y + queueBox.height).toBeLessThanOrEqual(PROJECTOR.viewport.height);
    await screenshot(en, 'storage-down-panelist-en-scrolled');
    await en.evaluate(() => window.scrollTo(0, 0));
    await screenshot(en, 'storage-down-panelist-en');
    await screenshot(de, 'storage-down-panelist-de');
    await screenshot(proj.page, 'storage-down-projector');
    await screenshot(desk.page, 'storage-down-desk');
    await screenshot(tablet, 'storage-down-facilitator-fr');
    await expectAccessible(en, 'panelist, storage down');
    await expectAccessible(proj.page, 'projector, storage down');

    // Redis is back: a short "works again", then nothing, and the next tap is saved.
    await redis.restart();
    await expect.poll(() => storageOf(en), OUTAGE).not.toBe('down');
    if ((await storageOf(en)) === 'back') await screenshot(en, 'storage-back-panelist-en');
    for (const page of [en, de, desk.page, tablet]) await expect.poll(() => storageOf(page), OUTAGE).toBe('ok');
    await expect.poll(() => proj.page.getByTestId('projector-storage-status').count(), OUTAGE).toBe(0);
    expect(await de.getByTestId('raise-hand').isDisabled()).toBe(false);
    await de.getByTestId('raise-hand').click();
    await de.getByTestId('queue-position').waitFor(T);
    await expect.poll(() => desk.page.getByTestId('queue-item').count(), T).toBe(2);
    await screenshot(de, 'storage-after-panelist-de');
    await screenshot(proj.page, 'storage-after-projector');
  });
});
