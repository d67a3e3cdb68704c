// How reader actions reach the core: one call into the WebAssembly per
// action, and a thousand seeded random actions that must leave it working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataset, baseUrl, browser, openPage, mainCard, ready, countCrossings } from './helpers.mjs';

test('one reader action, one crossing into the WebAssembly', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await countCrossings(page);
  await page.goto(baseUrl);
  const card = mainCard(page);
  await ready(card);
  await page.waitForTimeout(300); // the idle word index
  const during = async (what, act) => {
    await page.evaluate(() => { window.crossings = {}; });
    await act();
    await page.waitForTimeout(150);
    const calls = await page.evaluate(() => window.crossings);
    assert.deepEqual(calls, { card_send: 1 }, `${what}: ${JSON.stringify(calls)}`);
  };
  await during('open a partner', () => card.getByRole('button', { name: /^Iran/ }).click());
  await during('change the order', () => card.getByRole('button', { name: /Change order/ }).click());
  await during('show more', () => card.getByRole('button', { name: /^Show more/ }).click());
  await card.locator('.partner-title').focus();
  await during('Escape goes back', () => page.keyboard.press('Escape'));
  await during('a tab', () => card.getByRole('tab', { name: 'Timeline' }).click());
  await during('a key typed in the search box', () => card.getByRole('searchbox').press('w'));
  await during('a theme chip', () => card.locator('.chips button.chip:not([disabled])').first().click());
  await during('a partner filter', () => card.getByRole('combobox', { name: 'Partner' }).selectOption('AF'));
  await during('clear filters', () => card.getByRole('button', { name: 'Clear filters' }).click());
  await during('a year in the histogram', () => card.locator('svg.histogram-chart rect.column').nth(10).click());
  await during('years dragged across the histogram', async () => {
    const box = await card.locator('svg.histogram-chart').boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
  });
  await during('a year typed', async () => {
    await card.getByRole('spinbutton', { name: 'From year' }).fill('2001');
    await card.getByRole('spinbutton', { name: 'From year' }).press('Enter');
  });
  await during('a download', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()]);
    await download.cancel();
  });
  // An attribute change from the page is one crossing too.
  await page.evaluate(() => { window.crossings = {}; });
  await page.evaluate(() => { const c = document.querySelector('relations-card'); c.setAttribute('theme', 'trade'); c.setAttribute('from', '1999'); });
  await page.waitForTimeout(150);
  assert.deepEqual(await page.evaluate(() => window.crossings), { card_setAttributes: 1 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a thousand random actions and attribute changes: no error, and the card still answers', async () => {
  const { page, problems } = await openPage('/', { width: 1000, height: 800 });
  const card = mainCard(page);
  await ready(card);
  // A seeded generator: the same walk on every run, so CI is repeatable;
  // MONKEY_SEED=N walks another (the seed is in a failure's message), and
  // MONKEY_LOG=1 prints every action.
  const seed = Number(process.env.MONKEY_SEED ?? 20261126);
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = ['border', 'Душанбе', 'gaz', '', '<img src=x onerror=alert(1)>', '\u202e2001', 'x'.repeat(300), '2001'];
  const attributeValues = {
    view: ['overview', 'partner', 'timeline', 'figures', 'sources', 'map', ''],
    partner: ['IR', 'KZ', 'RU', 'XX', ''],
    theme: ['trade', 'security water', 'gossip', ''],
    from: ['1990', '-5', 'soon', '99999', ''],
    to: ['2010', '1', '', 'later'],
    q: words,
  };
  const log = [];
  for (let step = 0; step < 1000; step++) {
    const kind = pick(['click', 'click', 'click', 'key', 'type', 'attribute', 'years']);
    let action;
    if (kind === 'click') {
      action = await card.evaluate((host, r) => {
        const targets = [...host.shadowRoot.querySelectorAll('button, [role=tab], .country')].filter((t) => !t.disabled);
        const target = targets[Math.floor(r * targets.length)];
        if (!target) return 'click: nothing to click';
        if (target.dataset.copy !== undefined || /Copy|Download/.test(target.textContent)) return 'click: skipped a download';
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        return `click ${target.className.baseVal ?? target.className} "${target.textContent.slice(0, 30)}"`;
      }, random());
    } else if (kind === 'key') {
      const key = pick(['Tab', 'Shift+Tab', 'Enter', 'Escape', 'ArrowRight', 'ArrowLeft', 'Home', 'End', ' ']);
      await page.keyboard.press(key);
      action = `key ${key}`;
    } else if (kind === 'type') {
      const text = pick(words);
      await card.getByRole('searchbox').fill(text);
      action = `type ${JSON.stringify(text.slice(0, 20))}`;
    } else if (kind === 'attribute') {
      const name = pick(Object.keys(attributeValues));
      const value = pick(attributeValues[name]);
      await card.evaluate((host, [n, v]) => (v ? host.setAttribute(n, v) : host.removeAttribute(n)), [name, value]);
      action = `attribute ${name}=${JSON.stringify(value)}`;
    } else {
      const boxes = card.locator('input[type=number]');
      if ((await boxes.count()) === 0) continue;
      const value = pick(['1990', '2030', '-9999', '99999', '', '1e3']);
      await boxes.nth(Math.floor(random() * (await boxes.count()))).fill(value);
      await page.keyboard.press('Enter');
      action = `years ${value}`;
    }
    log.push(action);
    assert.deepEqual(problems, [], `seed ${seed}, after: ${log.slice(-5).join(' | ')}`);
  }
  if (process.env.MONKEY_LOG) console.log(log.join('\n'));
  // Still a working card: the title shows and a reset brings back the first view.
  await card.evaluate((host) => ['view', 'partner', 'theme', 'from', 'to', 'q'].forEach((n) => host.removeAttribute(n)));
  await card.locator('.title').waitFor();
  await card.getByRole('tab', { name: 'Partners' }).click();
  await ready(card);
  assert.deepEqual(problems, [], `seed ${seed}`);
  await page.close();
});
