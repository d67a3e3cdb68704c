// The card as a frame: every view within its height at phone and desktop
// widths, only the panel scrolling (and handing the scroll back to the page at
// its end), rows that open by mouse and keyboard, citation marks that lead to
// their source, and a host page that keeps still while the card loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataset, openPage, mainCard, visitEveryView, ready } from './helpers.mjs';

const heights = (card) =>
  card.evaluate((host) => {
    const panel = host.shadowRoot.querySelector('.panel');
    return { card: host.getBoundingClientRect().height, scroll: panel.scrollHeight, client: panel.clientHeight };
  });

test('every view keeps to the frame at 360 and 800 px wide', async () => {
  for (const width of [360, 800]) {
    const { page, problems } = await openPage('/', { width });
    const card = mainCard(page);
    await ready(card);
    const tallest = {};
    await visitEveryView(card, 'Afghanistan', async (view) => {
      const h = await heights(card);
      assert.equal(h.card, 640, `${view} at ${width}px is ${h.card}px tall`);
      assert.ok(h.client >= 300, `${view} at ${width}px leaves the panel ${h.client}px`);
      tallest[view] = h.scroll;
    });
    // For the closing note: how much each view holds behind its frame.
    console.log(`panel scroll heights at ${width}px: ${JSON.stringify(tallest)}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the height attribute sets the frame; auto lets the card flow; a wrong one is said', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await card.evaluate((host) => host.setAttribute('height', '480'));
  await page.waitForFunction(() => document.querySelector('relations-card').getBoundingClientRect().height === 480);
  await card.evaluate((host) => host.setAttribute('height', 'auto'));
  await card.getByRole('button', { name: 'List of partners' }).click();
  await page.waitForFunction(() => document.querySelector('relations-card').getBoundingClientRect().height > 1000);
  const flowing = await heights(card);
  assert.equal(flowing.scroll, flowing.client, 'nothing scrolls inside a card that flows');

  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await card.evaluate((host) => host.setAttribute('height', 'tall'));
  await card.getByRole('alert').filter({ hasText: 'The height attribute “tall” is not a height' }).waitFor();
  await page.waitForFunction(() => document.querySelector('relations-card').getBoundingClientRect().height === 640);
  assert.ok(warnings.some((w) => w.includes('“tall” is not a height')), warnings.join('\n'));
  // A page's custom property sets the frame too, when the attribute does not.
  await card.evaluate((host) => {
    host.removeAttribute('height');
    host.style.setProperty('--rc-height', '520px');
  });
  await page.waitForFunction(() => document.querySelector('relations-card').getBoundingClientRect().height === 520);
  assert.deepEqual(problems, []);
  await page.close();
});

test('rows open by mouse and keyboard, keep the frame where it was, and their marks lead to the sources', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Timeline' }).click();
  const rows = card.locator('.events .event');
  await rows.first().waitFor();
  // One line per event: no summary until opened.
  assert.equal(await card.locator('.event-summary:visible').count(), 0);

  // Deep in the list, opening a row leaves the panel where the reader was.
  const row = rows.nth(12);
  await row.locator('.event-toggle').scrollIntoViewIfNeeded();
  const before = await card.evaluate((host) => host.shadowRoot.querySelector('.panel').scrollTop);
  assert.ok(before > 0);
  await row.locator('.event-toggle').click();
  await row.locator('.event-summary').waitFor();
  const after = await card.evaluate((host) => host.shadowRoot.querySelector('.panel').scrollTop);
  assert.ok(Math.abs(after - before) < 40, `scrolled from ${before} to ${after}`);
  assert.equal(await row.locator('.event-toggle').getAttribute('aria-expanded'), 'true');

  // By keyboard: focus stays on the row's button, Enter closes it.
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.className), 'event-toggle');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const root = document.querySelector('relations-card').shadowRoot;
    return root.activeElement?.getAttribute('aria-expanded') === 'false';
  });
  await page.keyboard.press('Space');
  await row.locator('.event-summary').waitFor();

  // Its mark moves to the source, written out once in the view with its publisher.
  const mark = row.locator('.source .mark').first();
  const name = await mark.getAttribute('aria-label');
  assert.match(name, /^Source \d+: /);
  await mark.press('Enter');
  await page.waitForFunction(() => document.querySelector('relations-card').shadowRoot.activeElement?.classList.contains('cited-source'));
  const target = await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement.textContent);
  const source = dataset.sources.find((s) => name.endsWith(s.title));
  assert.ok(target.includes(`${source.title}, ${source.publisher}`), target);
  assert.deepEqual(problems, []);
  await page.close();
});

test('at the end of the panel, the wheel scrolls the page on', async () => {
  const { page, problems } = await openPage('/', { width: 800, height: 700 });
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.locator('.events .event').first().waitFor();
  await card.evaluate((host) => host.scrollIntoView({ block: 'start' }));
  await card.evaluate((host) => {
    const panel = host.shadowRoot.querySelector('.panel');
    panel.scrollTop = panel.scrollHeight;
  });
  const box = await card.locator('.panel').boundingBox();
  const pageBefore = await page.evaluate(() => window.scrollY);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 200);
  await page.waitForFunction((y) => window.scrollY > y, pageBefore);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the host page keeps still while its cards load (layout shift under 0.05)', async () => {
  const { page, problems } = await openPage('/', { width: 800, height: 900 });
  await page.evaluate(() => {
    window.shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await ready(mainCard(page));
  await page.waitForTimeout(500);
  const shift = await page.evaluate(() => window.shift);
  console.log(`cumulative layout shift on the demo page: ${shift.toFixed(4)}`);
  assert.ok(shift < 0.05, `layout shift ${shift}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a phone the timeline shows its picture and rows first, its filters one tap away', async () => {
  const { page, problems } = await openPage('/', { width: 360 });
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Timeline' }).click();
  const toggle = card.getByRole('button', { name: 'Filters' });
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await card.getByRole('button', { name: /^Trade/ }).isVisible(), false);
  assert.ok(await card.locator('.events .event').first().isVisible(), 'a first row without scrolling');
  await toggle.click();
  await card.getByRole('button', { name: /^Trade/ }).waitFor();
  assert.equal(await card.getByRole('button', { name: 'Filters' }).getAttribute('aria-expanded'), 'true');
  // On a wide card the filters always show, and their button does not.
  await page.setViewportSize({ width: 1000, height: 900 });
  await card.getByRole('button', { name: 'Filters' }).waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await page.close();
});
