// The card on a host's page: several cards, attributes and url-state,
// hostile page styles, a strict CSP, the iframe and single-file embeds,
// privacy, widths, and what shows while it loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { root, dataset, shots, baseUrl, browser, openPage, mainCard, visitEveryView, ready, addCard } from './helpers.mjs';

test('several cards share one WebAssembly download, and attributes set the first view', async () => {
  const { page, problems, requests } = await openPage('/');
  const sidebar = page.locator('aside relations-card');
  await sidebar.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  await ready(mainCard(page));
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
  // The element served from the package carries the glue: no second module.
  assert.deepEqual(requests.filter((url) => url.endsWith('/pkg/relations_card.js')), []);
  for (const url of requests) assert.ok(url.startsWith(baseUrl), `request to another origin: ${url}`);
  await page.evaluate(() => {
    const card = document.querySelector('relations-card');
    card.setAttribute('view', 'timeline');
    card.setAttribute('theme', 'energy');
    card.setAttribute('from', '2000');
  });
  const energy = dataset.events.filter((e) => e.themes.includes('energy') && Number(e.date.replace('~', '').split(/[/-]/)[0]) >= 2000 - 40);
  await mainCard(page).getByRole('button', { name: /^Energy/, pressed: true }).waitFor();
  assert.ok(energy.length > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a page with several cards, the first is on screen before the next is built', async () => {
  const page = await browser.newPage();
  // Frames counted from the start; each card's first view is noted at the
  // frame it is first seen in (its ready event waits for a map's shapes).
  await page.addInitScript(() => {
    window.frames_ = 0;
    window.firstViews = [];
    const count = () => {
      window.frames_++;
      for (const card of document.querySelectorAll('relations-card')) {
        const name = card.id || 'sidebar';
        if (card.shadowRoot?.querySelector('.panel') && !window.firstViews.some(([n]) => n === name)) window.firstViews.push([name, window.frames_]);
      }
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.firstViews.length === 2);
  const [[first, firstFrame], [second, secondFrame]] = await page.evaluate(() => window.firstViews);
  assert.deepEqual([first, second], ['card', 'sidebar'], 'in page order');
  assert.ok(secondFrame > firstFrame, `both first views were built for frame ${firstFrame}`);
  await page.close();
});

test('an unknown partner code says so in the card and the console, and the page keeps working', async () => {
  const { page } = await openPage('/');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await ready(mainCard(page));
  await page.evaluate(() => document.querySelector('relations-card').setAttribute('partner', 'ZZ'));
  const alert = mainCard(page).getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /no partner “ZZ”/);
  assert.ok(warnings.some((w) => w.includes('no partner “ZZ”')));
  await ready(mainCard(page));
  await page.close();
});

test('wrong attributes are named in the card and the console; the rest of them still apply', async () => {
  const { page } = await openPage('/');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await ready(mainCard(page));
  await page.evaluate(() => {
    const card = document.querySelector('relations-card');
    card.setAttribute('view', 'timeline');
    card.setAttribute('theme', 'water gossip');
    card.setAttribute('from', 'soon');
  });
  const card = mainCard(page);
  await card.getByRole('button', { name: /^Water/, pressed: true }).waitFor();
  const alerts = await card.getByRole('alert').allTextContents();
  assert.equal(alerts.length, 2, alerts.join('\n'));
  assert.match(alerts[0], /“gossip” is not one of this card’s themes/);
  assert.match(alerts[1], /The from attribute “soon” is not a year/);
  assert.ok(warnings.some((w) => w.includes('“gossip”')), warnings.join('\n'));
  // A reader's action replaces the asked-for state, and the notes go.
  await card.getByRole('button', { name: /^Water/ }).click();
  await card.getByRole('button', { name: /^Water/, pressed: false }).waitFor();
  assert.equal(await card.getByRole('alert').count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').getAttribute('theme')), null);
  await page.close();
});

test('with url-state the view lives in the page URL, so a link opens it', async () => {
  const { page } = await openPage('/#card.view=partner&card.partner=IR');
  const card = mainCard(page);
  await card.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.getByRole('searchbox').fill('drone');
  await page.waitForFunction(() => location.hash.includes('card.q=drone'));
  assert.match(await page.evaluate(() => location.hash), /card\.view=timeline/);
  const link = await page.evaluate(() => location.href);
  const { page: second } = await openPage(link.slice(baseUrl.length - 1));
  await mainCard(second).locator('.event-title', { hasText: 'drone factory' }).waitFor();
  await page.close();
  await second.close();

  // Back from a partner to the overview: a link to that opens the overview.
  const { page: third } = await openPage('/#card.partner=IR');
  await mainCard(third).getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await mainCard(third).getByRole('button', { name: /All partners/ }).click();
  await mainCard(third).locator('.partner').first().waitFor();
  const back = await third.evaluate(() => location.href);
  const { page: fourth } = await openPage(back.slice(baseUrl.length - 1));
  await mainCard(fourth).locator('.partner').first().waitFor();
  assert.equal(await mainCard(fourth).getByRole('heading', { level: 3, name: 'Iran' }).count(), 0, `${back} opens the overview`);
  await third.close();
  await fourth.close();
});

test('a page with hostile global styles does not change how the card looks', async () => {
  const capture = async (path) => {
    const { page, problems } = await openPage(path, { width: 1280 });
    const card = page.locator('relations-card').first();
    await card.locator('.partner').first().waitFor();
    // The same width on both pages: what is left to differ is style leakage.
    await page.evaluate(() => document.querySelector('relations-card').style.setProperty('width', '640px', 'important'));
    await card.getByRole('tab', { name: 'Timeline' }).click();
    await card.locator('svg.histogram-chart').waitFor();
    const looks = await card.evaluate((host) => {
      const root = host.shadowRoot;
      const style = (selector) => {
        const s = getComputedStyle(root.querySelector(selector));
        return [s.fontSize, s.fontFamily, s.color, s.backgroundColor, s.textTransform, s.letterSpacing, s.lineHeight,
          s.display, s.padding, s.borderStyle, s.boxSizing].join(' ');
      };
      return {
        host: getComputedStyle(host).display,
        title: style('.title'),
        tab: style('.tab'),
        event: style('.event-title'),
        chart: style('svg.histogram-chart'),
        height: Math.round(root.querySelector('article').getBoundingClientRect().height),
      };
    });
    await card.screenshot({ path: `${shots}/${path === '/' ? 'plain' : 'hostile'}-css-1280.png` });
    assert.deepEqual(problems, []);
    await page.close();
    return { looks };
  };
  const plain = await capture('/');
  const hostile = await capture('/hostile-css.html');
  // Compared by computed styles and size, not pixels: the card may sit at
  // another sub-pixel offset on the page. Both screenshots are saved to look at.
  assert.deepEqual(hostile.looks, plain.looks);
});

test('the card works under a strict Content-Security-Policy, with no violation', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(new URL('/strict-csp.html', baseUrl).href);
  // Exactly the README's policy, nothing added.
  const readme = readFileSync(`${root}README.md`, 'utf8').match(/`(default-src 'self'; script-src [^`]*)`/)[1];
  assert.equal(response.headers()['content-security-policy'], readme);
  const card = page.locator('relations-card');
  await card.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.getByRole('searchbox').fill('drone');
  await card.locator('.event-title', { hasText: 'drone factory' }).waitFor();
  // Styles applied: the card's own stylesheet loaded under style-src 'self'.
  assert.equal(await card.locator('article').evaluate((n) => getComputedStyle(n).borderTopStyle), 'solid');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: `${shots}/strict-csp-1280.png` });
  await page.close();
});

test('the iframe embed takes its state from the URL, sizes its frame through postMessage, and keeps it still', async () => {
  const { page, problems, requests } = await openPage('/iframe.html');
  const frame = page.frameLocator('iframe[data-relations-card]');
  await frame.locator('relations-card').getByRole('heading', { level: 3, name: 'Afghanistan' }).waitFor();
  assert.deepEqual(requests.filter((url) => url.endsWith('/pkg/map.json')), [], 'a card opening on a partner fetches no map');
  await page.waitForFunction(() => {
    const iframe = document.querySelector('iframe[data-relations-card]');
    return iframe.style.height && parseInt(iframe.style.height, 10) > 600;
  });
  const [frameHeight, contentHeight] = await page.evaluate(() => {
    const iframe = document.querySelector('iframe[data-relations-card]');
    return [iframe.getBoundingClientRect().height, iframe.contentDocument.documentElement.getBoundingClientRect().height];
  });
  assert.ok(Math.abs(frameHeight - Math.ceil(contentHeight)) <= 1, `${frameHeight} vs ${contentHeight}`);
  // The frame's page is titled by the dataset it shows; what it says without scripts names none.
  assert.equal(await page.frames()[1].title(), "Tajikistan's foreign relations — relations-card");
  const embedPage = readFileSync(`${root}www/embed.html`, 'utf8');
  assert.doesNotMatch(embedPage, /Tajikistan/, 'the embed page serves every dataset');
  await page.screenshot({ path: `${shots}/iframe-1280.png` });
  // The card is a frame of its own height: a reader's change leaves the page still.
  await frame.locator('relations-card').getByRole('button', { name: /All partners/ }).click();
  await frame.locator('relations-card').getByRole('button', { name: /^Iran/ }).waitFor();
  assert.equal(requests.filter((url) => url.endsWith('/pkg/map.json')).length, 1, 'fetched once its map is shown');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('iframe[data-relations-card]').getBoundingClientRect().height), frameHeight);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the iframe embed reads datasets from its own site only: a link naming another is refused, and says why', async () => {
  const forged = 'data:application/json,' + encodeURIComponent('{"schemaVersion":1}');
  for (const src of [forged, 'https://elsewhere.example/data.json']) {
    const { page, requests } = await openPage(`/embed.html?src=${encodeURIComponent(src)}&partner=AF`);
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.getByRole('alert').filter({ hasText: 'This embed shows datasets from' }).waitFor();
    assert.equal(await page.locator('relations-card').count(), 0, 'no card under the forged link');
    assert.deepEqual(requests.filter((url) => !url.startsWith(baseUrl.replace(/\/$/, ''))), [], 'nothing fetched from elsewhere');
    await page.close();
  }
  // Its own site's dataset is shown, and the page's title is that dataset's.
  const { page, problems } = await openPage(`/embed.html?src=${encodeURIComponent('/test-fixtures/small.json')}`);
  await page.locator('relations-card').getByRole('heading', { level: 2, name: 'A small test dataset' }).waitFor();
  await page.waitForFunction(() => document.title === 'A small test dataset — relations-card');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a course page with three cards: three partners, one WebAssembly download', async () => {
  const { page, problems, requests } = await openPage('/course.html');
  for (const name of ['Iran', 'Afghanistan', 'Kazakhstan']) {
    await page.locator('relations-card').getByRole('heading', { level: 3, name }).waitFor();
  }
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
  await page.screenshot({ path: `${shots}/course-1280.png`, fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

test('privacy: no request to another origin, no cookie, no storage, in any view', async () => {
  const { page, requests } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await visitEveryView(card, 'Iran', async () => {});
  await card.getByRole('searchbox').fill('border');
  for (const url of requests) assert.ok(url.startsWith(baseUrl), `request to another origin: ${url}`);
  const stored = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0 });
  await page.close();
});

test('a 280 px sidebar and a full-width article both fit', async () => {
  for (const width of [280, 1400]) {
    const { page, problems } = await openPage('/', { width });
    const card = mainCard(page);
    await ready(card);
    await visitEveryView(card, 'Afghanistan', async (view) => {
      const overflow = await page.evaluate(() => {
        const host = document.querySelector('relations-card');
        return host.shadowRoot.querySelector('article').scrollWidth - host.getBoundingClientRect().width;
      });
      assert.ok(overflow <= 1, `${view} at ${width}px overflows by ${overflow}px`);
    });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the single file works opened from disk (file://), with no network at all', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${root}dist/relations-card.html`);
  const card = page.locator('relations-card');
  await ready(card);
  await visitEveryView(card, 'Kazakhstan', async () => {});
  assert.equal(await card.locator('article').evaluate((n) => getComputedStyle(n).borderTopStyle), 'solid', 'styles inlined');
  assert.deepEqual(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:')), []);
  // Without scripts, the summary inside the element is what a reader gets.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`file://${root}dist/relations-card.html`);
  assert.match(await plain.locator('relations-card').innerText(), /Afghanistan: \d+ events/);
  await noScript.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a second copy of the script breaks nothing, and the script adds no global but the element', async () => {
  const { page, problems } = await openPage('/');
  await ready(mainCard(page));
  const before = await page.evaluate(() => Object.keys(window));
  await page.evaluate(() => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/relations-card.js?second-copy';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  }));
  const card = await addCard(page, '');
  await card.locator('.partner').first().waitFor();
  const after = await page.evaluate(() => Object.keys(window));
  assert.deepEqual(after.filter((k) => !before.includes(k)), []);
  assert.deepEqual(
    before.filter((k) => /relation|wasm|wbg/i.test(k)),
    [],
    'no global names from the card',
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('the text inside the element shows while the card loads, and the card adds no style to the page', async () => {
  const page = await browser.newPage();
  // Hold the WebAssembly back, as a slow phone network would. The card has
  // an attribute, so no first view made ahead of time stands in for the core.
  await page.route('**/*.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.route(baseUrl, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<relations-card id="card" url-state>', '<relations-card id="card" url-state view="overview">');
    await route.fulfill({ response, body });
  });
  await page.goto(baseUrl);
  const card = mainCard(page);
  await card.getByText('an interactive card. It needs JavaScript to run.').waitFor();
  assert.ok(await card.getByText('an interactive card. It needs JavaScript to run.').isVisible());
  await ready(card);
  assert.ok(!(await card.getByText('It needs JavaScript to run.').isVisible()), 'the fallback gives way to the card');
  const pageSheets = await page.evaluate(() => [...document.styleSheets].map((s) => new URL(s.href ?? 'inline:', location.href).pathname));
  assert.deepEqual(pageSheets, ['/demo.css']);
  await page.close();
});
