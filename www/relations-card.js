// <relations-card>: shows a country's foreign relations from the Rust core.
// The WebAssembly loads once per page and every card shares it; the core
// decides what to show (its view model), this file only builds elements.
// Dataset strings only ever reach the page as text (textContent), never markup.
import init, { Relations } from './pkg/relations_card.js';

let corePromise = null;

/** The shared core: one fetch and one instance of the wasm per page. */
function loadCore() {
  corePromise ??= init().then(() => Relations.builtin());
  return corePromise;
}

const STYLESHEET = new URL('./relations-card.css', import.meta.url).href;

/** Creates an element with a class and, optionally, text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

function yearSpan(item) {
  if (item.firstYear == null) return '';
  return item.firstYear === item.lastYear ? `${item.firstYear}` : `${item.firstYear}–${item.lastYear}`;
}

export class RelationsCard extends HTMLElement {
  static observedAttributes = ['partner'];

  #root;
  #card;
  #relations = null;
  #failure = null;
  #renderQueued = false;
  #focusAfterRender = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    // The stylesheet link stays put across renders so styles never flash.
    const link = el('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    this.#card = el('article', 'card');
    this.#card.setAttribute('part', 'card');
    this.#root.append(link, this.#card);
  }

  /** The partner code whose events are shown; empty for the overview. */
  get partner() {
    return this.getAttribute('partner') ?? '';
  }

  set partner(code) {
    if (code) this.setAttribute('partner', String(code));
    else this.removeAttribute('partner');
  }

  connectedCallback() {
    if (!this.#relations && !this.#failure) this.#showLoading();
    loadCore().then(
      (relations) => {
        this.#relations = relations;
        this.#queueRender();
      },
      (error) => {
        this.#failure = error;
        console.error('relations-card: could not load its data:', error);
        this.#queueRender();
      },
    );
  }

  attributeChangedCallback() {
    this.#queueRender();
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

  #frame() {
    this.#card.replaceChildren();
    this.#card.removeAttribute('aria-labelledby');
    return this.#card;
  }

  #showLoading() {
    const card = this.#frame();
    const status = el('p', 'status', 'Loading foreign relations…');
    status.setAttribute('role', 'status');
    card.append(status);
  }

  #showProblem(card, message) {
    const problem = el('p', 'problem', message);
    problem.setAttribute('role', 'alert');
    card.append(problem);
  }

  #render() {
    if (!this.isConnected) return;
    const card = this.#frame();
    if (this.#failure) {
      this.#showProblem(card, `This card could not load its data: ${this.#failure.message ?? this.#failure}`);
      return;
    }
    if (!this.#relations) return this.#showLoading();

    const overview = this.#relations.overview();
    const header = el('header', 'header');
    header.setAttribute('part', 'header');
    const title = el('h2', 'title', overview.title);
    title.id = 'card-title';
    card.setAttribute('aria-labelledby', 'card-title');
    header.append(
      title,
      el(
        'p',
        'meta',
        `${plural(overview.partners.length, 'partner', 'partners')} · ${plural(overview.eventCount, 'event', 'events')} · ${plural(overview.sourceCount, 'source', 'sources')}`,
      ),
    );
    card.append(header);

    const code = this.partner;
    if (code) {
      let view;
      try {
        view = this.#relations.partnerView(code);
      } catch (error) {
        console.warn(`relations-card: partner="${code}":`, error.message ?? error);
        this.#showProblem(card, `There is no partner “${code}” in this dataset.`);
        card.append(this.#backButton());
        return;
      }
      card.append(this.#partnerSection(view));
    } else {
      card.append(this.#overviewSection(overview));
    }
    this.#restoreFocus();
  }

  #overviewSection(overview) {
    const nav = el('nav', 'partners');
    nav.setAttribute('aria-label', 'Partners');
    const list = el('ul', 'partner-list');
    for (const item of overview.partners) {
      const button = el('button', 'partner');
      button.type = 'button';
      button.dataset.code = item.code;
      button.setAttribute('part', 'partner');
      const detail = [item.region, plural(item.eventCount, 'event', 'events'), yearSpan(item)].filter(Boolean);
      button.append(el('span', 'partner-name', item.name), el('span', 'partner-detail', detail.join(' · ')));
      button.addEventListener('click', () => this.#choose(item.code));
      const li = el('li');
      li.append(button);
      list.append(li);
    }
    nav.append(list);
    return nav;
  }

  #partnerSection(view) {
    const section = el('section', 'partner-view');
    section.setAttribute('aria-labelledby', 'partner-title');
    const heading = el('h3', 'partner-title', view.partner.name);
    heading.id = 'partner-title';
    heading.tabIndex = -1;
    const span = yearSpan(view.partner);
    const summary = `${plural(view.events.length, 'event', 'events')}${span ? `, ${span}` : ''} · ${view.partner.region}`;
    section.append(this.#backButton(), heading, el('p', 'meta', summary));

    if (view.events.length === 0) {
      section.append(el('p', 'empty', 'No dated events with this partner in the dataset yet.'));
      return section;
    }
    const list = el('ol', 'events');
    for (const event of view.events) list.append(this.#eventItem(event));
    section.append(list);
    return section;
  }

  #eventItem(event) {
    const item = el('li', 'event');
    item.setAttribute('part', 'event');
    const date = el('p', 'event-date', event.dateLabel);
    const title = el('h4', 'event-title', event.title);
    const summary = el('p', 'event-summary', event.summary);
    const tags = el('p', 'event-tags', [event.kind === 'agreement' ? 'Agreement' : 'Event', ...event.themes].join(' · '));
    item.append(date, title, summary, tags);
    if (event.partners.length > 1) item.append(el('p', 'event-parties', `With ${event.partners.join(', ')}`));

    const sources = el('ul', 'event-sources');
    sources.setAttribute('aria-label', 'Sources');
    for (const source of event.sources) {
      const li = el('li', 'source');
      li.append(
        el('span', 'source-label', 'Source: '),
        el('cite', 'source-title', source.title),
        document.createTextNode(`, ${source.publisher} (as of ${source.asOf}), ${source.locator}`),
      );
      sources.append(li);
    }
    item.append(sources);
    return item;
  }

  #backButton() {
    const back = el('button', 'back', '← All partners');
    back.type = 'button';
    back.setAttribute('part', 'back');
    back.addEventListener('click', () => this.#choose(''));
    return back;
  }

  #choose(code) {
    const previous = this.partner;
    // Focus follows the reader: into the opened partner, back to its button.
    this.#focusAfterRender = code ? '#partner-title' : previous ? `button[data-code="${CSS.escape(previous)}"]` : null;
    this.partner = code;
    this.dispatchEvent(
      new CustomEvent('relations-card-change', { bubbles: true, composed: true, detail: { partner: code } }),
    );
  }

  #restoreFocus() {
    const selector = this.#focusAfterRender;
    this.#focusAfterRender = null;
    if (selector) this.#root.querySelector(selector)?.focus();
  }
}

// Registering is separate from the class and tolerates a second copy of this
// script on the page.
if (!customElements.get('relations-card')) {
  customElements.define('relations-card', RelationsCard);
}
