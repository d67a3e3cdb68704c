// The first view made ahead of time (pkg/first-views.js, written by the
// core at build time): a bare card shows it before its WebAssembly is here,
// in the reader's language; it is exactly the view the core then draws; and
// what a reader does on it is done once the core is here, not lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, browser, mainCard, ready } from './helpers.mjs';

/** The demo page in a language, with its WebAssembly held back until
 * `release()` (as on a slow phone network). */
async function heldBack(lang = 'en') {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console.error: ${message.text()}`));
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.route(baseUrl, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<html lang="en">', `<html lang="${lang}">`);
    await route.fulfill({ response, body });
  });
  await page.addInitScript(() => addEventListener('relations-card-ready', () => (window.cardReady = true)));
  await page.goto(baseUrl);
  return { page, problems, release };
}

const article = (card) => card.evaluate((host) => host.shadowRoot.querySelector('article').innerHTML);

test('without its WebAssembly, a bare card shows the first view the core then draws, in the reader\'s language', async () => {
  for (const [lang, title] of [['en', 'Partners'], ['ru', 'Партнёры'], ['tg', 'Шарикон'], ['fa', 'شرکا']]) {
    const { page, problems, release } = await heldBack(lang);
    const card = mainCard(page);
    await card.locator('.map path').first().waitFor();
    await card.getByRole('tab', { name: title }).waitFor();
    assert.equal(await page.evaluate(() => window.cardReady), undefined, 'the core is not there yet');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('relations-card-first-view').length), 1);
    // A card with an attribute waits for the core: the sidebar's (partner="KZ").
    assert.equal(await page.locator('aside relations-card').evaluate((host) => host.shadowRoot.querySelector('.panel')), null);
    const early = await article(card);
    release();
    await ready(card);
    assert.equal(await article(card), early, `${lang}: the early view is the core's own`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('what a reader does on the early view is done once the core is here', async () => {
  const { page, problems, release } = await heldBack();
  const card = mainCard(page);
  await card.locator('.map path').first().waitFor();
  await card.getByRole('button', { name: 'List of partners' }).click();
  const search = card.getByRole('searchbox');
  await search.fill('border');
  assert.equal(await page.evaluate(() => window.cardReady), undefined, 'the core is not there yet');
  release();
  await ready(card);
  await card.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
  await card.locator('.event-title', { hasText: /border/i }).first().waitFor();
  assert.equal(await card.getAttribute('q'), 'border');
  assert.equal(await search.inputValue(), 'border');
  // The reader's caret stays at the end of what they typed.
  assert.equal(await search.evaluate((box) => box.selectionStart), 6);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an early view whose WebAssembly cannot be had says so, in the reader\'s language, and stays', async () => {
  for (const [lang, said] of [['en', 'This card’s program could not be loaded'], ['tg', 'Барномаи корт бор карда нашуд']]) {
    const page = await browser.newPage();
    await page.route('**/*.wasm', (route) => route.abort('connectionrefused'));
    await page.route(baseUrl, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('<html lang="en">', `<html lang="${lang}">`) });
    });
    await page.goto(baseUrl);
    const card = mainCard(page);
    await card.getByRole('alert').filter({ hasText: said }).waitFor();
    assert.ok(await card.locator('.map path').first().isVisible(), 'the early view stays');
    await page.close();
  }
});
