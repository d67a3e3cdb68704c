// <relations-card>'s lifecycle: attributes in, one Frame from the core out.
// The core (pkg/, src/view/) decides the state, the words and what each
// action does; this class draws its Frames and sends the reader's actions back.
import { styles } from './assets.js';
import { afterTrap, coreGeneration, DatasetError, drawingEarly, inTurn, loadCore, loadDataset, loadMap, loadTexts, mapShapes, prepareSearchWhenIdle } from './load.js';
import { problemBox } from './dom.js';
import { render, showSlot } from './render.js';
import firstViews from '../../pkg/first-views.js';

const STATE_ATTRIBUTES = ['view', 'partner', 'theme', 'from', 'to', 'q'];
/** What the core reads: the state's attributes, and the frame's height (not reflected, not in the URL). */
const CARD_ATTRIBUTES = [...STATE_ATTRIBUTES, 'height'];

/** The frame's place on the page, taken the moment the element is made,
 * before its stylesheet arrives: the article below keeps still. (A
 * constructed sheet, which a strict CSP allows; the stylesheet says the rest.) */
let reservation = null;
function reserve() {
  if (!reservation) {
    reservation = new CSSStyleSheet();
    reservation.replaceSync(':host{display:block}@media not print{.card{box-sizing:border-box;block-size:var(--rc-height,640px)}}');
  }
  return reservation;
}
let ids = 0;

/** A year attribute as a number, or null when absent or not a year. */
function year(text) {
  return /^-?\d{1,4}$/.test(text ?? '') ? Number(text) : null;
}

/** The reader's date, for the citation: their calendar day, not UTC's. */
function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}


export class RelationsCard extends HTMLElement {
  static observedAttributes = [...CARD_ATTRIBUTES, 'src', 'own-data', 'lang'];

  #root;
  #article;
  #status;
  #stylesReady;
  #prefix = `rc${++ids}`;
  /** The core's card for the current src; null until the core is up. */
  #card = null;
  #relations = null;
  /** The dataset loaded: its src, '' for the built-in one, null for none (own-data without a src). */
  #loadedSrc = undefined;
  /** The dataset's title as the card last showed it. */
  #datasetTitle = '';
  /** Names not the card's were said in the console (once per element). */
  #attributesChecked = false;
  /** The language of the built-in dataset's texts loaded (null: its own). */
  #loadedLanguage = null;
  /** Lets go of the dataset this card last asked for (a fetch no card wants is cancelled). */
  #release = null;
  /** What Escape does in the card, as the last screen said. */
  #escape = null;
  #queued = false;
  /** Attributes changed that the core has not read yet (set while disconnected). */
  #stale = false;
  #reflecting = false;
  #announcedReady = false;
  /** A first view made ahead of time is on screen; the core is not here yet. */
  #early = false;
  /** What the reader did on the early view, for the core once it is here. */
  #pending = [];
  #markedFirstView = false;
  /** The core instance this card's Card lives in (see coreGeneration). */
  #generation = -1;
  /** The core trapped under this card: say so once it is made again. */
  #trapped = false;
  /** Ready while out of the page: said when the card is back. */
  #readyUnheard = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [reserve()];
    // The stylesheet and the live region stay put across renders: styles
    // never flash, and announcements are heard.
    const sheet = styles();
    // The first view waits for the styles, so it never shows unstyled.
    this.#stylesReady = sheet.localName === 'link'
      ? new Promise((resolve) => {
          sheet.addEventListener('load', resolve, { once: true });
          sheet.addEventListener('error', resolve, { once: true });
        })
      : Promise.resolve();
    this.#article = document.createElement('article');
    this.#article.className = 'card';
    this.#article.setAttribute('part', 'card');
    this.#status = document.createElement('p');
    this.#status.className = 'visually-hidden';
    this.#status.setAttribute('role', 'status');
    this.#root.append(sheet, this.#article, this.#status);
    this.#article.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#escape !== null) this.#send(this.#escape);
    });
  }

  /** The whole state (a copy): view, partner, themes, kinds, from, to, q… */
  get state() {
    return (this.#card && this.#attempt(() => this.#card.state())) || {};
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
  /** The frame's height: `auto`, pixels, or a CSS length (640px by default). */
  get height() { return this.getAttribute('height') ?? ''; }
  set height(value) { this.#setAttribute('height', value); }
  /** URL of a dataset to show instead of the built-in one. */
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.#setAttribute('src', value); }
  /** The title of the dataset shown, in the card's language (what its
   * heading says); empty until one is shown. */
  get datasetTitle() { return this.#datasetTitle; }
  /** The page brings its own dataset (in src): the built-in one is never shown. */
  get ownData() { return this.hasAttribute('own-data'); }
  set ownData(value) { this.toggleAttribute('own-data', Boolean(value)); }

  /** The dataset this card is to show: its src, '' for the built-in one,
   * null for none (own-data, and no src to say which). */
  #wanted() {
    return this.src === '' && this.ownData ? null : this.src;
  }

  #setAttribute(name, value) {
    if (value === null || value === undefined || value === '') this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  connectedCallback() {
    if (this.#readyUnheard) {
      this.#readyUnheard = false;
      queueMicrotask(() => this.#fireReady());
    }
    const fromUrl = this.hasAttribute('url-state') && this.#readUrl();
    if (this.#wanted() !== this.#loadedSrc) return this.#load();
    // Moved in the page: only what changed meanwhile needs the core.
    if (fromUrl || this.#stale) this.#queueAttributes();
  }

  attributeChangedCallback(name) {
    if (this.#reflecting) return;
    if (name === 'src' || name === 'own-data') {
      if (this.isConnected && this.#wanted() !== this.#loadedSrc) this.#load();
      return;
    }
    // A new language whose dataset texts the card does not have: loaded again
    // (the state is in the attributes); otherwise only its words change.
    if (name === 'lang' && this.isConnected && this.#loadedSrc === '' && this.#textsLanguage() !== this.#loadedLanguage) {
      this.#load();
      return;
    }
    this.#queueAttributes();
  }

  /** With `url-state`, the page's URL fragment holds the state, so a link
   * opens the same view: `#view=partner&partner=IR`, or with the card's id
   * as a prefix (`#map.view=…`) when the page has several cards. */
  #urlPrefix() {
    return this.id ? `${this.id}.` : '';
  }

  /** Reads the fragment into the attributes; true when one changed. */
  #readUrl() {
    const params = new URLSearchParams(location.hash.slice(1));
    let changed = false;
    this.#reflecting = true;
    for (const name of STATE_ATTRIBUTES) {
      const value = params.get(this.#urlPrefix() + name);
      if (value === null || value === this.getAttribute(name)) continue;
      this.#setAttribute(name, value);
      changed = true;
    }
    this.#reflecting = false;
    return changed;
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

  #attributes() {
    return Object.fromEntries(CARD_ATTRIBUTES.map((name) => [name, this.getAttribute(name)]));
  }

  /** The language of the card: its own `lang`, else the nearest ancestor's,
   * else the page's. The core picks the nearest one it knows. */
  #locale() {
    return this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || '';
  }

  /** Loads the core, then the dataset at `src`; until then, the page's text,
   * or for a bare card on the built-in data, its first view made ahead of
   * time by the core (pkg/first-views.js), which takes the reader's actions
   * and hands them to the core when it is here. */
  #load() {
    const src = this.#wanted();
    this.#loadedSrc = src;
    this.#card = null;
    this.#relations = null;
    this.#escape = null;
    this.#stale = false;
    this.#early = false;
    this.#pending = [];
    showSlot(this.#article);
    // After the task that made the element, which may still set its attributes.
    if (src === '') queueMicrotask(() => this.#showEarly(src));
    // The built-in dataset's texts in the card's language are asked for now, beside the wasm.
    const language = src === '' ? this.#textsLanguage() : null;
    this.#loadedLanguage = language;
    if (language) loadTexts(language).catch(() => {});
    this.#release?.();
    // own-data and no src: no dataset to load, and the built-in one is not wanted.
    const { dataset, release } = src === null ? { dataset: null, release: null } : loadDataset(src, language);
    this.#release = release;
    loadCore().then(
      (glue) => {
        if (this.#loadedSrc !== src) return;
        this.#checkAttributes(glue);
        this.#generation = coreGeneration();
        const card = this.#attempt(() => new glue.Card(this.#attributes(), this.#locale(), Boolean(src)));
        if (!card) return;
        this.#card = card;
        if (dataset === null) {
          console.error('relations-card: own-data is set and src is not, so there is no dataset to show');
          this.#apply(this.#attempt(() => card.fail({ url: '', reason: 'noSrc', status: null, bytes: null, detail: null })));
          return;
        }
        // The early view stays until the dataset's view replaces it.
        if (!this.#early) this.#apply(this.#attempt(() => card.frame()));
        Promise.all([dataset, this.#stylesReady]).then(
          ([relations]) => inTurn(() => {
            if (this.#card !== card) return;
            this.#relations = relations;
            this.#early = false;
            if (this.#trapped) {
              // Said in the reader's language by the fresh core, with a way to start again.
              this.#trapped = false;
              this.#pending = [];
              this.#apply(this.#attempt(() => card.fail({ url: '', reason: 'internal', status: null, bytes: null, detail: null })));
              return;
            }
            this.#applyAll([this.#attempt(() => card.show(relations)), ...this.#pending.splice(0).map((msg) => this.#answer(card, msg))]);
          }),
          (error) => {
            if (this.#card !== card || error?.failure?.reason === 'cancelled') return;
            this.#early = false;
            console.error(`relations-card: ${error?.message ?? error}`);
            if (error instanceof DatasetError) this.#apply(this.#attempt(() => card.fail(error.failure)));
          },
        );
      },
      // Without the core there are no words to say it in: the page's text stays.
      (error) => {
        if (this.#loadedSrc !== src) return;
        console.error(`relations-card: could not load the WebAssembly: ${error?.message ?? error}`);
        // An early view stays, said to be still: its buttons cannot answer.
        if (this.#early) this.#sayNoCore();
      },
    );
  }

  /** Warns, once, of each attribute the card does not read, with the
   * nearest one it does (a misspelt src would otherwise pass in silence). */
  #checkAttributes(glue) {
    if (this.#attributesChecked) return;
    this.#attributesChecked = true;
    for (const warning of glue.unknownAttributes(this.getAttributeNames().join(' '))) console.warn(`relations-card: ${warning}`);
  }

  /** Draws the first view made ahead of time, if there is one for this card. */
  #showEarly(src) {
    const early = this.#loadedSrc === src && !this.#card ? this.#firstView() : null;
    if (!early) return;
    // The map's shapes are asked for now, not once the styles are here.
    if (early.screen.body.map) loadMap();
    drawingEarly(this.#stylesReady.then(() => {
      if (this.#loadedSrc !== src || this.#relations || !this.#bare()) return;
      this.#early = true;
      this.#apply({ ...early, ready: false });
      return this.#markFirstView(early.screen);
    }));
  }

  #sayNoCore() {
    this.#early = false;
    this.#pending = [];
    this.#article.querySelector('.panel')?.prepend(problemBox('p', firstViews.noCore[this.#catalogue()]));
  }

  /** The first view made ahead of time for this card, if it is a bare one
   * (no attribute the core reads; a `src` is checked by the caller). */
  #firstView() {
    if (!this.#bare()) return null;
    const frame = firstViews.frames[this.#catalogue()];
    return frame ? JSON.parse(frame) : null;
  }

  /** The catalogue the core speaks for the card's language, by the core's table. */
  #catalogue() {
    const language = this.#locale().split(/[-_]/)[0].toLowerCase();
    return firstViews.languages[language] ?? firstViews.fallback;
  }

  /** The language the built-in dataset's texts are wanted in, when the
   * dataset has them apart (null: its own). */
  #textsLanguage() {
    const language = this.#catalogue();
    return firstViews.texts.includes(language) ? language : null;
  }

  #bare() {
    return !CARD_ATTRIBUTES.some((name) => this.hasAttribute(name));
  }

  /** A User Timing mark when the first view is on the page, its map's shapes
   * drawn, made ahead of time or not (what `make bench-card` times); a
   * promise of it while the map is on its way. */
  #markFirstView(screen) {
    if (this.#markedFirstView) return;
    this.#markedFirstView = true;
    const mark = () => { performance.mark('relations-card-first-view'); };
    if (screen?.body?.map && !mapShapes) return loadMap().then(mark, mark);
    mark();
  }

  /** Several attribute changes in one task reach the core as one. */
  #queueAttributes() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      // Before the core's card exists, it is made from the attributes as they are then.
      if (!this.#card) return;
      if (!this.isConnected) {
        this.#stale = true;
        return;
      }
      this.#stale = false;
      const card = this.#card;
      this.#apply(this.#attempt(() => card.setAttributes(this.#attributes(), this.#locale())));
    });
  }

  /** A reader's action: exactly one call into the core (kept for it while
   * the early view stands in). */
  #send(msg) {
    const card = this.#card;
    if (this.#early) this.#pending.push(msg);
    else if (card) this.#apply(this.#answer(card, msg));
  }

  #answer(card, msg) {
    return this.#attempt(() => card.send(msg, this.#locale(), location.href, today()));
  }

  /** A call into the core. A throw (a bug there) is said on the console and
   * leaves the card as it was instead of breaking the page. After a trap
   * (the WebAssembly stopped mid-call) no object it made can be trusted:
   * this card makes itself again and says so, and every other card makes
   * itself again, quietly, before its next call. */
  #attempt(call) {
    if (this.#generation !== coreGeneration()) {
      this.#load();
      return null;
    }
    try {
      return call();
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        console.error(`relations-card: internal error in the WebAssembly (${error.message}); the card starts again`, error);
        afterTrap();
        this.#trapped = true;
        this.#load();
        return null;
      }
      console.error(`relations-card: ${error?.message ?? error}`);
      return null;
    }
  }

  /** Frames answered in one go (the first view, then what the reader did on
   * the early one): each is done, and only the last screen is drawn, so the
   * search box's text and caret are the reader's. */
  #applyAll(frames) {
    const last = frames.findLastIndex((frame) => frame?.screen);
    frames.forEach((frame, i) => this.#apply(frame && i !== last ? { ...frame, screen: null } : frame));
  }

  /** Does what a Frame says, in the order hosts saw it before: attributes,
   * the change event, the drawing, then what the reader hears. */
  #apply(frame) {
    if (!frame) return;
    for (const warning of frame.warnings) console.warn(`relations-card: ${warning}`);
    if (frame.attributes) {
      this.#reflecting = true;
      for (const name of STATE_ATTRIBUTES) this.#setAttribute(name, frame.attributes[name]);
      this.#reflecting = false;
      if (this.hasAttribute('url-state')) this.#writeUrl();
    }
    if (frame.height === null) this.#article.style.removeProperty('--rc-height');
    else this.#article.style.setProperty('--rc-height', frame.height);
    if (frame.changed) {
      this.dispatchEvent(new CustomEvent('relations-card-change', { bubbles: true, composed: true, detail: frame.state }));
    }
    if (frame.screen) this.#draw(frame.screen, frame.focus);
    else if (frame.focus !== null) this.#focus(frame.focus, null);
    if (frame.ready && !this.#announcedReady) {
      // Hosts (and the load benchmark) learn when the card is up, the core
      // answering: a map's with its shapes drawn (they come after the view).
      this.#announcedReady = true;
      // A card out of the page then says it once it is back, so the page hears it.
      const ready = () => {
        if (this.isConnected) this.#fireReady();
        else this.#readyUnheard = true;
      };
      if (frame.screen?.body?.map && !mapShapes) loadMap().then(ready, ready);
      else ready();
      this.#markFirstView(frame.screen);
    }
    if (frame.ready) prepareSearchWhenIdle(this.#relations);
    if (frame.announcement !== null) this.#announce(frame.announcement);
    if (frame.effect) this.#perform(frame.effect);
  }

  #fireReady() {
    this.dispatchEvent(new CustomEvent('relations-card-ready', { bubbles: true, composed: true }));
  }

  /** Draws a screen; focus (and a text box's caret) stays where it was,
   * found again by its data-key, unless the core moves it. */
  #draw(screen, focusTo) {
    const active = this.#root.activeElement;
    const key = focusTo ?? active?.dataset?.key;
    const caret = focusTo === null ? active?.selectionStart ?? null : null;
    this.#escape = screen.escape;
    this.#datasetTitle = screen.header?.title ?? '';
    render(this.#article, screen, this.#prefix, (msg) => this.#send(msg));
    if (key) this.#focus(key, caret);
  }

  #focus(key, caret) {
    const target = this.#root.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (!target) return;
    // Within the card's frame, the target is scrolled to; the page moves only if it must.
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
    if (caret !== null && 'setSelectionRange' in target) target.setSelectionRange(caret, caret);
  }

  #announce(text) {
    if (this.#status.textContent !== text) this.#status.textContent = text;
  }

  #perform(effect) {
    if (effect.kind === 'download') {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([effect.text], { type: effect.mime }));
      link.download = effect.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    } else if (effect.kind === 'copy') {
      this.#copy(effect);
    } else if (effect.kind === 'retry') {
      this.#load();
    } else {
      console.error(`relations-card: no way to perform an effect of kind ${effect.kind}`);
    }
  }

  async #copy(effect) {
    try {
      await navigator.clipboard.writeText(effect.text);
      this.#announce(effect.copied);
    } catch {
      // No clipboard (an insecure page, a refusal): show it to copy by hand.
      const box = document.createElement('textarea');
      box.className = 'citation';
      box.readOnly = true;
      box.value = effect.text;
      box.rows = 7;
      box.setAttribute('aria-label', effect.label);
      (this.#article.querySelector('footer') ?? this.#article).append(box);
      box.select();
    }
  }
}
