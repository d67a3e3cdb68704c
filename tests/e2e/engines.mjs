// Firefox and WebKit for the end-to-end tests, behind one small interface,
// so one list of reader paths (engines.test.mjs) runs in both. Debian's own
// browsers, installed by scripts/install-test-tools.sh; nothing is downloaded.
// - Firefox ESR through WebDriver BiDi (puppeteer-core, headless).
// - WebKitGTK's MiniBrowser through classic W3C WebDriver (WebKitWebDriver),
//   in a virtual X display (xvfb-run): MiniBrowser has no headless mode. The
//   client is the few commands below, over fetch.
// Both give an `Engine`:
//   name, version            e.g. 'firefox', '153.8.0'
//   open(url, {width, height}) loads a page in a viewport of that size
//   evaluate(fn, ...args)    runs fn in the page, resolves to its JSON result
//   click(fn, ...args)       a real pointer click on the element fn returns
//   press(key) / type(text)  keys to the focused element ('Tab', 'Enter', …)
//   screenshot(fn, path)     a PNG of the element fn returns, as it is drawn
//   close()
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_RUN = '/usr/bin/xvfb-run';

/** Fails at once, saying what to run, when a browser is not installed. */
function installed(path) {
  if (!existsSync(path)) throw new Error(`${path} is missing: scripts/install-test-tools.sh installs it`);
  return path;
}

export async function launchFirefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: installed(FIREFOX), headless: true });
  const page = await browser.newPage();
  const element = async (fn, args) => {
    const handle = (await page.evaluateHandle(fn, ...args)).asElement();
    if (!handle) throw new Error(`no element: ${fn}`);
    return handle;
  };
  return {
    name: 'firefox',
    version: (await browser.version()).replace(/^firefox\//, ''),
    async open(url, { width, height }) {
      await page.setViewport({ width, height });
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    click: async (fn, ...args) => (await element(fn, args)).click(),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: async (fn, path) => (await element(fn, [])).screenshot({ path }),
    close: () => browser.close(),
  };
}

/** WebDriver's codes for the keys the tests press. */
const KEYS = {
  Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', ' ': ' ',
  End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
};
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** The element's box once scrolled into view, in the viewport's pixels. */
function scrolledBox(element) {
  element.scrollIntoView({ block: 'start', inline: 'start' });
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x: Math.max(0, x), y: Math.max(0, y), width: Math.min(width, innerWidth - Math.max(0, x)), height: Math.min(height, innerHeight - Math.max(0, y)) };
}

/** The middle of the element once scrolled into view, in whole pixels. */
function middleInView(element) {
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x: Math.round(x + width / 2), y: Math.round(y + height / 2) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function launchWebKit() {
  installed(MINIBROWSER);
  const port = await freePort();
  // Its own process group (xvfb-run, Xvfb, the driver, MiniBrowser and its
  // web processes), so close() ends exactly what this started.
  const driver = spawn(installed(XVFB_RUN), ['-a', '-s', '-screen 0 1600x1200x24', installed(WEBKIT_DRIVER), `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let driverErrors = '';
  driver.stderr.on('data', (chunk) => { driverErrors += chunk; });
  const exited = new Promise((resolve) => driver.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const command = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (value?.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  };
  const stop = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ } };
  let session;
  try {
    for (let tries = 0; ; tries++) {
      try {
        if ((await command('GET', '/status')).ready) break;
      } catch (error) {
        if (tries > 100 || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${error.message} ${driverErrors}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { sessionId, capabilities } = await command('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    });
    session = { id: sessionId, version: capabilities.browserVersion };
  } catch (error) {
    stop();
    throw error;
  }
  const S = `/session/${session.id}`;
  const script = (fn) => `return (${fn}).apply(null, arguments);`;
  const evaluate = (fn, ...args) => command('POST', `${S}/execute/sync`, { script: script(fn), args });
  const element = async (fn, args) => {
    const found = await evaluate(fn, ...args);
    if (!found?.[ELEMENT]) throw new Error(`no element: ${fn}`);
    return found;
  };
  const keys = (values) => command('POST', `${S}/actions`, {
    actions: [{ type: 'key', id: 'keyboard', actions: values.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }],
  });
  return {
    name: 'webkit',
    version: session.version,
    async open(url, { width, height }) {
      await command('POST', `${S}/frame`, { id: null });
      // The window is the viewport and MiniBrowser's toolbar: sized once to
      // learn the toolbar's height, then to the viewport asked for.
      await command('POST', `${S}/window/rect`, { width, height });
      const [innerWidth, innerHeight] = await evaluate(() => [window.innerWidth, window.innerHeight]);
      await command('POST', `${S}/window/rect`, { width, height: height + (height - innerHeight) });
      if (innerWidth === width) {
        await command('POST', `${S}/url`, { url });
        return;
      }
      // The window cannot be narrower than its toolbar (447 px in 2.50): a
      // narrower viewport is an iframe of that size, at the window's corner.
      await command('POST', `${S}/url`, { url: 'about:blank' });
      const frame = await evaluate((src, w, h) => new Promise((resolve) => {
        const iframe = document.createElement('iframe');
        iframe.style.cssText = `position:fixed;left:0;top:0;border:0;width:${w}px;height:${h}px`;
        iframe.onload = () => resolve(iframe);
        iframe.src = src;
        document.body.append(iframe);
      }), url, width, height);
      await command('POST', `${S}/frame`, { id: frame });
    },
    evaluate,
    async click(fn, ...args) {
      // A pointer at the element's middle rather than WebDriver's Element
      // Click, which WebKitWebDriver 2.50 refuses ("element click
      // intercepted") for a text box in a shadow root, nothing over it.
      const { x, y } = await evaluate(middleInView, await element(fn, args));
      await command('POST', `${S}/actions`, {
        actions: [{
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [{ type: 'pointerMove', origin: 'viewport', x, y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
        }],
      });
    },
    press: (key) => keys([KEYS[key] ?? key]),
    type: (text) => keys([...text]),
    async screenshot(fn, path) {
      // WebKitGTK's element screenshot leaves composited layers black (the
      // card's head, here): the window's own picture is cut to the box
      // instead. An iframe sits at the window's corner, so its boxes hold.
      const box = await evaluate(scrolledBox, await element(fn, []));
      const png = Buffer.from(await command('GET', `${S}/screenshot`), 'base64');
      writeFileSync(path, cropPng(png, box));
    },
    async close() {
      try {
        await command('DELETE', S);
      } finally {
        stop();
        await exited;
      }
    },
  };
}

/** Cuts a box out of an 8-bit RGB or RGBA PNG without interlacing (what
 * WebKitWebDriver writes): a few lines rather than an image library. */
export function cropPng(png, { x, y, width, height }) {
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  const header = chunks.find((c) => c.type === 'IHDR').data;
  const [fullWidth, depth, colour, interlace] = [header.readUInt32BE(0), header[8], header[9], header[12]];
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`cropPng reads 8-bit RGB(A) PNGs, not depth ${depth} colour ${colour}`);
  const bytesPerPixel = colour === 6 ? 4 : 3;
  const stride = fullWidth * bytesPerPixel;
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const [left, top] = [Math.round(x), Math.round(y)];
  const [w, h] = [Math.round(width), Math.round(height)];
  const out = Buffer.alloc(h * (1 + w * bytesPerPixel));
  let previous = Buffer.alloc(stride);
  for (let row = 0; row < top + h; row++) {
    const filter = raw[row * (stride + 1)];
    const line = Buffer.from(raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0;
      const b = previous[i];
      const c = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      line[i] = (line[i] + [0, a, b, (a + b) >> 1, paeth][filter]) & 0xff;
    }
    if (row >= top) line.copy(out, (row - top) * (1 + w * bytesPerPixel) + 1, left * bytesPerPixel, (left + w) * bytesPerPixel);
    previous = line;
  }
  const chunk = (type, data) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const ihdr = Buffer.from(header);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  return Buffer.concat([png.subarray(0, 8), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(out)), chunk('IEND', Buffer.alloc(0))]);
}

export const launch = { firefox: launchFirefox, webkit: launchWebKit };
