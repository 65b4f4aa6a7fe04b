/**
 * Co-written drafts in real headless Chromium: two panelists at one table type into their
 * draft at the same time and see each other's words and named cursors; the moderator
 * opens the table's draft on the desk and promotes a recommendation into the plenary
 * draft, with its provenance; saves a named version of the plenary draft, writes on and
 * compares the version with the draft as it is now, exports it as Markdown and prints it;
 * the projector shows the plenary draft and follows the moderator's cursor; a facilitator
 * link sends a passage to the plenary from a tablet.
 * Starts: the real server (socket.io + the Yjs endpoint) on a free port and headless
 * Chromium, once per store: in memory, and on the test run's redis-server.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, PROJECTOR, TABLET, newPage, screenshot } from './support/browser.ts';
import { E2E_STORES, expectAccessible, useHall } from './support/hall.ts';

const T = { timeout: 15_000 };
const POLL = { timeout: 15_000 };

describe.each(E2E_STORES)('drafts in Chromium on the %s store', (storeName, makeStore) => {
  const h = useHall(makeStore);

  it('two panelists co-write, the moderator promotes a recommendation, the projector shows it', async () => {
    const { browser, server, hall } = h;
    const mod = (await newPage(browser, { ...LAPTOP, locale: 'en-GB' })).page;
    await mod.goto(`${server.url}/`);
    await mod.getByTestId('create-title').fill('Citizens’ panel on housing');
    await mod.getByTestId('create-submit').click();
    await mod.waitForURL(/\/r\/[^/]+\/moderator/, T);
    const joinCode = (await mod.getByTestId('join-code').first().innerText(T)).replace(/\s/g, '');
    const displayPath = await mod.getByTestId('projector-link').getAttribute('href', T);

    const phones: Page[] = [];
    for (const [name, locale] of [['Amélie', 'fr-BE'], ['Bram', 'nl-BE']] as const) {
      const { page } = await newPage(browser, { ...PHONE, locale });
      await page.goto(`${hall}/j/${joinCode}`);
      await page.getByTestId('join-name').fill(name);
      await page.getByTestId('join-submit').click();
      await page.getByTestId('raise-hand').waitFor(T);
      phones.push(page);
    }
    const [amelie, bram] = phones as [Page, Page];

    // One table, both seated, a breakout running.
    await mod.getByTestId('desk-tab-tables').click();
    await mod.getByTestId('tables-create-count').fill('1');
    await mod.getByTestId('tables-create-submit').click();
    await expect.poll(() => mod.getByTestId('table-row').count(), POLL).toBe(1);
    await mod.getByTestId('assign-random').click();
    await expect.poll(() => mod.getByTestId('seating-report').count(), POLL).toBe(1);
    await mod.getByTestId('breakout-minutes').fill('10');
    await mod.getByTestId('breakout-start').click();

    // Both open the table's draft and type at the same moment.
    for (const phone of phones) {
      await phone.getByTestId('draft-open').click(T);
      await phone.getByTestId('draft-editor').waitFor(T);
      await expect.poll(() => phone.getByTestId('draft-status').getAttribute('data-status'), POLL).toBe('online');
      await phone.getByTestId('draft-editor').click();
    }
    await Promise.all([amelie.keyboard.type('Le logement coûte trop cher.'), bram.keyboard.type('Wachtlijsten zijn te lang.')]);
    for (const phone of phones) {
      await expect.poll(() => phone.getByTestId('draft-editor').innerText(), POLL).toContain('Le logement coûte trop cher.');
      await expect.poll(() => phone.getByTestId('draft-editor').innerText(), POLL).toContain('Wachtlijsten zijn te lang.');
    }
    // The same text in the same order on both phones (cursors aside).
    const plain = (page: Page) =>
      page.getByTestId('draft-editor').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
        return copy.innerText;
      });
    await expect.poll(async () => (await plain(amelie)) === (await plain(bram)), POLL).toBe(true);
    // Each sees the other's cursor, labelled with their name.
    await expect.poll(() => amelie.locator('.collaboration-carets__label').allInnerTexts(), POLL).toContain('Bram');
    await expect.poll(() => bram.locator('.collaboration-carets__label').allInnerTexts(), POLL).toContain('Amélie');

    // Amélie adds a recommendation with its rationale from the toolbar.
    await amelie.keyboard.press('End');
    await amelie.getByTestId('draft-add-recommendation').click();
    await amelie.keyboard.type('Construire plus de logements sociaux');
    await amelie.keyboard.press('Enter');
    await amelie.keyboard.type('Les listes d’attente durent dix ans.');
    await expect.poll(() => bram.locator('section[data-type="recommendation"]').count(), POLL).toBe(1);
    await expect.poll(async () => (await plain(amelie)) === (await plain(bram)), POLL).toBe(true);
    await expect.poll(() => bram.getByTestId('draft-editor').innerText(), POLL).toContain('Construire plus de logements sociaux');
    await amelie.evaluate(() => window.scrollTo(0, document.querySelector('[data-testid="draft-editor"]')!.getBoundingClientRect().top + window.scrollY - 80));
    await screenshot(amelie, 'drafts-phone-fr');
    await screenshot(bram, 'drafts-phone-nl');
    await expectAccessible(amelie, 'phone draft');

    // The desk: every table's draft live; open the table, promote the recommendation.
    await mod.getByTestId('desk-tab-drafts').click();
    await mod.getByTestId('drafts-area').waitFor(T);
    await expect.poll(() => mod.getByTestId('draft-card').first().innerText(), POLL).toContain('Construire plus de logements sociaux');
    await screenshot(mod, 'drafts-desk-grid');
    await expectAccessible(mod, 'desk drafts grid');
    await mod.getByTestId('draft-card-open').first().click();
    const tableEditor = mod.getByTestId('draft-table-pane').getByTestId('draft-editor');
    await expect.poll(() => tableEditor.innerText(), POLL).toContain('Les listes d’attente durent dix ans.');
    await tableEditor.getByText('Construire plus de logements sociaux').click();
    await mod.getByTestId('draft-promote').click();
    const plenary = mod.locator('.drafts-plenary');
    await expect.poll(() => plenary.getByTestId('draft-editor').innerText(), POLL).toContain('Construire plus de logements sociaux');
    const provenance = plenary.locator('section[data-type="promoted"]');
    await expect.poll(() => provenance.count(), POLL).toBe(1);
    expect(await provenance.first().getAttribute('data-table-name')).toMatch(/1/);
    // Labels are drawn in the reader's language, never stored in the text.
    const label = (page: Page, scope: string) =>
      page.evaluate((sel) => getComputedStyle(document.querySelector(sel)!, '::before').content, `${scope} section[data-type="recommendation"]`);
    expect(await label(mod, '.drafts-plenary')).toContain('Recommendation');
    expect(await label(amelie, '')).toContain('Recommandation');
    await screenshot(mod, 'drafts-desk-promoted');
    await expectAccessible(mod, 'desk drafts with a table open');

    // Named versions: save one, write on, and compare it with the draft as it is now.
    const tools = plenary.getByTestId('draft-tools');
    const versions = mod.getByTestId('draft-versions');
    await tools.getByTestId('draft-versions-open').click();
    await versions.getByTestId('draft-version-name').fill('after round 1');
    await versions.getByTestId('draft-version-save').click();
    await expect.poll(() => versions.getByTestId('draft-version-result').innerText(), POLL).toContain('after round 1');
    await mod.keyboard.press('Escape');
    await versions.waitFor({ state: 'detached', ...T });
    const plenaryEditor = plenary.getByTestId('draft-editor');
    // A click just after the last words puts the caret at the end, as a person would. (A click
    // mid-sentence and End, sent at machine speed, once left the caret where the click landed:
    // the word split "durent" and the diff rightly read "4 words added and 3 words removed".)
    const rationale = plenaryEditor.locator('p', { hasText: 'Les listes d’attente durent dix ans.' });
    const box = (await rationale.boundingBox())!;
    await rationale.click({ position: { x: box.width - 2, y: box.height / 2 } });
    await mod.keyboard.press('Enter');
    await mod.keyboard.type('Prioritaire.');
    await expect.poll(() => plenaryEditor.innerText(), POLL).toContain('Prioritaire.');
    expect(await plenaryEditor.innerText()).toContain('Les listes d’attente durent dix ans.');
    await tools.getByTestId('draft-versions-open').click();
    await versions.getByTestId('draft-version').filter({ hasText: 'after round 1' }).click();
    expect(await versions.getByTestId('draft-compare-with').inputValue()).toBe('now');
    await expect.poll(() => versions.getByTestId('draft-diff-summary').innerText(), POLL).toBe('1 word added');
    await expect.poll(() => versions.locator('ins').allInnerTexts(), POLL).toContainEqual(expect.stringContaining('Prioritaire.'));
    await screenshot(mod, 'drafts-desk-versions');
    await expectAccessible(mod, 'desk draft versions');
    await mod.keyboard.press('Escape');

    // Exports: Markdown as a download, a printable page in a new tab.
    const [download] = await Promise.all([mod.waitForEvent('download', T), tools.getByTestId('draft-export-markdown').click()]);
    expect(download.suggestedFilename()).toBe('Citizens’ panel on housing – Plenary draft.md');
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain('# Citizens’ panel on housing');
    expect(markdown).toContain('Construire plus de logements sociaux');
    const [printed] = await Promise.all([mod.waitForEvent('popup', T), tools.getByTestId('draft-print').click()]);
    await expect.poll(() => printed.locator('h1').innerText(), POLL).toBe('Citizens’ panel on housing');
    expect(await printed.locator('section.recommendation').innerText()).toContain('Construire plus de logements sociaux');
    await printed.close();

    // The projector shows the plenary draft, read-only, and follows the moderator's cursor.
    const proj = (await newPage(browser, { ...PROJECTOR, locale: 'en-GB' })).page;
    await proj.goto(new URL(displayPath!, hall).href);
    await mod.getByTestId('draft-projector-toggle').click();
    await proj.getByTestId('projector-draft').waitFor(T);
    await expect.poll(() => proj.getByTestId('draft-editor').innerText(), POLL).toContain('Construire plus de logements sociaux');
    expect(await proj.getByTestId('draft-editor').getAttribute('contenteditable')).toBe('false');
    await plenary.getByTestId('draft-editor').click();
    await mod.keyboard.press('Control+End');
    await mod.keyboard.type('Adopted by the plenary on day 2.');
    await expect.poll(() => proj.getByTestId('draft-editor').innerText(), POLL).toContain('Adopted by the plenary on day 2.');
    await expect.poll(() => proj.locator('.collaboration-carets__caret[data-role="moderator"]').count(), POLL).toBeGreaterThan(0);
    await screenshot(proj, 'drafts-projector');
    await expectAccessible(proj, 'projector draft');

    // A facilitator link on a tablet sends a passage from the table's draft to the plenary.
    await mod.getByTestId('desk-tab-tables').click();
    await mod.getByTestId('facilitator-link').click();
    const link = (await mod.getByTestId('facilitator-link-open').getAttribute('href', T))!;
    const tablet = (await newPage(browser, { ...TABLET, locale: 'de-BE' })).page;
    await tablet.goto(link);
    await tablet.getByTestId('draft-open').click(T);
    await expect.poll(() => tablet.getByTestId('draft-editor').innerText(), POLL).toContain('Wachtlijsten zijn te lang.');
    // A selected passage (here: one paragraph, by triple click) is what gets sent.
    await tablet.getByTestId('draft-editor').getByText('Wachtlijsten zijn te lang.').click({ clickCount: 3 });
    await tablet.getByTestId('draft-send-open').click();
    await tablet.getByTestId('draft-send-confirm').click(T);
    await tablet.getByTestId('draft-sent').waitFor(T);
    await screenshot(tablet, 'drafts-facilitator-sent-de');
    await expect.poll(() => proj.locator('section[data-type="promoted"]').count(), POLL).toBe(2);
    await expect.poll(() => proj.getByTestId('draft-editor').innerText(), POLL).toContain('Wachtlijsten zijn te lang.');
    // The store kind shows in the artifacts' names only through the suite; nothing to assert on it.
    void storeName;
  });
});
