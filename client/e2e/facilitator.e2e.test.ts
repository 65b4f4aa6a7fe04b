/**
 * A helper runs a table from a facilitator link, in real headless Chromium: a moderator on
 * a laptop, two panelists on phones (one states the languages she can discuss in when she
 * joins) and a tablet that opened the link from the desk. The tablet sees the table before
 * the breakout, then gives the floor to a panelist who raised their hand and moves the table
 * on, and sees the table's call for help. The same flow runs on the in-memory and the Redis store.
 * Starts: the real server on a free port; the Redis run uses the test run's redis-server.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, TABLET, newPage, screenshot } from './support/browser.ts';
import { E2E_STORES, expectAccessible, useHall } from './support/hall.ts';

const T = { timeout: 15_000 };

/** "1:58" → 118. */
const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);

/** A panelist joins on a phone through the hall address, ticking `languages` on the join page. */
async function join(browser: Browser, hall: string, joinCode: string, name: string, locale: string, languages: string[] = []): Promise<Page> {
  const { page } = await newPage(browser, { ...PHONE, locale });
  await page.goto(`${hall}/j/${joinCode}`);
  await page.getByTestId('join-name').fill(name);
  for (const l of languages) await page.getByTestId(`language-check-${l}`).check();
  if (languages.length === 2) {
    // Two is the most: the other languages can no longer be ticked.
    expect(await page.getByTestId('language-check-de').isDisabled()).toBe(true);
    await expectAccessible(page, 'join page with languages');
    await screenshot(page, `facilitator-join-languages-${locale}`, { fullPage: true });
  }
  await page.getByTestId('join-submit').click();
  await page.getByTestId('raise-hand').waitFor(T);
  return page;
}

describe.each(E2E_STORES)('a facilitator link on the %s store', (storeName, makeStore) => {
  const h = useHall(makeStore);

  it('a helper on a tablet runs one table: sees it before the breakout, gives the floor, sees a call for help', async () => {
    const { browser, server, hall } = h;
    const shot = (p: Page, name: string, fullPage = false) => screenshot(p, `facilitator-${storeName}-${name}`, { fullPage });
    const mod = (await newPage(browser, { ...LAPTOP, locale: 'en-GB' })).page;
    await mod.goto(`${server.url}/`);
    await mod.getByTestId('create-title').fill('Citizens’ panel on housing — tables');
    await mod.getByTestId('create-submit').click();
    await mod.waitForURL(/\/r\/[^/]+\/moderator/, T);
    const roomId = new URL(mod.url()).pathname.split('/')[2]!;
    const joinCode = (await mod.getByTestId('join-code').first().innerText(T)).replace(/\s/g, '');

    // Amélie says on the join page she can discuss in French and Dutch; Bram says nothing.
    const amelie = await join(browser, hall, joinCode, 'Amélie', 'fr-BE', ['fr', 'nl']);
    const bram = await join(browser, hall, joinCode, 'Bram', 'nl-BE');
    await expect.poll(() => amelie.getByTestId('my-languages').innerText(), T).toContain('FR + NL');
    await shot(amelie, 'panelist-languages-fr', true);

    // The desk shows her languages, sent by her phone right after joining; Bram sets his in his settings.
    await mod.getByTestId('desk-tab-tables').click();
    await expect.poll(() => mod.getByLabel('Languages of Amélie').inputValue(), T).toBe('fr+nl');
    expect(await mod.getByLabel('Languages of Bram').inputValue()).toBe('');
    await bram.getByTestId('change-languages').click();
    await bram.getByTestId('language-check-nl').check();
    await expectAccessible(bram, 'panelist changing languages');
    await shot(bram, 'panelist-languages-edit-nl', true);
    await bram.getByTestId('save-languages').click();
    await expect.poll(() => mod.getByLabel('Languages of Bram').inputValue(), T).toBe('nl');

    // One table, everyone seated at it.
    await mod.getByTestId('tables-create-count').fill('1');
    await mod.getByTestId('tables-create-submit').click();
    await expect.poll(() => mod.getByTestId('table-row').count(), T).toBe(1);
    await mod.getByTestId('assign-random').click();
    await expect.poll(() => mod.getByTestId('seating-report').count(), T).toBe(1);

    // The table's facilitator link: on the hall address, with copy, open and a QR code.
    await mod.getByTestId('facilitator-link').click();
    const open = mod.getByTestId('facilitator-link-open');
    await open.waitFor(T);
    const link = (await open.getAttribute('href'))!;
    expect(link).toMatch(new RegExp(`^${hall.replace(/\./g, '\\.')}/r/${roomId}/facilitate#key=.+`));
    await mod.getByTestId('facilitator-link-qr').locator('img').waitFor(T);
    await mod.getByTestId('facilitator-link').scrollIntoViewIfNeeded();
    await shot(mod, 'desk-link');
    await expectAccessible(mod, 'desk with a facilitator link');

    // A helper opens it on a tablet, in a browser of their own: the table, its people, and when it starts.
    const { page: tab } = await newPage(browser, { ...TABLET, locale: 'en-GB' });
    await tab.goto(link);
    await tab.getByTestId('facilitator-view').waitFor(T);
    await expect.poll(() => tab.getByTestId('table-number').innerText(), T).toBe('Table 1');
    expect(await tab.getByTestId('facilitator-waiting').innerText()).toContain('The tables start when the moderator starts the breakout');
    await expect.poll(() => tab.getByTestId('table-member').count(), T).toBe(2);
    const members = (await tab.getByTestId('facilitator-members').innerText()).replace(/\s+/g, ' ');
    expect(members).toMatch(/Amélie.*FR \+ NL/);
    expect(members).toContain('Bram');
    expect(await tab.getByTestId('give-floor').count()).toBe(0);
    await shot(tab, 'tablet-before');
    await expectAccessible(tab, 'facilitator view before the breakout');

    // The breakout starts; the tablet shows the table's floor and clock by itself.
    await mod.getByTestId('breakout-minutes').fill('10');
    await mod.getByTestId('breakout-start').click();
    await tab.getByTestId('facilitator-controls').waitFor(T);
    await expect.poll(() => tab.getByTestId('breakout-remaining').innerText(), T).toMatch(/^(10:00|9:\d\d)$/);

    // Bram raises his hand at the table; the helper gives him the floor from the queue.
    await bram.getByTestId('raise-hand').click();
    await bram.getByTestId('queue-position').waitFor(T);
    await expect.poll(() => tab.getByTestId('queue-item').allInnerTexts(), T).toEqual([expect.stringContaining('Bram')]);
    await tab.getByTestId('give-floor').click();
    await expect.poll(() => bram.locator('.now-speaking-me').count(), T).toBe(1);
    await expect.poll(() => bram.getByTestId('current-speaker').innerText(), T).not.toContain('Bram');
    await expect.poll(() => tab.getByTestId('current-speaker').innerText(), T).toBe('Bram');
    await expect.poll(() => amelie.getByTestId('current-speaker').innerText(), T).toBe('Bram');
    await expect.poll(() => mod.getByTestId('table-card').innerText(), T).toContain('Bram');

    // The helper holds the clock and resets it; Amélie asks next and the helper hands on.
    await tab.getByTestId('facilitator-timer').click();
    await expect.poll(() => tab.getByTestId('facilitator-timer').innerText(), T).toBe('Resume');
    // Reset: back to the full turn, stopped, so the same speaker starts again from zero.
    await tab.getByTestId('facilitator-reset').click();
    await expect.poll(() => tab.getByTestId('facilitator-timer').innerText(), T).toBe('Start');
    await amelie.getByTestId('raise-hand').click();
    await expect.poll(() => tab.getByTestId('facilitator-next').innerText(), T).toContain('Amélie');
    await shot(tab, 'tablet-floor');
    await tab.getByTestId('facilitator-next').click();
    await expect.poll(() => amelie.locator('.now-speaking-me').count(), T).toBe(1);
    await expect.poll(() => bram.locator('.now-speaking-me').count(), T).toBe(0);

    // Amélie calls a moderator: the tablet sees the call; answering stays with the desk.
    await amelie.getByTestId('help-request').click();
    await tab.getByTestId('help-pending').waitFor(T);
    expect(await tab.getByTestId('help-request').count()).toBe(0);
    await expectAccessible(tab, 'facilitator view during the breakout');
    await shot(tab, 'tablet-help', true);
    await mod.getByTestId('help-answer').click();
    await expect.poll(() => tab.getByTestId('help-pending').count(), T).toBe(0);
    // Both clocks run on the tablet from the server clock.
    const clocks = async () => [await tab.getByTestId('breakout-remaining').innerText(), await tab.getByTestId('time-left').innerText()].join(' ');
    const before = await clocks();
    await expect.poll(clocks, T).not.toBe(before);

    // The rest of the helper's controls: lower a hand, +30 s, a go-round with a skip, then stop it.
    await bram.getByTestId('raise-hand').click();
    await expect.poll(() => tab.getByTestId('queue-item').count(), T).toBe(1);
    await tab.getByTestId('desk-lower-hand').click();
    await expect.poll(() => bram.getByTestId('queue-position').count(), T).toBe(0);
    const left = seconds(await tab.getByTestId('time-left').innerText());
    await tab.getByTestId('facilitator-add30').click();
    await expect.poll(async () => seconds(await tab.getByTestId('time-left').innerText()), T).toBeGreaterThan(left + 20);
    await tab.getByTestId('round-minutes').fill('1');
    await tab.getByTestId('round-start').click();
    await expect.poll(() => tab.getByTestId('round-info').innerText(), T).toMatch(/turn 1 of 2/);
    const first = await tab.getByTestId('current-speaker').innerText();
    await tab.getByTestId('round-skip').click();
    await expect.poll(() => tab.getByTestId('round-info').innerText(), T).toMatch(/turn 2 of 2/);
    expect(await tab.getByTestId('current-speaker').innerText()).not.toBe(first);
    await shot(tab, 'tablet-round');
    await tab.getByTestId('round-stop').click();
    await expect.poll(() => tab.getByTestId('round-info').count(), T).toBe(0);

    // The same page on a phone, in German (long words): one column, nothing cut off.
    await tab.getByTestId('language-picker').selectOption('de');
    await expect.poll(() => tab.getByTestId('table-number').innerText(), T).toBe('Tisch 1');
    await tab.setViewportSize(PHONE.viewport);
    await shot(tab, 'phone-de', true);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);

    // A reload without the fragment reopens the same table from this device's memory.
    const shown = await tab.getByTestId('facilitator-view').innerText();
    await tab.goto(`${hall}/r/${roomId}/facilitate`);
    await expect.poll(() => tab.getByTestId('table-number').innerText(), T).toBe('Tisch 1');
    expect((await tab.getByTestId('facilitator-view').innerText()).replace(/\d+:\d\d/g, '')).toBe(shown.replace(/\d+:\d\d/g, ''));
  });
});
