// The card in the reader's language: Russian, Tajik and Persian (right to
// left) from the catalogue, and no word of another language outside the
// dataset's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { root, dataset, axePath, shots, openPage, mainCard, ready, datasetStrings } from './helpers.mjs';

test('interface text follows the language of the card or page (Russian and Tajik from the catalogue)', async () => {
  const kz = dataset.events.filter((e) => e.partners.includes('KZ')).length;
  // Tajik has one form after a number (CLDR: "other" only), Russian three.
  for (const [lang, tabs, events, name] of [
    ['ru', ['Партнёры', 'Хронология', 'Цифры', 'Источники'], `${kz} событий`, 'Казахстан'],
    ['tg', ['Шарикон', 'Солшумор', 'Рақамҳо', 'Манбаъҳо'], `${kz} рӯйдод`, 'Қазоқистон'],
  ]) {
    const { page, problems } = await openPage('/');
    await page.addScriptTag({ path: axePath });
    await ready(mainCard(page));
    await page.evaluate((l) => {
      const card = document.createElement('relations-card');
      card.id = l;
      card.setAttribute('lang', l);
      card.setAttribute('partner', 'KZ');
      document.querySelector('main').prepend(card);
    }, lang);
    const card = page.locator(`#${lang}`);
    // The partner's name too: the dataset's texts in the card's language.
    await card.getByRole('heading', { level: 3, name }).waitFor();
    assert.deepEqual(await card.getByRole('tab').allTextContents(), tabs);
    assert.equal(await card.locator('.events-section .section-title').textContent(), events);
    assert.equal(await card.locator('article').getAttribute('lang'), lang);
    const result = await page.evaluate((l) => window.axe.run(`#${l}`), lang);
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`), []);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a right-to-left language: Persian labels, the card laid out right to left, still accessible', async () => {
  for (const width of [360, 1280]) {
    const { page, problems } = await openPage('/', { width });
    await page.addScriptTag({ path: axePath });
    await ready(mainCard(page));
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.lang = 'fa';
      box.dir = 'rtl';
      box.id = 'fa-box';
      const card = document.createElement('relations-card');
      card.id = 'fa';
      card.setAttribute('view', 'timeline');
      box.append(card);
      document.querySelector('main').prepend(box);
    });
    const card = page.locator('#fa');
    await card.locator('svg.histogram-chart').waitFor();
    assert.deepEqual(await card.getByRole('tab').allTextContents(), ['شرکا', 'گاه‌شمار', 'ارقام', 'منابع']);
    const layout = await card.evaluate((host) => {
      const root = host.shadowRoot;
      const tabs = [...root.querySelectorAll('[role=tab]')].map((t) => t.getBoundingClientRect().x);
      return { dir: getComputedStyle(root.querySelector('article')).direction, firstTabRightOfSecond: tabs[0] > tabs[1] };
    });
    assert.deepEqual(layout, { dir: 'rtl', firstTabRightOfSecond: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow}px too wide at ${width}px`);
    const result = await page.evaluate(() => window.axe.run('#fa'));
    assert.deepEqual(result.violations.map((v) => v.id), []);
    await card.screenshot({ path: `${shots}/rtl-fa-${width}.png` });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a Russian, a Tajik, a Persian and an English card show only their own language outside the dataset\'s own text, in every view', async () => {
  const strings = datasetStrings();
  // What betrays another language: Latin letters in a Russian, Tajik or
  // Persian card, a Cyrillic word with a letter Tajik does not have (ц щ ы ь:
  // a Russian word) in a Tajik one, Cyrillic or Arabic letters in an English one.
  const foreign = {
    ru: /[A-Za-z]{2,}/g,
    tg: /[A-Za-z]{2,}|[\u0400-\u04FF]*[цщыьЦЩЫЬ][\u0400-\u04FF]*/g,
    fa: /[A-Za-z]{2,}/g,
    en: /[\u0400-\u04FF\u0600-\u06FF]+/g,
  };
  for (const [lang, width] of [['ru', 1280], ['tg', 360], ['fa', 1280], ['en', 360], ['ru', 360], ['tg', 1280], ['fa', 360]]) {
    const { page, problems } = await openPage('/', { width });
    await ready(mainCard(page));
    await page.evaluate((l) => {
      const card = document.createElement('relations-card');
      card.id = l;
      card.setAttribute('lang', l);
      document.querySelector('main').prepend(card);
    }, lang);
    const card = page.locator(`#${lang}`);
    await ready(card);
    const texts = async () => card.evaluate((host) => {
      const root = host.shadowRoot;
      const out = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent.trim()) out.push(node.textContent);
      for (const node of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
        for (const name of ['aria-label', 'placeholder', 'title']) if (node.getAttribute(name)) out.push(node.getAttribute(name));
      }
      return out;
    });
    const english = [];
    const look = async (view) => {
      // For the README and for looking: each language's views at a phone's and a desktop's width.
      if (lang !== 'en') await card.screenshot({ path: `${shots}/lang-${lang}-${view}-${width}.png` });
      for (let text of await texts()) {
        for (const s of strings) if (text.includes(s)) text = text.split(s).join(' ');
        // CSV and JSON are the names of formats in every language.
        const words = (text.match(foreign[lang]) ?? []).filter((w) => !['CSV', 'JSON', 'HTTP'].includes(w));
        if (words.length) english.push(`${view}: ${words.join(' ')} (in “${text.trim().slice(0, 80)}”)`);
      }
    };
    const tabs = await card.getByRole('tab').all();
    await look('overview');
    await card.locator('.partner').first().click();
    await card.locator('.partner-title').waitFor();
    await look('partner');
    for (const [i, view] of [[1, 'timeline'], [2, 'figures'], [3, 'sources']]) {
      await tabs[i].click();
      await card.getByRole('tab', { selected: true }).filter({ hasText: await tabs[i].textContent() }).waitFor();
      await look(view);
    }
    assert.deepEqual(english, [], `${lang}: words of another language outside the dataset's text`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});
