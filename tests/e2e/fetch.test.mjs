// Datasets from servers that misbehave: a body that never ends, a small
// gzip that unpacks past the card's limit, a server that never answers, a
// card whose src changes while it waits, and a failure tried again. Each
// ends with a clear message, and the page stays responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { addCard, openPage, mainCard, ready } from './helpers.mjs';

// A server of its own, as another site would be (it allows the card's origin).
let hostile;
let hostileUrl;
const requests = [];
before(async () => {
  const bomb = gzipSync(Buffer.alloc(25 * 1024 * 1024, 0x20));
  hostile = createServer((request, response) => {
    requests.push(request.url);
    const cors = { 'access-control-allow-origin': '*' };
    if (request.url === '/endless') {
      // No Content-Length, and no end: a chunk every few milliseconds.
      response.writeHead(200, { ...cors, 'content-type': 'application/json' });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const timer = setInterval(() => response.write(chunk), 2);
      request.on('close', () => clearInterval(timer));
    } else if (request.url === '/bomb') {
      // 25 MB of spaces, sent as 25 KB of gzip with an honest compressed length.
      response.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
      response.end(bomb);
    } else if (request.url.startsWith('/silent')) {
      // Never answers.
    } else {
      response.writeHead(404, cors);
      response.end();
    }
  });
  await new Promise((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${hostile.address().port}`;
});
after(() => hostile?.closeAllConnections?.() ?? hostile?.close());

/** The page still answers: a script runs at once. */
const responsive = (page) => page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve(true), 0)));

test('a body that never ends, and a gzip that unpacks past the limit, are refused as too large', async () => {
  for (const path of ['/endless', '/bomb']) {
    const { page, problems } = await openPage('/');
    await ready(mainCard(page));
    const card = await addCard(page, hostileUrl + path);
    await card.getByText(/this card reads datasets of at most 20.0 MB/).waitFor({ timeout: 20000 });
    assert.ok(await responsive(page));
    assert.equal(await card.getByRole('button', { name: 'Try again' }).count(), 0, 'too large is not tried again');
    // The console says it too; nothing else went wrong.
    assert.deepEqual(problems.filter((p) => !p.includes('over the card')), []);
    await page.close();
  }
});

test('a server that never answers is given up on after the time allowed, and can be tried again', async () => {
  const { page, problems } = await openPage('/');
  await ready(mainCard(page));
  await page.clock.install();
  const card = await addCard(page, `${hostileUrl}/silent`);
  await card.getByText('Loading the dataset…').waitFor();
  await page.clock.fastForward('00:31');
  await card.getByText(/did not answer within 30 seconds/).waitFor();
  const before = requests.filter((r) => r === '/silent').length;
  await card.getByRole('button', { name: 'Try again' }).click();
  await card.getByText('Loading the dataset…').waitFor();
  await page.waitForFunction(() => true);
  assert.ok(requests.filter((r) => r === '/silent').length > before, 'asked again');
  assert.ok(await responsive(page));
  assert.deepEqual(problems.filter((p) => !p.includes('no answer within')), []);
  await page.close();
});

test('a card whose src changes while it waits lets the old fetch go, and shows the new dataset', async () => {
  const { page, problems } = await openPage('/');
  await ready(mainCard(page));
  const card = await addCard(page, `${hostileUrl}/silent-2`);
  await card.getByText('Loading the dataset…').waitFor();
  const aborted = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/silent-2'));
  await card.evaluate((host) => host.setAttribute('src', '/test-fixtures/small.json'));
  await aborted;
  await card.getByRole('heading', { level: 2, name: 'A small test dataset' }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a network failure offers to try again, and trying again shows the dataset', async () => {
  const { page } = await openPage('/');
  await ready(mainCard(page));
  let failures = 0;
  await page.route('**/test-fixtures/small.json', (route) => (failures++ === 0 ? route.abort('connectionreset') : route.continue()));
  const card = await addCard(page, '/test-fixtures/small.json');
  await card.getByRole('button', { name: 'Try again' }).click();
  await card.getByRole('heading', { level: 2, name: 'A small test dataset' }).waitFor();
  assert.equal(failures, 2);
  await page.close();
});
