// A dataset that gives its texts in several languages (schema version 2):
// a Russian card shows the Russian text where the dataset has it, and the
// rest in the dataset's own language, marked and with its `lang` set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axePath, openPage, mainCard, ready } from './helpers.mjs';

test('a Russian card on a translated dataset reads Russian, and marks what is not translated', async () => {
  const { page, problems } = await openPage('/');
  await page.addScriptTag({ path: axePath });
  await ready(mainCard(page));
  await page.evaluate(() => {
    const card = document.createElement('relations-card');
    card.id = 'translated';
    card.lang = 'ru';
    card.setAttribute('src', '/test-fixtures/translated.json');
    card.setAttribute('view', 'timeline');
    document.querySelector('main').prepend(card);
  });
  const card = page.locator('#translated');
  await card.locator('.event-title', { hasText: 'Граница согласована' }).waitFor();
  assert.equal(await card.getByRole('heading', { level: 2 }).first().textContent(), 'Небольшой переведённый набор');
  // The row the dataset gives only in English: in English, said so, in an English voice.
  const bridge = card.locator('li.event', { hasText: 'Bridge opened' });
  assert.equal(await bridge.locator('.event-title').getAttribute('lang'), 'en');
  assert.equal(await bridge.locator('.untranslated').textContent(), 'не переведено');
  assert.equal(await card.locator('li.event', { hasText: 'Граница согласована' }).locator('.untranslated').count(), 0);
  // A Russian word with its ending finds the record.
  await card.getByRole('searchbox').fill('границы');
  await page.waitForFunction(() => document.querySelector('#translated').shadowRoot.querySelectorAll('li.event').length === 1);
  assert.equal(await card.locator('.event-title').textContent(), 'Граница согласована');
  const result = await page.evaluate(() => window.axe.run('#translated'));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a card whose lang changes speaks the new language, the dataset\'s texts included', async () => {
  const { page, problems } = await openPage('/');
  await ready(mainCard(page));
  await page.evaluate(() => {
    const card = document.createElement('relations-card');
    card.id = 'switching';
    card.setAttribute('partner', 'KZ');
    document.querySelector('main').prepend(card);
  });
  const card = page.locator('#switching');
  await card.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  for (const [lang, name, tab] of [['ru', 'Казахстан', 'Хронология'], ['tg', 'Қазоқистон', 'Солшумор'], ['en', 'Kazakhstan', 'Timeline']]) {
    await card.evaluate((host, l) => host.setAttribute('lang', l), lang);
    await card.getByRole('heading', { level: 3, name }).waitFor();
    await card.getByRole('tab', { name: tab }).waitFor();
    assert.equal(await card.getAttribute('partner'), 'KZ', 'the state stays');
  }
  assert.deepEqual(problems, []);
  await page.close();
});
