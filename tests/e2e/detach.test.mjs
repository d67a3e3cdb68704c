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

test('a trap in the WebAssembly: the card says so and starts again, and the other cards go on', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // The page's instance gets exports of which one can be made to trap once,
  // as a bug in the core would (WebAssembly.RuntimeError, "unreachable").
  await page.addInitScript(() => {
    window.instances = 0;
    const wrap = (result) => {
      window.instances++;
      const exports = {};
      for (const [name, value] of Object.entries(result.instance.exports)) {
        exports[name] = typeof value === 'function'
          ? (...args) => {
              if (window.trapNext === name) {
                window.trapNext = null;
                throw new WebAssembly.RuntimeError('unreachable (forced by the test)');
              }
              return value(...args);
            }
          : value;
      }
      return { module: result.module, instance: { exports } };
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => wrap(await streaming(...args));
  });
  await page.goto(baseUrl);
  const card = mainCard(page);
  await ready(card);
  const sidebar = page.locator('aside relations-card');
  await sidebar.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  await page.evaluate(() => (window.trapNext = 'card_send'));
  await card.locator('.partner').first().click();
  await card.getByText('This card met an internal error and started again').waitFor();
  assert.ok(errors.some((e) => e.includes('internal error in the WebAssembly')), errors.join('\n'));
  assert.equal(await page.evaluate(() => window.instances), 2, 'a fresh instance after the trap');
  // The fresh instance's glue is the shipped one, imported afresh.
  assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('pkg/relations_card.js?instance=1'))));
  // The other card goes on, made again with its dataset read again.
  await sidebar.getByRole('button', { name: /All partners/ }).click();
  await sidebar.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  await sidebar.getByRole('button', { name: /All partners/ }).click();
  await sidebar.locator('.partner').first().waitFor();
  // And this one starts again when asked.
  await card.getByRole('button', { name: 'Try again' }).click();
  await card.locator('.partner').first().click();
  await card.locator('.partner-title').waitFor();
  await page.close();
});
