/**
 * A plenary in real headless Chromium: a moderator on a laptop, three panelists on
 * phones and the projector, each in its own browser context. Panelists and the projector
 * use http://hall.test:PORT — a non-local, non-secure origin, like a phone on the venue's
 * Wi-Fi — while the moderator uses 127.0.0.1. Screenshots go to test-artifacts/.
 * Starts: the real server on a free port; the Redis run uses the test run's redis-server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, PROJECTOR, newPage, screenshot } from './support/browser.ts';
import { E2E_STORES, expectAccessible, useHall } from './support/hall.ts';

const T = { timeout: 15_000 };

describe.each(E2E_STORES)('a plenary in Chromium on the %s store', (storeName, makeStore) => {
  const h = useHall(makeStore);

  it('moderator, three panelists and the projector run a speaker queue', async () => {
    const { browser, server, hall } = h;
    const shot = (p: Page, name: string) => screenshot(p, `${storeName}-${name}`);
    // The moderator creates the room from the landing page.
    const mod = await newPage(browser, { ...LAPTOP, locale: 'en-GB' });
    await mod.page.goto(`${server.url}/`);
    await mod.page.getByTestId('create-title').fill('Citizens’ panel on AI — session 2');
    await expectAccessible(mod.page, 'landing');
    await shot(mod.page, 'landing');
    await mod.page.getByTestId('create-submit').click();
    await mod.page.waitForURL(/\/r\/[^/]+\/moderator/, T);
    const joinCode = (await mod.page.getByTestId('join-code').first().innerText(T)).replace(/\s/g, '');
    expect(joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);

    // The projector opens its link from the desk, on the hall address.
    // The desk's links use PUBLIC_URL (the hall address), never the moderator's localhost.
    const fieldValues = () => mod.page.evaluate(() => [...document.querySelectorAll('input')].map((i) => i.value));
    await expect.poll(fieldValues, T).toContain(`${hall}/j/${joinCode}`);
    const displayPath = await mod.page.getByTestId('projector-link').getAttribute('href', T);
    expect(displayPath).toMatch(/\/r\/[^/]+\/display#key=/);
    const proj = await newPage(browser, { ...PROJECTOR, locale: 'en-GB' });
    await proj.page.goto(new URL(displayPath!, hall).href);
    await expect.poll(() => proj.page.getByTestId('projector-join-code').innerText(), T).toContain(joinCode.slice(0, 3));
    await proj.page.getByTestId('projector-qr').waitFor(T);

    // Three panelists join on phones, in French, Dutch and German, through the hall address.
    const people = [
      { name: 'Amélie', locale: 'fr-BE', kind: 'speak' },
      { name: 'Bram', locale: 'nl-BE', kind: 'reply' },
      { name: 'Clara', locale: 'de-BE', kind: 'point' },
    ];
    const phones: Page[] = [];
    for (const person of people) {
      const { page } = await newPage(browser, { ...PHONE, locale: person.locale });
      await page.goto(`${hall}/j/${joinCode}`);
      const isSecure = await page.evaluate(() => window.isSecureContext);
      expect(isSecure).toBe(false);
      await page.getByTestId('join-name').fill(person.name);
      if (phones.length === 0) await expectAccessible(page, 'join page');
      if (phones.length === 0) await shot(page, 'join-phone');
      await page.getByTestId('join-submit').click();
      await page.getByTestId('raise-hand').waitFor(T);
      phones.push(page);
    }
    expect(await phones[0]!.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await phones[1]!.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await phones[2]!.evaluate(() => document.documentElement.lang)).toBe('de');
    await expectAccessible(phones[0]!, 'panelist');

    // Each asks for the floor with a different kind of request.
    for (const [i, person] of people.entries()) {
      const page = phones[i]!;
      await page.getByTestId(`hand-kind-${person.kind}`).click();
      await page.getByTestId('raise-hand').click();
      await page.getByTestId('queue-position').waitFor(T);
    }
    // The desk shows the queue in rule order: point of order, direct reply, then the hand.
    const queue = mod.page.getByTestId('queue-item');
    await expect.poll(() => queue.count(), T).toBe(3);
    await expect.poll(() => queue.allInnerTexts(), T).toEqual([expect.stringContaining('Clara'), expect.stringContaining('Bram'), expect.stringContaining('Amélie')]);
    await expect.poll(() => phones[0]!.getByTestId('queue-position').innerText(), T).toMatch(/3/);
    await shot(phones[0]!, 'panelist-queued-fr');
    await expectAccessible(mod.page, 'moderator desk');

    // The moderator gives the floor to the head of the queue.
    await mod.page.getByTestId('next-speaker').click();
    await expect.poll(() => proj.page.getByTestId('projector-speaker').innerText(), T).toContain('Clara');
    await expect.poll(() => proj.page.getByTestId('projector-countdown').innerText(), T).toMatch(/\d+:\d\d/);
    await expect.poll(() => phones[2]!.getByTestId('raise-hand').count(), T).toBe(0);
    await expect.poll(() => phones[0]!.getByTestId('current-speaker').innerText(), T).toContain('Clara');
    await expect.poll(() => phones[0]!.getByTestId('queue-position').innerText(), T).toMatch(/2/);
    await expect.poll(() => proj.page.getByTestId('projector-queue').innerText(), T).toContain('Bram');

    // The countdown runs on every screen from the server clock.
    const first = await proj.page.getByTestId('projector-countdown').innerText();
    await expect.poll(() => proj.page.getByTestId('projector-countdown').innerText(), { timeout: 8_000 }).not.toBe(first);

    await shot(mod.page, 'desk');
    await shot(proj.page, 'projector');
    await shot(phones[2]!, 'panelist-speaking-de');
    await shot(phones[1]!, 'panelist-queued-nl');
    await expectAccessible(proj.page, 'projector');
    await expectAccessible(phones[2]!, 'panelist with the floor');

    // Keyboard: N gives the floor to the next (Bram), who replies directly.
    await mod.page.locator('body').press('n');
    await expect.poll(() => proj.page.getByTestId('projector-speaker').innerText(), T).toContain('Bram');

    // The agenda: add an item and start it; the projector and the phones show it.
    await mod.page.getByTestId('agenda-add-title').fill('Opening round');
    await mod.page.getByTestId('agenda-add-minutes').fill('15');
    await mod.page.getByTestId('agenda-add-submit').click();
    await mod.page.getByTestId('agenda-start').first().click();
    await expect.poll(() => proj.page.getByTestId('projector-agenda-item').innerText(), T).toContain('Opening round');
    await expect.poll(() => phones[1]!.locator('body').innerText(), T).toContain('Opening round');
    await expect.poll(() => mod.page.getByTestId('session-timing').count(), T).toBeGreaterThan(0);

    // The help overlay lists the shortcuts and explains the queue rule.
    await mod.page.locator('body').press('?');
    const help = mod.page.getByTestId('help-dialog');
    await help.waitFor(T);
    expect(await help.innerText()).toMatch(/point/i);
    await shot(mod.page, 'desk-help');
    await mod.page.keyboard.press('Escape');
    await shot(mod.page, 'desk-full');
    await screenshot(mod.page, `${storeName}-desk-full`, { fullPage: true });
    await shot(proj.page, 'projector-agenda');
  });
});
