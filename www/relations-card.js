// <relations-card>: shows a country's foreign relations from the Rust core.
// The WebAssembly loads once per page and every card shares it. The core
// decides everything (state, messages, what each view shows: src/view.rs);
// this file turns a Screen into elements and sends the reader's actions back.
// Dataset strings only ever reach the page as text, never as markup.
let wasmPromise = null;
let Relations = null;
let interfaceLabels = null;
const datasets = new Map();

/** A dataset larger than this is refused, to protect the reader's phone. */
const MAX_DATASET_BYTES = 20 * 1024 * 1024;

/** The shared core: one fetch and one instance of the wasm per page. The
 * .wasm is requested at once, beside the glue module, not after it. */
function loadWasm() {
  wasmPromise ??= (async () => {
    const wasm = fetch(new URL('./pkg/relations_card_bg.wasm', import.meta.url));
    const glue = await import('./pkg/relations_card.js');
    Relations = glue.Relations;
    interfaceLabels = glue.interfaceLabels;
    await glue.default({ module_or_path: wasm });
  })();
  return wasmPromise;
}

/** The dataset at `src` (or the built-in one), loaded once per page. */
function loadDataset(src) {
  const key = src ? new URL(src, document.baseURI).href : '';
  if (!datasets.has(key)) datasets.set(key, loadWasm().then(() => (key ? fetchDataset(key) : Relations.builtin())));
  return datasets.get(key);
}

async function fetchDataset(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not fetch ${url}: ${error.message}`);
  }
  if (!response.ok) throw new Error(`could not fetch ${url}: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_DATASET_BYTES) throw tooLarge(url, declared);
  const text = await response.text();
  if (text.length > MAX_DATASET_BYTES) throw tooLarge(url, text.length);
  try {
    return Relations.fromJson(text);
  } catch (error) {
    // The core's message lists every problem with its line and JSON path.
    throw new Error(`${url} is not a valid dataset: ${error.message}`);
  }
}

/** The word index is made after the first view, while the reader looks,
 * so the first search does not wait for it; once per dataset. */
const prepared = new WeakSet();
function prepareSearchWhenIdle(relations) {
  if (!relations || prepared.has(relations)) return;
  prepared.add(relations);
  const idle = globalThis.requestIdleCallback ?? ((task) => setTimeout(task, 200));
  idle(() => relations.prepareSearch());
}

/** Cards show their first views one frame apart: on a page with several,
 * the first is on screen before the next is built (with two cards at 4x
 * slower CPU, 175 ms sooner). A hidden page has no frames, hence the
 * timeout; a card that fails to show does not hold up the next. */
let previousFirstView = Promise.resolve();
function inTurn(showFirstView) {
  const turn = previousFirstView.then(showFirstView);
  previousFirstView = turn.catch(() => {}).then(() => new Promise((resolve) => {
    const done = () => { clearTimeout(timer); resolve(); };
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() => setTimeout(done));
  }));
  return turn;
}

function tooLarge(url, bytes) {
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  return new Error(`${url} is ${mb(bytes)} MB; this card reads datasets of at most ${mb(MAX_DATASET_BYTES)} MB`);
}

const STYLESHEET = new URL('./relations-card.css', import.meta.url).href;

/** The card's styles: a link to its stylesheet (allowed by a strict CSP);
 * the single-file build swaps in the stylesheet's text. */
function styles() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  return link;
}
const SVG = 'http://www.w3.org/2000/svg';
const ATTRIBUTES = ['view', 'partner', 'theme', 'from', 'to', 'q', 'src'];
const STATE_ATTRIBUTES = ['view', 'partner', 'theme', 'from', 'to', 'q'];
let ids = 0;

/** Creates an element with a class and, optionally, text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** The first and last year under a picture, in the card's own text size
 * (text inside an SVG would grow with the picture's width). The picture's
 * text alternative already says them, so screen readers skip this. */
function axis(first, last) {
  const node = el('div', 'axis');
  node.setAttribute('aria-hidden', 'true');
  node.append(el('span', null, String(first)), el('span', null, String(last)));
  return node;
}

/** What went wrong, said at once to screen readers (`role=alert`). */
function problemBox(tag, text) {
  const node = el(tag, 'problem', text);
  node.setAttribute('role', 'alert');
  return node;
}

function button(className, text, onClick) {
  const node = el('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** A year attribute as a number, or null when absent or not a year. */
function year(text) {
  return /^-?\d{1,4}$/.test(text ?? '') ? Number(text) : null;
}

export class RelationsCard extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #root;
  #card;
  #status;
  #relations = null;
  #failure = null;
  #state = {};
  /** The attributes changed since the core last read them into `#state`. */
  #attributesChanged = true;
  /** What the core found wrong with the attributes, shown in the card. */
  #attributeProblems = [];
  #renderQueued = false;
  #reflecting = false;
  #prefix = `rc${++ids}`;
  #focusAfter = null;
  #lastNotice = null;
  #stylesReady = null;
  /** The last screen, for labels outside a render. */
  #screen = null;
  #announcedReady = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    // The stylesheet link and the live region stay put across renders:
    // styles never flash, and announcements are heard.
    const link = styles();
    // The first view waits for the styles, so it never shows unstyled.
    this.#stylesReady =
      link.tagName === 'LINK'
        ? new Promise((resolve) => {
            link.addEventListener('load', resolve, { once: true });
            link.addEventListener('error', resolve, { once: true });
          })
        : Promise.resolve();
    this.#card = el('article', 'card');
    this.#card.setAttribute('part', 'card');
    this.#status = el('p', 'visually-hidden');
    this.#status.setAttribute('role', 'status');
    this.#root.append(link, this.#card, this.#status);
    // Escape closes what was opened: a partner page goes back to the list.
    this.#card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#state.view === 'partner' && this.#relations) this.#send({ type: 'back' });
    });
  }

  /** The current state (a copy): view, partner, themes, from, to, q. */
  get state() {
    return structuredClone(this.#state);
  }

  get view() { return this.getAttribute('view') ?? 'overview'; }
  set view(value) { this.#setAttribute('view', value); }
  get partner() { return this.getAttribute('partner') ?? ''; }
  set partner(value) { this.#setAttribute('partner', value); }
  get theme() { return this.getAttribute('theme') ?? ''; }
  set theme(value) { this.#setAttribute('theme', value); }
  get from() { return year(this.getAttribute('from')); }
  set from(value) { this.#setAttribute('from', value); }
  get to() { return year(this.getAttribute('to')); }
  set to(value) { this.#setAttribute('to', value); }
  get q() { return this.getAttribute('q') ?? ''; }
  set q(value) { this.#setAttribute('q', value); }
  /** URL of a dataset to show instead of the built-in one. */
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.#setAttribute('src', value); }

  #setAttribute(name, value) {
    if (value === null || value === undefined || value === '') this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  connectedCallback() {
    if (this.hasAttribute('url-state')) this.#readUrl();
    this.#attributesChanged = true;
    this.#load();
  }

  /** With `url-state`, the page's URL fragment holds the state, so a link
   * opens the same view: `#view=partner&partner=IR`, or with the card's id
   * as a prefix (`#map.view=…`) when the page has several cards. */
  #urlPrefix() {
    return this.id ? `${this.id}.` : '';
  }

  #readUrl() {
    const params = new URLSearchParams(location.hash.slice(1));
    this.#reflecting = true;
    for (const name of STATE_ATTRIBUTES) {
      const value = params.get(this.#urlPrefix() + name);
      if (value !== null) this.#setAttribute(name, value);
    }
    this.#reflecting = false;
  }

  #writeUrl() {
    const params = new URLSearchParams(location.hash.slice(1));
    for (const name of STATE_ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value === null) params.delete(this.#urlPrefix() + name);
      else params.set(this.#urlPrefix() + name, value);
    }
    const hash = params.toString();
    history.replaceState(history.state, '', hash ? `#${hash}` : location.pathname + location.search);
  }

  #loadedSrc = null;

  #load() {
    const src = this.getAttribute('src') ?? '';
    if (src === this.#loadedSrc) return;
    this.#loadedSrc = src;
    this.#relations = null;
    this.#failure = null;
    this.#showLoading();
    if (src) {
      // Once the core is up, say in the reader's language what is loading.
      loadWasm().then(() => {
        if (this.#loadedSrc === src && !this.#relations && !this.#failure) {
          const status = el('p', 'status', interfaceLabels(this.#locale()).loadingDataset);
          status.setAttribute('role', 'status');
          this.#card.replaceChildren(status);
        }
      }, () => {});
    }
    Promise.all([loadDataset(src), this.#stylesReady]).then(
      ([relations]) => inTurn(() => {
        if (this.#loadedSrc !== src) return;
        this.#relations = relations;
        this.#render();
      }),
      (error) => {
        if (this.#loadedSrc !== src) return;
        this.#failure = error;
        console.error(`relations-card: ${error.message ?? error}`);
        this.#queueRender();
      },
    );
  }

  attributeChangedCallback(name) {
    if (this.#reflecting) return;
    if (name === 'src') {
      if (this.isConnected) this.#load();
      return;
    }
    this.#attributesChanged = true;
    this.#queueRender();
  }

  /** The core reads the attributes (the same rules as for a URL). */
  #readAttributes() {
    const attributes = Object.fromEntries(STATE_ATTRIBUTES.map((name) => [name, this.getAttribute(name)]));
    const { state, problems } = this.#relations.stateFromAttributes(attributes, this.#locale());
    for (const problem of problems) console.warn(`relations-card: ${problem}`);
    this.#state = state;
    this.#attributeProblems = problems;
  }

  // Several attribute changes in one task cause a single render.
  #queueRender() {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#render();
    });
  }

  /** Applies a reader's action: new state, attributes, event, render. */
  #send(msg) {
    let next;
    try {
      next = this.#relations.update(this.#state, msg);
    } catch (error) {
      console.error('relations-card:', error.message ?? error);
      return;
    }
    // Focus follows the reader: into an opened partner, back to its button.
    if (msg.type === 'openPartner') this.#focusAfter = 'partner-title';
    if (msg.type === 'back' && this.#state.partner) this.#focusAfter = `partner-${this.#state.partner}`;
    // The clear buttons go once nothing is filtered: focus moves to the count.
    if (msg.type === 'clearFilters') this.#focusAfter = 'results-count';
    this.#state = next;
    this.#attributeProblems = [];
    this.#reflect();
    this.dispatchEvent(new CustomEvent('relations-card-change', { bubbles: true, composed: true, detail: this.state }));
    this.#render();
  }

  #reflect() {
    const attributes = this.#relations.attributesOf(this.#state);
    this.#reflecting = true;
    for (const name of STATE_ATTRIBUTES) this.#setAttribute(name, attributes[name]);
    this.#reflecting = false;
    if (this.hasAttribute('url-state')) this.#writeUrl();
  }

  /** Until the core is up, the text the page put inside the element shows
   * (in the page's own language); an ellipsis when there is none. */
  #showLoading() {
    const slot = el('slot', 'status', '…');
    slot.setAttribute('role', 'status');
    this.#card.replaceChildren(slot);
  }

  #render() {
    if (!this.isConnected) return;
    if (this.#failure) {
      const [first, ...details] = String(this.#failure.message ?? this.#failure).split('\n');
      const problem = problemBox('div');
      const prefix = interfaceLabels ? interfaceLabels(this.#locale()).couldNotLoad : 'This card could not load its data';
      problem.append(el('p', null, `${prefix}: ${first}`));
      if (details.length) {
        const list = el('ul', 'problem-list');
        for (const line of details.slice(0, 20)) list.append(el('li', null, line));
        if (details.length > 20) list.append(el('li', null, `… and ${details.length - 20} more`));
        problem.append(list);
      }
      this.#card.replaceChildren(problem);
      return;
    }
    if (!this.#relations) return this.#showLoading();
    if (this.#attributesChanged) {
      this.#attributesChanged = false;
      this.#readAttributes();
    }
    let screen;
    try {
      screen = this.#relations.screen(this.#state, this.#locale());
    } catch (error) {
      console.error('relations-card:', error.message ?? error);
      this.#state = {};
      screen = this.#relations.screen({}, this.#locale());
    }
    this.#state = screen.state;
    this.#screen = screen;
    const ui = screen.ui;
    this.#card.lang = screen.locale;
    this.#card.dir = screen.dir;

    // Focus and caret survive the re-render: found again by their data-key.
    const active = this.#root.activeElement;
    const focusKey = this.#focusAfter ?? active?.dataset?.key;
    const caret = this.#focusAfter ? null : active?.selectionStart ?? null;
    this.#focusAfter = null;

    this.#card.setAttribute('aria-labelledby', `${this.#prefix}-title`);
    this.#card.replaceChildren(this.#header(screen));
    if (screen.notice) {
      if (screen.notice !== this.#lastNotice) console.warn(`relations-card: ${screen.notice}`);
      this.#card.append(problemBox('p', screen.notice));
    }
    this.#lastNotice = screen.notice;
    this.#card.append(...this.#attributeProblems.map((problem) => problemBox('p', problem)));
    this.#card.append(this.#body(screen), this.#footer(ui));
    if (!this.#announcedReady) {
      // Hosts (and the load benchmark) learn when the first view is up.
      this.#announcedReady = true;
      this.dispatchEvent(new CustomEvent('relations-card-ready', { bubbles: true, composed: true }));
      prepareSearchWhenIdle(this.#relations);
    }
    if (this.#status.textContent !== screen.announcement) this.#status.textContent = screen.announcement;

    if (focusKey) {
      const again = this.#root.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
      if (again) {
        again.focus({ preventScroll: true });
        if (caret !== null && 'setSelectionRange' in again) again.setSelectionRange(caret, caret);
      }
    }
  }

  #header(screen) {
    const header = el('header', 'header');
    header.setAttribute('part', 'header');
    const title = el('h2', 'title', screen.title);
    title.id = `${this.#prefix}-title`;
    header.append(title, el('p', 'meta', screen.subtitle));

    const tools = el('div', 'tools');
    const tabs = el('div', 'tabs');
    tabs.setAttribute('role', 'tablist');
    tabs.setAttribute('aria-label', screen.ui.views);
    for (const tab of screen.tabs) {
      const node = button('tab', tab.label, () => this.#send({ type: 'show', view: tab.view }));
      node.setAttribute('role', 'tab');
      node.setAttribute('aria-selected', String(tab.selected));
      node.setAttribute('aria-controls', `${this.#prefix}-panel`);
      node.tabIndex = tab.selected ? 0 : -1;
      node.dataset.key = `tab-${tab.view}`;
      node.setAttribute('part', 'tab');
      tabs.append(node);
    }
    // Arrow keys move between tabs, as in every tab list.
    tabs.addEventListener('keydown', (event) => {
      const all = [...tabs.querySelectorAll('[role=tab]')];
      const at = all.indexOf(this.#root.activeElement);
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
      if (at < 0 || to === undefined) return;
      event.preventDefault();
      const target = all[(to + all.length) % all.length];
      target.focus();
      target.click();
    });

    const search = el('label', 'search');
    const label = el('span', 'visually-hidden', screen.ui.searchLabel);
    const input = el('input');
    input.type = 'search';
    input.placeholder = screen.ui.searchPlaceholder;
    input.value = screen.state.q ?? '';
    input.dataset.key = 'search';
    input.setAttribute('part', 'search');
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.addEventListener('input', () => this.#send({ type: 'search', q: input.value }));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && input.value) {
        event.stopPropagation();
        this.#send({ type: 'search', q: '' });
      }
    });
    search.append(label, input);
    tools.append(tabs, search);
    header.append(tools);
    return header;
  }

  #body(screen) {
    const panel = el('div', 'panel');
    panel.id = `${this.#prefix}-panel`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `${this.#prefix}-title`);
    const body = screen.body;
    switch (body.kind) {
      case 'overview': panel.append(...this.#overview(body, screen)); break;
      case 'partner': panel.append(...this.#partner(body, screen)); break;
      case 'timeline': panel.append(...this.#timeline(body, screen)); break;
      case 'figures': panel.append(...this.#figures(body, screen)); break;
      case 'sources': panel.append(...this.#sources(body, screen)); break;
      default: {
        panel.append(problemBox('p', body.message), button('back', screen.ui.startAgain, () => this.#send({ type: 'reset' })));
      }
    }
    return panel;
  }

  #overview(body, screen) {
    const nodes = [];
    for (const group of body.regions) {
      const section = el('section', 'region');
      const heading = el('h3', 'region-title', group.region);
      heading.id = `${this.#prefix}-region-${group.region.replace(/\W+/g, '-')}`;
      section.setAttribute('aria-labelledby', heading.id);
      const list = el('ul', 'partner-list');
      for (const partner of group.partners) {
        const item = button('partner', undefined, () => this.#send({ type: 'openPartner', code: partner.code }));
        item.dataset.key = `partner-${partner.code}`;
        item.dataset.code = partner.code;
        item.setAttribute('part', 'partner');
        item.append(el('span', 'partner-name', partner.name), el('span', 'partner-detail', partner.detail));
        if (partner.tone) item.append(this.#tone(partner.tone, partner.toneLabel));
        const li = el('li');
        li.append(item);
        list.append(li);
      }
      section.append(heading, list);
      nodes.push(section);
    }
    nodes.push(this.#barChart(body.picture, screen));
    return nodes;
  }

  #tone(tone, label) {
    const badge = el('span', `tone tone-${tone}`, label);
    badge.setAttribute('part', 'tone');
    return badge;
  }

  #barChart(picture, screen) {
    const figure = el('figure', 'chart');
    const rowHeight = 16;
    const width = 360;
    const labelWidth = 110;
    const chart = svg('svg', {
      viewBox: `0 0 ${width} ${picture.bars.length * rowHeight + 4}`,
      role: 'img',
      'aria-label': picture.text,
      class: 'bars',
    });
    picture.bars.forEach((bar, i) => {
      const y = i * rowHeight + 2;
      const label = svg('text', { x: labelWidth - 6, y: y + 12, 'text-anchor': 'end', class: 'bar-label' });
      label.textContent = bar.label;
      const length = Math.max(2, bar.share * (width - labelWidth - 34));
      const rect = svg('rect', { x: labelWidth, y: y + 2, width: length, height: rowHeight - 6, rx: 2, class: `bar tone-fill-${bar.tone ?? 'none'}` });
      const count = svg('text', { x: labelWidth + length + 4, y: y + 12, class: 'bar-count' });
      count.textContent = String(bar.count);
      chart.append(label, rect, count);
    });
    figure.append(chart, this.#legend(picture.legend, screen), el('figcaption', 'caption', screen.ui.overviewCaption));
    return figure;
  }

  #partner(body, screen) {
    const s = body.summary;
    const ui = screen.ui;
    const nodes = [];
    const back = button('back', ui.allPartnersBack, () => this.#send({ type: 'back' }));
    back.dataset.key = 'back';
    back.setAttribute('part', 'back');
    const heading = el('h3', 'partner-title', s.name);
    heading.tabIndex = -1;
    heading.dataset.key = 'partner-title';
    const meta = [s.region, body.totalLabel];
    if (s.currentTone) meta.push(`${ui.latestTone}: ${screen.toneLabels[s.currentTone]}`);
    nodes.push(back, heading, el('p', 'meta', meta.join(' · ')));

    if (body.strip.segments.length) nodes.push(this.#toneStrip(body.strip, screen));
    else nodes.push(el('p', 'meta', body.strip.text));

    if (s.figures.length) {
      const section = el('section', 'figures');
      section.append(el('h4', 'section-title', ui.keyFigures));
      const list = el('ul', 'figure-list');
      for (const figure of s.figures) {
        const li = el('li', 'figure');
        li.append(el('span', 'figure-value', figure.value), el('span', 'figure-title', ` ${figure.title}`), el('span', 'figure-date', ` · ${figure.dateLabel}`));
        if (figure.disputed) li.append(this.#differ(ui));
        li.append(this.#sourceList(figure.sources, ui));
        list.append(li);
      }
      section.append(list);
      nodes.push(section);
    }
    if (s.membership) nodes.push(el('p', 'membership', s.membership.summary));
    if (s.sharedOrganisations.length) {
      nodes.push(el('p', 'meta', `${ui.namedWith}: ${s.sharedOrganisations.map((c) => c.label).join(', ')}`));
    }

    const events = el('section', 'events-section');
    const head = el('div', 'list-head');
    head.append(el('h4', 'section-title', body.totalLabel), this.#orderButton(body.oldestFirst, ui));
    events.append(head, this.#hitList(body.events, screen));
    if (body.moreLabel) events.append(this.#moreButton(body.moreLabel));
    nodes.push(events);
    return nodes;
  }

  #toneStrip(strip, screen) {
    const figure = el('figure', 'strip');
    const width = 320;
    const lane = 22;
    const height = strip.lanes * lane;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': strip.text, class: 'tone-strip' });
    for (const segment of strip.segments) {
      const x = segment.start * width;
      const w = Math.max(2, (segment.end - segment.start) * width - 1);
      const rect = svg('rect', { x, y: segment.lane * lane, width: w, height: lane - 4, rx: 3, class: `tone-fill-${segment.tone}${segment.disputed ? ' disputed' : ''}` });
      const title = svg('title');
      title.textContent = `${segment.years}: ${screen.toneLabels[segment.tone]} — ${segment.label}${segment.disputed ? ` (${screen.ui.sourcesDiffer})` : ''}`;
      rect.append(title);
      chart.append(rect);
    }
    figure.append(chart, axis(strip.firstYear, strip.lastYear), this.#legend(strip.legend, screen), el('figcaption', 'caption', strip.text));
    return figure;
  }

  /** The key to a picture's colours: each tone as a swatch and a word. */
  #legend(tones, screen) {
    const list = el('ul', 'legend');
    list.setAttribute('aria-hidden', 'true');
    for (const tone of tones) {
      const item = el('li', 'legend-item');
      const swatch = el('span', `swatch swatch-${tone}`);
      item.append(swatch, document.createTextNode(screen.toneLabels[tone]));
      list.append(item);
    }
    return list;
  }

  #timeline(body, screen) {
    const ui = screen.ui;
    const nodes = [];
    const filters = el('div', 'filters');
    filters.setAttribute('role', 'group');
    filters.setAttribute('aria-label', ui.filters);

    const partnerLabel = el('label', 'field');
    partnerLabel.append(el('span', 'field-label', ui.partner));
    const select = el('select');
    select.dataset.key = 'partner-filter';
    select.append(new Option(ui.allPartners, ''));
    for (const choice of body.partners) {
      const option = new Option(`${choice.label} (${choice.count})`, choice.key, false, choice.selected);
      select.append(option);
    }
    select.addEventListener('change', () => this.#send({ type: 'filterPartner', code: select.value || null }));
    partnerLabel.append(select);
    filters.append(partnerLabel);

    // Themes with nothing to show cannot be chosen; both kinds always can.
    filters.append(
      this.#chips(ui.themes, body.themes, 'theme', (key) => ({ type: 'toggleTheme', theme: key }), true),
      this.#chips(ui.kinds, body.kinds, 'kind', (key) => ({ type: 'toggleKind', kind: key }), false),
    );
    filters.append(this.#yearFields(ui));
    nodes.push(filters, this.#histogram(body.histogram, ui));

    const head = el('div', 'list-head');
    const count = el('h3', 'section-title', body.totalLabel);
    count.tabIndex = -1;
    count.dataset.key = 'results-count';
    head.append(count);
    if (!this.#state.q) head.append(this.#orderButton(body.oldestFirst, ui));
    // Offered only when something is filtered (the core says when).
    if (body.filtered) {
      const clear = button('clear', ui.clearFilters, () => this.#send({ type: 'clearFilters' }));
      clear.dataset.key = 'clear';
      head.append(clear);
    }
    nodes.push(head);
    if (body.empty) {
      const empty = el('div', 'empty');
      empty.append(el('p', null, body.empty));
      const again = button('back', ui.clearTheFilters, () => this.#send({ type: 'clearFilters' }));
      again.dataset.key = 'clear-empty';
      empty.append(again);
      nodes.push(empty);
    } else {
      nodes.push(this.#hitList(body.results, screen));
      if (body.moreLabel) nodes.push(this.#moreButton(body.moreLabel));
    }
    return nodes;
  }

  /** A group of toggle buttons, one per choice, each with its count. */
  #chips(label, choices, name, message, disableEmpty) {
    const group = el('div', 'chips');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', label);
    for (const choice of choices) {
      const chip = button('chip', `${choice.label} (${choice.count})`, () => this.#send(message(choice.key)));
      chip.setAttribute('aria-pressed', String(choice.selected));
      chip.dataset.key = `${name}-${choice.key}`;
      chip.disabled = disableEmpty && choice.count === 0 && !choice.selected;
      group.append(chip);
    }
    return group;
  }

  #yearFields(ui) {
    const box = el('div', 'years');
    const field = (name, label, value) => {
      const wrap = el('label', 'field');
      wrap.append(el('span', 'field-label', label));
      const input = el('input');
      input.type = 'number';
      input.inputMode = 'numeric';
      input.min = '1700';
      input.max = '2100';
      input.value = value ?? '';
      input.dataset.key = `year-${name}`;
      input.addEventListener('change', () => {
        const from = year(box.querySelector('[data-key=year-from]').value);
        const to = year(box.querySelector('[data-key=year-to]').value);
        this.#send({ type: 'setYears', from, to });
      });
      wrap.append(input);
      return wrap;
    };
    box.append(field('from', ui.fromYear, this.#state.from), field('to', ui.toYear, this.#state.to));
    return box;
  }

  #histogram(histogram, ui) {
    const figure = el('figure', 'histogram');
    const years = histogram.years;
    const width = 320;
    const height = 60;
    const step = years.length ? width / years.length : width;
    const ranged = this.#state.from != null || this.#state.to != null;
    const chart = svg('svg', {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': histogram.text,
      class: ranged ? 'histogram-chart ranged' : 'histogram-chart',
    });
    years.forEach((bar, i) => {
      const h = Math.max(bar.count ? 2 : 0, bar.height * height);
      const rect = svg('rect', { x: i * step + 0.5, y: height - h, width: Math.max(1, step - 1), height: h, class: bar.selected ? 'year selected' : 'year' });
      const title = svg('title');
      title.textContent = `${bar.year}: ${bar.count}`;
      rect.append(title);
      // A click picks that year; the year fields widen it.
      rect.addEventListener('click', () => this.#send({ type: 'setYears', from: bar.year, to: bar.year }));
      chart.append(rect);
    });
    const ends = years.length ? axis(years[0].year, years[years.length - 1].year) : null;
    const earlier = histogram.earlier.map((bar) => {
      const pick = button('chip', `${bar.year} (${bar.count})`, () => this.#send({ type: 'setYears', from: bar.year, to: bar.year }));
      pick.dataset.key = `earlier-${bar.year}`;
      pick.setAttribute('aria-pressed', String(bar.selected));
      return pick;
    });
    if (earlier.length) {
      const box = el('div', 'earlier');
      box.append(el('span', 'field-label', `${ui.earlier}: `), ...earlier);
      figure.append(box);
    }
    figure.append(chart, ...(ends ? [ends] : []), el('figcaption', 'caption', histogram.text));
    return figure;
  }

  #figures(body, screen) {
    return body.charts.map((chart) => {
      const section = el('section', 'figure-chart');
      section.append(el('h3', 'section-title', chart.unit));
      const list = el('ol', 'figure-rows');
      for (const r of chart.rows) {
        const li = el('li', 'figure');
        li.append(el('span', 'figure-value', r.hit.value), el('span', 'figure-title', ` ${r.hit.title}`));
        li.append(el('span', 'figure-date', ` · ${r.hit.partnerNames.join(', ')} · ${r.hit.dateLabel}`));
        if (r.hit.disputed) li.append(this.#differ(screen.ui));
        li.append(this.#figureShape(r), this.#sourceList(r.hit.sources, screen.ui));
        list.append(li);
      }
      // The list says every value; the shapes only draw them on one scale.
      section.append(list);
      return section;
    });
  }

  /** One figure on its chart's scale: a bar, a faded bar when approximate,
   * a span for a range, dots for alternatives. */
  #figureShape(r) {
    const width = 320;
    const drawing = svg('svg', { viewBox: `0 0 ${width} 10`, class: 'figures-chart', 'aria-hidden': 'true', preserveAspectRatio: 'none' });
    drawing.append(svg('rect', { x: 0, y: 4, width, height: 2, class: 'scale' }));
    const mark = r.hit.disputed ? ' disputed' : '';
    if (r.shape === 'choices') {
      const [a, b] = [Math.min(...r.points), Math.max(...r.points)];
      drawing.append(svg('line', { x1: a * width, x2: b * width, y1: 5, y2: 5, class: `choice-line${mark}` }));
      for (const p of r.points) drawing.append(svg('rect', { x: Math.max(0, p * width - 4), y: 1, width: 8, height: 8, rx: 4, class: `choice${mark}` }));
    } else {
      const x = r.start * width;
      drawing.append(svg('rect', { x, y: 1, width: Math.max(3, (r.end - r.start) * width), height: 8, rx: 2, class: `value ${r.shape}${mark}` }));
    }
    return drawing;
  }

  #sources(body, screen) {
    const ui = screen.ui;
    const nodes = [];
    const list = el('ul', 'source-cards');
    for (const source of body.sources) {
      const li = el('li', 'source-card');
      li.append(el('h3', 'source-title', source.title));
      li.append(el('p', 'meta', `${source.publisher} · ${ui.asOf} ${source.asOf}${source.licence ? ` · ${source.licence}` : ''}`));
      li.append(el('p', 'reliability', source.reliability));
      li.append(el('p', 'meta', source.citedLabel));
      list.append(li);
    }
    nodes.push(list);
    if (body.disputes.length) {
      nodes.push(el('h3', 'section-title', ui.whereSourcesDiffer));
      for (const dispute of body.disputes) {
        const section = el('section', 'dispute');
        section.append(el('p', 'dispute-topic', dispute.topic));
        const claims = el('ul', 'claims');
        for (const claim of dispute.claims) claims.append(this.#hit(claim, screen));
        section.append(claims);
        nodes.push(section);
      }
    }
    return nodes;
  }

  #hitList(hits, screen) {
    const list = el('ol', 'events');
    for (const hit of hits) list.append(this.#hit(hit, screen));
    return list;
  }

  #hit(hit, screen) {
    const ui = screen.ui;
    const item = el('li', 'event');
    item.setAttribute('part', 'event');
    const date = el('p', 'event-date', hit.dateLabel);
    if (hit.disputed) date.append(this.#differ(ui));
    const title = el('h4', 'event-title', hit.title);
    item.append(date, title);
    if (hit.value) item.append(el('p', 'event-value', hit.value));
    item.append(el('p', 'event-summary', hit.summary));
    const tags = [ui[hit.kind], ...hit.themes.map((t) => screen.themeLabels[t])];
    if (hit.asOf) tags.push(`${ui.asOf} ${hit.asOf}`);
    item.append(el('p', 'event-tags', tags.join(' · ')));
    if (hit.partnerNames.length > 1) item.append(el('p', 'event-parties', `${ui.with} ${hit.partnerNames.join(', ')}`));
    item.append(this.#sourceList(hit.sources, ui));
    return item;
  }

  #differ(ui) {
    const mark = el('span', 'differ', ui.sourcesDiffer);
    mark.setAttribute('part', 'differ');
    return mark;
  }

  #sourceList(sources, ui) {
    const list = el('ul', 'event-sources');
    list.setAttribute('aria-label', ui.sources);
    for (const source of sources) {
      const li = el('li', 'source');
      li.append(
        el('span', 'source-label', `${ui.source}: `),
        el('cite', 'source-title', source.title),
        document.createTextNode(`, ${source.publisher} (${ui.asOf} ${source.asOf}), ${source.locator}`),
      );
      list.append(li);
    }
    return list;
  }

  /** Downloads of what the reader sees, and a citation to copy. */
  #footer(ui) {
    const footer = el('footer', 'footer');
    footer.setAttribute('part', 'footer');
    const save = (format, type) => {
      const text = this.#relations.download(this.#state, format);
      const link = el('a');
      link.href = URL.createObjectURL(new Blob([text], { type }));
      link.download = `relations-${this.#state.partner ?? this.#state.view ?? 'overview'}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      this.#status.textContent = `${ui.downloaded} ${link.download}`;
    };
    const csv = button('tool', ui.downloadCsv, () => save('csv', 'text/csv'));
    csv.dataset.key = 'download-csv';
    const json = button('tool', ui.downloadJson, () => save('json', 'application/json'));
    json.dataset.key = 'download-json';
    const cite = button('tool', ui.copyCitation, async () => {
      const today = new Date().toLocaleDateString(this.#locale(), { day: 'numeric', month: 'long', year: 'numeric' });
      const text = this.#relations.citation(this.#state, location.href, today, this.#locale());
      try {
        await navigator.clipboard.writeText(text);
        this.#status.textContent = ui.citationCopied;
      } catch {
        // No clipboard (an insecure page, a refusal): show it to copy by hand.
        const box = el('textarea', 'citation');
        box.readOnly = true;
        box.value = text;
        box.rows = 7;
        box.setAttribute('aria-label', ui.citation);
        footer.append(box);
        box.select();
      }
    });
    cite.dataset.key = 'cite';
    footer.append(csv, json, cite);
    return footer;
  }

  #orderButton(oldestFirst, ui) {
    const order = button('order', oldestFirst ? ui.oldestFirst : ui.newestFirst, () => this.#send({ type: 'toggleOrder' }));
    order.dataset.key = 'order';
    order.setAttribute('aria-label', oldestFirst ? ui.changeOrderOldest : ui.changeOrderNewest);
    return order;
  }

  /** The language of the card: its own `lang`, else the page's. */
  #locale() {
    return this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  #moreButton(label) {
    const node = button('more', label, () => this.#send({ type: 'showMore' }));
    node.dataset.key = 'more';
    return node;
  }
}

// Registering is separate from the class and tolerates a second copy of this
// script on the page.
if (!customElements.get('relations-card')) {
  customElements.define('relations-card', RelationsCard);
}
