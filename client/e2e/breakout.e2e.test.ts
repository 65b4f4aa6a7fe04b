/**
 * Breakout tables in real headless Chromium: a moderator on a laptop, four panelists on
 * phones (four locales) and the projector. The moderator creates two tables, seats everyone
 * at random, sends a message and runs a short breakout; each table sees only its own floor,
 * a facilitator gets their controls, a call for help reaches the desk, the warning shows,
 * and when the clock runs out every screen is back in the plenary by itself.
 * Starts: the real server on a free port and headless Chromium, once per store: in memory,
 * and on the test run's redis-server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, PROJECTOR, newPage, screenshot } from './support/browser.ts';
import { E2E_STORES, expectAccessible, useHall } from './support/hall.ts';

const T = { timeout: 15_000 };
/** The breakout is short so the test sees it end; 12 s with the warning 5 s before the end. */
const BREAKOUT_MINUTES = '0.2';
const WARNING_SECONDS = '5';
const MESSAGE = 'Coffee is ready in the hall — five more minutes after this round.';

const PEOPLE = [
  { name: 'Amélie', locale: 'fr-BE' },
  { name: 'Bram', locale: 'nl-BE' },
  { name: 'Clara', locale: 'de-BE' },
  { name: 'Dan', locale: 'en-GB' },
];

/** What the person sees on arrival: the top of the page, not where the last click scrolled to. */
async function phoneShot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name, { fullPage });
}

/** The number in "Table 2" / "Tafel 2" / "Tisch 2". */
async function tableNumber(page: Page): Promise<number> {
  const text = await page.getByTestId('table-number').innerText(T);
  return Number(text.match(/\d+/)![0]);
}

describe.each(E2E_STORES)('breakout tables in Chromium on the %s store', (storeName, makeStore) => {
  const h = useHall(makeStore);

  it('seats people, runs a breakout with a message, a warning and a call for help, then returns to the plenary', async () => {
    const { browser, server, hall } = h;
    // The moderator creates the room; the projector opens from the desk's link.
    const mod = (await newPage(browser, { ...LAPTOP, locale: 'en-GB' })).page;
    await mod.goto(`${server.url}/`);
    await mod.getByTestId('create-title').fill('Citizens’ panel on mobility — day 2');
    await mod.getByTestId('create-submit').click();
    await mod.waitForURL(/\/r\/[^/]+\/moderator/, T);
    const joinCode = (await mod.getByTestId('join-code').innerText(T)).replace(/\s/g, '');
    const displayPath = await mod.getByTestId('projector-link').getAttribute('href', T);
    const proj = (await newPage(browser, { ...PROJECTOR, locale: 'en-GB' })).page;
    await proj.goto(new URL(displayPath!, hall).href);
    await proj.getByTestId('projector-speaker').waitFor(T);

    // Four panelists join on phones through the hall address.
    const phones: Page[] = [];
    for (const person of PEOPLE) {
      const { page } = await newPage(browser, { ...PHONE, locale: person.locale });
      await page.goto(`${hall}/j/${joinCode}`);
      await page.getByTestId('join-name').fill(person.name);
      await page.getByTestId('join-submit').click();
      await page.getByTestId('raise-hand').waitFor(T);
      phones.push(page);
    }

    // Tables tab: two tables, everyone seated at random, the warning 5 s before the end.
    await mod.getByTestId('desk-tab-tables').click();
    await mod.getByTestId('tables-create-count').fill('2');
    await mod.getByTestId('tables-create-submit').click();
    await expect.poll(() => mod.getByTestId('table-row').count(), T).toBe(2);
    await mod.getByTestId('assign-random').click();
    await expect.poll(() => mod.getByTestId('seating-report').count(), T).toBe(1);
    const warning = mod.getByTestId('breakout-warning');
    await warning.fill(WARNING_SECONDS);
    await warning.press('Enter');
    await expect.poll(() => warning.locator('xpath=following-sibling::button').isDisabled(), T).toBe(true);

    // Before the breakout each phone already says where to go.
    for (const page of phones) await expect.poll(() => page.getByTestId('your-table').innerText(), T).toMatch(/[12]/);
    await phoneShot(phones[1]!, `breakout-${storeName}-panelist-before-nl`);

    // A message to every table, before the start, so it greets people at their table.
    await mod.getByTestId('broadcast-text').fill(MESSAGE);
    await mod.getByTestId('broadcast-send').click();
    for (const page of phones) await expect.poll(() => page.getByTestId('broadcast-banner').innerText(), T).toContain('Coffee is ready');

    // Start, and hold the clock while the checks run (the screens show the pause too).
    await mod.getByTestId('breakout-minutes').fill(BREAKOUT_MINUTES);
    await mod.getByTestId('breakout-start').click();
    await mod.getByTestId('breakout-pause').click(T);
    await expect.poll(() => mod.getByTestId('desk-breakout-status').innerText(), T).toMatch(/paused/i);

    // Each phone shows its own table number; pick two people at different tables.
    const numbers: number[] = [];
    for (const page of phones) numbers.push(await tableNumber(page));
    const a = 0;
    const b = numbers.findIndex((n) => n !== numbers[a]);
    const mateOfA = numbers.findIndex((n, i) => i !== a && n === numbers[a]);
    expect(b).toBeGreaterThan(0);
    expect(numbers[b]).not.toBe(numbers[a]);
    await expect.poll(() => phones[a]!.getByTestId('breakout-remaining').innerText(), T).toMatch(/^0:1\d$/);

    // A raise at table A is seen at table A and on the desk, not at table B.
    await phones[a]!.getByTestId('raise-hand').click();
    await phones[a]!.getByTestId('queue-position').waitFor(T);
    await expect.poll(() => phones[mateOfA]!.getByTestId('table-queue-count').innerText(), T).toMatch(/^1\b/);
    const cardOf = (n: number) => mod.getByTestId('table-card').filter({ hasText: `Table ${n}` });
    await expect.poll(() => cardOf(numbers[a]!).getByTestId('table-card-queue').innerText(), T).toMatch(/^1 waiting/);
    expect(await phones[b]!.getByTestId('table-queue-count').innerText()).toMatch(/^0\b/);
    expect(await phones[b]!.getByTestId('queue-position').count()).toBe(0);

    // Table A has no facilitator: the moderator gives the floor from its overview card.
    await cardOf(numbers[a]!).getByTestId('table-card-next').click();
    await expect.poll(() => phones[mateOfA]!.getByTestId('current-speaker').innerText(), T).toContain(PEOPLE[a]!.name);
    expect(await phones[b]!.getByTestId('current-speaker').innerText()).not.toContain(PEOPLE[a]!.name);

    // The moderator makes B the facilitator of their table; B's phone gets the controls.
    await mod.getByLabel(`Facilitator of Table ${numbers[b]}`).selectOption({ label: `Facilitator: ${PEOPLE[b]!.name}` });
    await phones[b]!.getByTestId('facilitator-controls').waitFor(T);

    // The facilitator starts a go-round: both members of the table, one minute each.
    await phones[b]!.getByTestId('round-minutes').fill('1');
    await phones[b]!.getByTestId('round-start').click();
    await expect.poll(() => phones[b]!.getByTestId('round-info').innerText(), T).toMatch(/1\D+2/);
    await expect.poll(() => cardOf(numbers[b]!).innerText(), T).toContain('Go-round: turn 1 of 2');

    // B calls for help; the desk highlights that table until someone answers.
    await phones[b]!.getByTestId('help-request').click();
    await phones[b]!.getByTestId('help-pending').waitFor(T);
    await expect.poll(() => cardOf(numbers[b]!).getAttribute('data-help'), T).toBe('true');
    await expect.poll(() => mod.getByTestId('desk-help-calls').count(), T).toBe(1);

    // Moved mid-breakout, a phone follows: the new number, and the new table's go-round,
    // which it could not see before (the server re-homes it with a fresh snapshot).
    await mod.getByLabel(`Table of ${PEOPLE[mateOfA]!.name}`).selectOption({ label: `Table ${numbers[b]}` });
    await expect.poll(() => tableNumber(phones[mateOfA]!), T).toBe(numbers[b]);
    await phones[mateOfA]!.getByTestId('round-info').waitFor(T);

    // The projector: the plan with every name, the message and the time left.
    const plan = proj.getByTestId('projector-table-plan');
    for (const person of PEOPLE) await expect.poll(() => plan.innerText(), T).toContain(person.name);
    expect(await proj.getByTestId('projector-broadcast').innerText()).toContain('Coffee is ready');

    await expectAccessible(phones[a]!, 'panelist at a table');
    await expectAccessible(phones[b]!, 'facilitator at a table');
    await expectAccessible(mod, 'desk, tables tab');
    await expectAccessible(proj, 'projector during a breakout');

    // Resume: the clock runs on every screen.
    await mod.getByTestId('breakout-resume').click();
    const shown = await proj.getByTestId('projector-breakout-remaining').innerText(T);
    await expect.poll(() => proj.getByTestId('projector-breakout-remaining').innerText(), T).not.toBe(shown);
    await phoneShot(phones[a]!, `breakout-${storeName}-panelist-at-table-fr`);
    await phoneShot(phones[a]!, `breakout-${storeName}-panelist-at-table-fr-full`, true);
    await phoneShot(phones[b]!, `breakout-${storeName}-facilitator-help-full`, true);
    await screenshot(mod, `breakout-${storeName}-desk-overview`);
    await screenshot(proj, `breakout-${storeName}-projector-plan`);

    // The moderator answers; B's phone offers the button again.
    await cardOf(numbers[b]!).getByTestId('help-answer').click();
    await phones[b]!.getByTestId('help-request').waitFor(T);
    await expect.poll(() => mod.getByTestId('desk-help-calls').count(), T).toBe(0);

    // The warning reaches both tables, then the clock runs out and everyone is back.
    for (const i of [a, b]) await phones[i]!.getByTestId('warning-banner').waitFor(T);
    // Scrolled down to the hand button, the warning still shows: it is pinned to the top.
    await phones[a]!.getByTestId('raise-hand').scrollIntoViewIfNeeded();
    await screenshot(phones[a]!, `breakout-${storeName}-panelist-warning-fr`);
    await screenshot(proj, `breakout-${storeName}-projector-warning`);
    for (const i of [a, b]) {
      await expect.poll(() => phones[i]!.getByTestId('table-number').count(), T).toBe(0);
      await phones[i]!.getByTestId('raise-hand').waitFor(T);
    }
    await proj.getByTestId('projector-speaker').waitFor(T);
    expect(await proj.getByTestId('projector-table-plan').count()).toBe(0);
    await expect.poll(() => mod.getByTestId('breakout-start').count(), T).toBe(1);
    // Still seated for the next round, and the message stays until it is cleared.
    await expect.poll(() => phones[a]!.getByTestId('your-table').innerText(), T).toContain(String(numbers[a]));
    await phoneShot(phones[a]!, `breakout-${storeName}-panelist-after-fr`);
    await screenshot(proj, `breakout-${storeName}-projector-after`);
    await screenshot(mod, `breakout-${storeName}-desk-after`, { fullPage: true });
  });

  it('sets tables up from a roster and by hand: languages, attributes, a conflict explained, balanced seating and a manual move', async () => {
    const { browser, server } = h;
    const post = async (path: string, body: unknown) => (await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    const room = (await post('/api/rooms', { title: 'Roster day' })) as { roomId: string; joinCode: string; moderatorKey: string };
    const names = ['Anna Peeters', 'Benoît Dubois', 'Chloé Martin', 'Dirk Janssens', 'Eva Maes', 'Frank Wouters'];
    for (const name of names) await post('/api/join', { joinCode: room.joinCode, name });
    const mod = (await newPage(browser, { ...LAPTOP, locale: 'en-GB' })).page;
    await mod.goto(`${server.url}/r/${room.roomId}/moderator#key=${room.moderatorKey}`);
    await mod.getByTestId('desk-tab-tables').click();

    // Two Dutch-speaking tables.
    await mod.getByTestId('tables-create-count').fill('2');
    await mod.getByTestId('tables-create-languages').selectOption('nl');
    await mod.getByTestId('tables-create-submit').click();
    await expect.poll(() => mod.getByTestId('table-row').count(), T).toBe(2);

    // The roster (semicolons, as Belgian Excel writes it): names in any case, one unknown person.
    const csv = ['Name;Languages;age;gender', 'anna peeters;nl;18-34;f', 'BENOIT DUBOIS;fr;35-54;m', 'Chloé Martin;Français;55+;f', 'Dirk Janssens;NL;55+;m', 'Eva Maes;nl/fr;35-54;f', 'Frank Wouters;fr;18-34;m', 'Zoë Nobody;de;18-34;f'].join('\r\n');
    await mod.getByTestId('roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect.poll(() => mod.getByTestId('roster-result').innerText(), T).toContain('6 people matched');
    expect(await mod.getByTestId('roster-problems').innerText()).toContain('Zoë Nobody');
    await mod.getByTestId('roster-apply').click();
    await expect.poll(() => mod.getByTestId('roster-result').count(), T).toBe(0);

    // One person's attributes by hand: the room's names come filled in, and a new one is added.
    const eva = mod.getByTestId('person-row').filter({ hasText: 'Eva Maes' });
    const field = (name: string) => eva.locator(`[data-testid="person-attribute-input"][data-attribute="${name}"]`);
    await eva.getByTestId('person-attributes-edit').click();
    expect(await field('age').inputValue(T)).toBe('35-54');
    await eva.getByTestId('person-attribute-new').fill('district');
    await eva.getByTestId('person-attribute-new').press('Enter');
    await field('district').fill('Leuven');
    await eva.scrollIntoViewIfNeeded();
    await expectAccessible(mod, 'desk, attributes of one person');
    await screenshot(mod, `breakout-${storeName}-desk-attributes-edit`);
    await eva.getByTestId('person-attributes-save').click();
    await expect.poll(() => eva.getByTestId('person-attributes-form').count(), T).toBe(0);
    await expect.poll(() => eva.innerText(), T).toContain('district: Leuven');

    // Three people speak only French: two Dutch tables cannot seat them, and the desk says why.
    await mod.getByTestId('assign-random').click();
    const error = mod.getByTestId('seating-error');
    await expect.poll(() => error.innerText(), T).toContain('3 people speak only French, and no table speaks it');
    await screenshot(mod, `breakout-${storeName}-desk-language-error`);

    // Table 2 becomes French; balanced seating then works and reports on age and gender.
    await mod.getByLabel('Language of Table 2').selectOption('fr');
    await mod.getByTestId('assign-balanced').click();
    await expect.poll(() => error.count(), T).toBe(0);
    const report = mod.getByTestId('seating-report');
    // The hand-set attribute is balanced on too (every name is chosen by default).
    await expect.poll(() => report.innerText(), T).toMatch(/age[\s\S]*district[\s\S]*gender/);
    expect(await report.innerText()).toContain('Leuven 1');
    expect(await report.innerText()).not.toMatch(/does not speak/);

    // A manual move of a Dutch-only speaker to the French table is allowed, and flagged.
    await mod.getByLabel('Table of Dirk Janssens').selectOption({ label: 'Table 2' });
    await expect.poll(() => report.innerText(), T).toMatch(/1 does not speak it/);
    await mod.getByTestId('table-misfits').first().waitFor(T);
    await expectAccessible(mod, 'desk, table set-up');
    await screenshot(mod, `breakout-${storeName}-desk-setup`, { fullPage: true });
  });
});
