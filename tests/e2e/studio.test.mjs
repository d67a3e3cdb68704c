// The studio (www/studio.html) as an editor uses it: a pasted sheet with
// three mistakes, each shown at its row and column and its cell marked;
// mended, the card appears; the dataset, the single-file card and the
// snippets are taken away and checked (the single file opened from disk
// shows the new data); a TimelineJS sheet imports without editing; nothing
// is requested from any server but the studio's own files; it keeps working
// offline; axe finds nothing; screenshots at 1280 and 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, axePath, shots, baseUrl, browser, openPage, ready } from './helpers.mjs';

const TAB = '\t';
const row = (...cells) => cells.join(TAB);
/** What an editor copies from a spreadsheet: tab-separated cells. */
const withMistakes = [
  row('date', 'partners', 'themes', 'title', 'summary', 'locator'),
  row('2021-03-31', 'Kazakhstan', 'trade', 'Trade talks in the capital', 'Ministers met on trade.', '¶1'),
  row('32 March 2021', 'Russia', 'security', 'Border guards meet', 'Guards met at the border.', '¶2'),
  row('2022', 'Atlantis', 'energy', 'A dam is discussed', 'Engineers met.', '¶3'),
  row('2023', 'China', 'tarde', 'A railway opens', 'The first train ran.', '¶4'),
].join('\n');

async function fillForm(page) {
  await page.getByLabel('Whose relations').fill('Kyrgyzstan');
  await page.getByLabel('Title', { exact: true }).fill('Gazette archive');
  await page.getByLabel('Publisher').fill('The Test Gazette');
  await page.getByLabel('As of').fill('2024-05');
  await page.getByLabel('Reliability').fill('Our own reporting.');
}

const status = (page) => page.locator('#status');

test('a pasted sheet: each mistake at its row and column; mended, a card and everything to take away', async () => {
  const { page, problems, requests } = await openPage('/studio.html', { width: 1280, height: 1000 });
  await page.locator('#status').filter({ hasText: 'Paste a sheet' }).waitFor();
  await fillForm(page);
  await page.getByLabel(/^Paste the cells here/).fill(withMistakes);
  await status(page).filter({ hasText: '3 problems to mend' }).waitFor();
  const said = await page.locator('#problems li').allTextContents();
  assert.equal(said.length, 3, said.join('\n'));
  assert.match(said[0], /^the pasted sheet, row 3, date: "32 March 2021" is not a date; write a day as 2021-03-31/);
  assert.match(said[1], /^the pasted sheet, row 4, partners: "Atlantis" is not a partner this card knows/);
  assert.match(said[2], /^the pasted sheet, row 5, themes: "tarde" is not a theme/);
  // The rows with problems, their wrong cells marked; the good row is not shown.
  const marked = await page.locator('#rows td.bad').evaluateAll((cells) => cells.map((c) => c.firstChild.textContent));
  assert.deepEqual(marked, ['32 March 2021', 'Atlantis', 'tarde']);
  assert.deepEqual(await page.locator('#rows tbody th').allTextContents(), ['3', '4', '5']);
  await page.screenshot({ path: `${shots}/studio-problems-1280.png`, fullPage: true });
  assert.equal(await page.locator('#preview').getAttribute('src'), null, 'the example card stays while the sheet has problems');

  // A partner nothing knows is asked for: said what it is, it is one.
  assert.equal(await page.getByRole('group', { name: 'Atlantis' }).count(), 1);
  await page.getByLabel('Code of Atlantis').fill('AQ');
  await page.getByLabel('Region of Atlantis').fill('Ocean');
  await status(page).filter({ hasText: '2 problems to mend' }).waitFor();

  // Mended: the card appears with the sheet's data, and the sheet was kept throughout.
  const mended = withMistakes.replace('32 March 2021', '2021-03-28').replace('Atlantis', 'Atlantis; Tajikistan; Uzbekistan').replace('tarde', 'trade');
  await page.getByLabel(/^Paste the cells here/).fill(mended);
  await status(page).filter({ hasText: 'No problems: 4 events, 0 figures, 0 periods, 6 partners, 1 source' }).waitFor();
  const card = page.locator('#preview');
  await card.getByRole('heading', { name: "Kyrgyzstan's foreign relations" }).waitFor();
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.getByText('A railway opens').waitFor();
  await page.screenshot({ path: `${shots}/studio-card-1280.png`, fullPage: true });

  // The dataset: valid, with the sheet's rows.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the dataset (JSON)' }).click()]);
  const dataset = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(json.suggestedFilename(), 'relations-Kyrgyzstan.json');
  assert.deepEqual(dataset.events.map((e) => e.title), ['Trade talks in the capital', 'Border guards meet', 'A dam is discussed', 'A railway opens']);
  assert.equal(dataset.subject.code, 'KG');
  assert.deepEqual(dataset.sources.map((s) => s.title), ['Gazette archive']);

  // The snippets name the dataset where it will be, and the partner chosen.
  await page.getByLabel('The dataset will be at').fill('data/kg.json');
  await page.getByLabel('…or on a partner').selectOption('KZ');
  assert.equal(
    await page.getByLabel('Script and element').inputValue(),
    '<script type="module" src="https://your.site/relations-card/relations-card.js"></script>\n<relations-card src="data/kg.json" partner="KZ"></relations-card>',
  );
  assert.match(await page.getByLabel('Iframe').inputValue(), /embed\.html\?src=data\/kg\.json&amp;partner=KZ"/);

  // The single file, opened from disk, shows the new data and asks no server for anything.
  const [single] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a single-file card (HTML)' }).click()]);
  // Saved as the editor would, with its name (a browser reads a file by its extension).
  const path = join(mkdtempSync(join(tmpdir(), 'studio-')), single.suggestedFilename());
  await single.saveAs(path);
  assert.equal(single.suggestedFilename(), 'relations-Kyrgyzstan.html');
  const file = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const fileRequests = [];
  file.on('request', (request) => fileRequests.push(request.url()));
  await file.goto(`file://${path}`);
  const fileCard = file.locator('relations-card');
  await fileCard.getByRole('heading', { name: "Kyrgyzstan's foreign relations" }).waitFor();
  assert.equal(await file.title(), "Kyrgyzstan's foreign relations — relations-card");
  await file.screenshot({ path: `${shots}/studio-single-file-1000.png` });
  await fileCard.getByRole('tab', { name: 'Timeline' }).click();
  await fileCard.getByText('Border guards meet').waitFor();
  assert.deepEqual(fileRequests.filter((url) => !/^(file|data|blob):/.test(url)), []);
  await file.close();

  // Nothing went to any server but the studio's own files, and nothing but GETs.
  const own = new URL(baseUrl).origin;
  assert.deepEqual(requests.filter((url) => !url.startsWith(own) && !/^(blob|data):/.test(url)), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a TimelineJS sheet imports without editing, and the studio works offline once loaded', async () => {
  const { page, problems } = await openPage('/studio.html', { width: 360, height: 800 });
  await page.locator('#status').filter({ hasText: 'Paste a sheet' }).waitFor();
  // Loaded: the checker, the example card's core and the single file's template.
  await ready(page.locator('#preview'));
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/relations-card.html')));
  await page.context().setOffline(true);
  await page.locator('#files').setInputFiles(`${root}tests/fixtures/timelinejs/kazakhstan-timeline.csv`);
  await status(page).filter({ hasText: /problems? to mend/ }).waitFor();
  assert.match(await page.locator('#problems').textContent(), /a TimelineJS sheet names no source/);
  await page.getByLabel('Whose relations').fill('Kazakhstan');
  await page.getByLabel('Title', { exact: true }).fill('Newsroom archive');
  await page.getByLabel('Publisher').fill('The Test Gazette');
  await page.getByLabel('As of').fill('2024-05-01');
  await page.getByLabel('Reliability').fill('Our own reporting.');
  await page.getByLabel('Their partner').fill('Russia');
  await page.getByLabel('Their theme').selectOption('diplomacy');
  await status(page).filter({ hasText: 'No problems: 42 events' }).waitFor();
  assert.match(await page.locator('#notes').textContent(), /the era "An era of tests" is left out/);
  assert.equal(await page.locator('#file-list li').count(), 1);
  await page.locator('#preview').getByRole('heading', { name: 'Kazakhstan and its neighbours: a test timeline' }).waitFor();
  await page.screenshot({ path: `${shots}/studio-timelinejs-360.png`, fullPage: true });
  const [single] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a single-file card (HTML)' }).click()]);
  assert.match(readFileSync(await single.path(), 'utf8'), /<title>Kazakhstan and its neighbours: a test timeline — relations-card<\/title>/);
  await page.context().setOffline(false);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the studio has no accessibility violations (axe-core), with problems shown and with a card', async () => {
  const { page } = await openPage('/studio.html', { width: 1280, height: 1000 });
  await page.addScriptTag({ path: axePath });
  await page.locator('#status').filter({ hasText: 'Paste a sheet' }).waitFor();
  await fillForm(page);
  await page.getByLabel(/^Paste the cells here/).fill(withMistakes);
  await status(page).filter({ hasText: '3 problems' }).waitFor();
  const check = async (label) => {
    const result = await page.evaluate(() => window.axe.run(document, { exclude: [['relations-card']] }));
    assert.deepEqual(result.violations.map((v) => `${label}: ${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
  };
  await check('with problems');
  await page.getByLabel(/^Paste the cells here/).fill(withMistakes.replace('32 March 2021', '2021').replace('Atlantis', 'Iran').replace('tarde', 'trade'));
  await page.locator('#preview').getByRole('heading', { name: "Kyrgyzstan's foreign relations" }).waitFor();
  await check('with a card');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${shots}/studio-card-360.png`, fullPage: true });
  await page.close();
});
