// A card taken out of the page and put back, in several orders: before its
// WebAssembly came, after it showed, with attributes changed while it was
// out. It renders, fires its events, and takes the changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, baseUrl, openPage, mainCard, ready } from './helpers.mjs';

test('a card removed before its data came and put back shows, and says it is ready', async () => {
  const page = await browser.newPage();
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.readies = [];
    addEventListener('relations-card-ready', (e) => window.readies.push(e.target.id));
  });
  await page.goto(baseUrl);
  const held = await page.evaluate(() => {
    const card = document.querySelector('aside relations-card');
    card.id = 'moved';
    window.held = card;
    card.remove();
    return card.isConnected;
  });
  assert.equal(held, false);
  release();
  await ready(mainCard(page));
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.held.setAttribute('partner', 'IR');
    document.querySelector('main').append(window.held);
  });
  const moved = page.locator('#moved');
  await moved.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  // The page hears it, though the card was out of the page when its data came.
  await page.waitForFunction(() => window.readies.includes('moved'), null, { timeout: 5000 });
  await page.close();
});

test('attributes changed while a card is out of the page take effect when it is back, and it still answers', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  const changes = [];
  await page.exposeFunction('changed', (detail) => changes.push(detail.partner));
  await page.evaluate(() => document.addEventListener('relations-card-change', (e) => window.changed(e.detail)));
  // Out, changed, back in; then moved within the page (out and in at once).
  await page.evaluate(() => {
    const card = document.querySelector('#card');
    const parent = card.parentNode;
    card.remove();
    card.setAttribute('partner', 'KZ');
    parent.append(card);
  });
  await card.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  await page.evaluate(() => {
    const card = document.querySelector('#card');
    document.querySelector('aside').append(card);
  });
  await card.getByRole('button', { name: /All partners/ }).click();
  await card.getByRole('button', { name: /^Iran/ }).click();
  await card.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  assert.ok(changes.includes('IR'), `the change event fires after the moves: ${changes}`);
  assert.deepEqual(problems, []);
  await page.close();
});
