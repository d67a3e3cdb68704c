// Turns the core's Screen (pkg/relations_card_types.d.ts, generated from src/view/) into the card's elements. It decides
// nothing and writes no text of its own: what shows, in what words, and what
// each control sends all come from the Screen; this file only builds the DOM.
import { barChart, figureShape, histogram, toneStrip, worldMap } from './charts.js';
import { button, el, heading, problemBox } from './dom.js';

/** Until the core has something to say, the text the page put inside the
 * element shows (in the page's own language); an ellipsis when there is none. */
export function showSlot(article) {
  if (article.firstElementChild?.localName === 'slot') return;
  const slot = el('slot', 'status', '…');
  slot.setAttribute('role', 'status');
  article.removeAttribute('aria-labelledby');
  article.removeAttribute('lang');
  article.removeAttribute('dir');
  article.replaceChildren(slot);
}

/** Draws `screen` into the card's article. `prefix` keeps ids unique on a
 * page with several cards; `send` takes a message back to the core. */
export function render(article, screen, prefix, send) {
  const body = screen.body;
  if (body.kind === 'loading' && body.text === null) return showSlot(article);
  article.lang = screen.locale;
  article.dir = screen.dir;
  if (!screen.header) {
    // Loading or failed: no views yet, only what is happening.
    article.removeAttribute('aria-labelledby');
    article.replaceChildren(...screen.alerts.map((text) => problemBox('p', text)), ...bodyNodes(body, prefix, send));
    if (screen.footer.length) article.append(footer(screen.footer, send));
    return;
  }
  article.setAttribute('aria-labelledby', `${prefix}-title`);
  // Redrawn in the same place, the frame keeps its scroll.
  const before = article.querySelector(':scope > .panel');
  const scroll = before && article.dataset.place === screen.place ? before.scrollTop : 0;
  article.dataset.place = screen.place;
  const panel = el('div', 'panel');
  panel.id = `${prefix}-panel`;
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('aria-labelledby', `${prefix}-title`);
  panel.append(...bodyNodes(body, prefix, send));
  if (screen.cited) panel.append(citedSources(screen.cited));
  article.replaceChildren(
    header(screen.header, prefix, send),
    ...screen.alerts.map((text) => problemBox('p', text)),
    panel,
    footer(screen.footer, send),
  );
  panel.scrollTop = scroll;
}

function header(h, prefix, send) {
  const node = el('header', 'header');
  node.setAttribute('part', 'header');
  const title = el('h2', 'title', h.title);
  title.id = `${prefix}-title`;
  node.append(title, el('p', 'meta', h.subtitle));

  const tabs = el('div', 'tabs');
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', h.tabs.label);
  for (const tab of h.tabs.items) {
    const b = el('button', 'tab', tab.label);
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(tab.selected));
    b.setAttribute('aria-controls', `${prefix}-panel`);
    b.tabIndex = tab.selected ? 0 : -1;
    b.dataset.key = tab.key;
    b.setAttribute('part', 'tab');
    b.addEventListener('click', () => send(tab.msg));
    tabs.append(b);
  }
  // Arrow keys move between tabs, as in every tab list.
  tabs.addEventListener('keydown', (event) => {
    const all = [...tabs.querySelectorAll('[role=tab]')];
    const at = all.indexOf(tabs.getRootNode().activeElement);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (at < 0 || to === undefined) return;
    event.preventDefault();
    const target = all[(to + all.length) % all.length];
    target.focus();
    target.click();
  });

  const s = h.search;
  const search = el('label', 'search');
  const input = el('input');
  input.type = 'search';
  input.placeholder = s.placeholder;
  input.value = s.value;
  input.dataset.key = s.key;
  input.setAttribute('part', 'search');
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.addEventListener('input', () => send({ type: 'search', q: input.value }));
  // Escape in the box clears it (when the core says so) before it closes anything else.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && s.escape !== null) {
      event.stopPropagation();
      send(s.escape);
    }
  });
  search.append(el('span', 'visually-hidden', s.label), input);

  const tools = el('div', 'tools');
  tools.append(tabs, search);
  node.append(tools);
  return node;
}

/** Downloads of what the reader sees, and a citation to copy. */
function footer(items, send) {
  const node = el('footer', 'footer');
  node.setAttribute('part', 'footer');
  node.append(...items.map((b) => button('tool', b, send)));
  return node;
}

function bodyNodes(body, prefix, send) {
  switch (body.kind) {
    case 'loading': {
      const status = el('p', 'status', body.text);
      status.setAttribute('role', 'status');
      return [status];
    }
    case 'failure': {
      const box = problemBox('div');
      box.append(el('p', null, body.message));
      if (body.details.length) {
        const list = el('ul', 'problem-list');
        list.append(...body.details.map((line) => el('li', null, line)));
        box.append(list);
      }
      return body.retry ? [box, button('retry', body.retry, send)] : [box];
    }
    case 'problem': return [problemBox('p', body.message), button('back', body.button, send)];
    case 'overview': return overview(body, prefix, send);
    case 'partner': return partner(body, send);
    case 'timeline': return timeline(body, prefix, send);
    case 'figures': {
      const nodes = body.charts.map((chart) => {
        const section = el('section', 'figure-chart');
        const list = el('ol', 'figure-rows');
        list.append(...chart.items.map((line) => figureLine(line, send)));
        // The list says every value; the shapes only draw them on one scale.
        section.append(el('h3', 'section-title', chart.unit), list);
        return section;
      });
      if (body.more) nodes.push(button('more', body.more, send));
      return nodes;
    }
    case 'sources': return sources(body, send);
    default:
      console.error(`relations-card: no way to draw a body of kind ${body.kind}`);
      return [];
  }
}

function overview(body, prefix, send) {
  // The map or the list, and the way to the other one tap away.
  const head = el('div', 'overview-head');
  head.append(button('layout', body.switch, send));
  if (body.map) return [head, worldMap(body.map, send)];
  const nodes = body.regions.map((region) => {
    const section = el('section', 'region');
    const title = el('h3', 'region-title', region.title);
    title.id = `${prefix}-${region.id}`;
    section.setAttribute('aria-labelledby', title.id);
    const list = el('ul', 'partner-list');
    for (const p of region.partners) {
      const b = el('button', 'partner');
      b.type = 'button';
      b.dataset.key = p.key;
      b.dataset.code = p.code;
      b.setAttribute('part', 'partner');
      b.append(el('span', 'partner-name', p.name), el('span', 'partner-detail', p.detail));
      if (p.tone !== null) {
        const badge = el('span', `tone tone-${p.tone}`, p.toneLabel);
        badge.setAttribute('part', 'tone');
        b.append(badge);
      }
      b.addEventListener('click', () => send(p.msg));
      const li = el('li');
      li.append(b);
      list.append(li);
    }
    section.append(title, list);
    return section;
  });
  nodes.push(barChart(body.picture));
  return [head, ...nodes];
}

function partner(body, send) {
  const back = button('back', body.back, send);
  back.setAttribute('part', 'back');
  const nodes = [back, heading('h3', 'partner-title', body.heading), el('p', 'meta', body.meta)];
  nodes.push(body.strip ? toneStrip(body.strip, body.stripText) : el('p', 'meta', body.stripText));
  if (body.years) nodes.push(histogram(body.years, send));
  if (body.figures) {
    const section = el('section', 'figures');
    const list = el('ul', 'figure-list');
    list.append(...body.figures.items.map((line) => figureLine(line, send)));
    section.append(el('h4', 'section-title', body.figures.title), list);
    nodes.push(section);
  }
  if (body.membership !== null) nodes.push(el('p', 'membership', body.membership));
  if (body.namedWith !== null) nodes.push(el('p', 'meta', body.namedWith));

  const e = body.events;
  const events = el('section', 'events-section');
  const head = el('div', 'list-head');
  head.append(heading('h4', 'section-title', e.heading));
  if (e.order) head.append(button('order', e.order, send));
  if (e.clear) head.append(button('clear', e.clear, send));
  events.append(head, itemList(e.items, send));
  if (e.more) events.append(button('more', e.more, send));
  nodes.push(events);
  return nodes;
}

function timeline(body, prefix, send) {
  const filters = el('div', 'filters');
  filters.setAttribute('role', 'group');
  filters.setAttribute('aria-label', body.filtersLabel);
  filters.id = `${prefix}-filters`;
  // On a narrow card the filters wait behind their button (the stylesheet hides one or the other).
  filters.dataset.open = String(body.filtersToggle.expanded);
  const toggle = button('filters-toggle', body.filtersToggle, send);
  toggle.setAttribute('aria-controls', filters.id);

  const partnerField = el('label', 'field');
  const select = el('select');
  select.dataset.key = body.partner.key;
  for (const option of body.partner.options) select.append(new Option(option.label, option.value, false, option.selected));
  // The empty value is "every partner"; the core reads it so.
  select.addEventListener('change', () => send({ type: 'filterPartner', code: select.value }));
  partnerField.append(el('span', 'field-label', body.partner.label), select);
  filters.append(partnerField);

  for (const group of body.chips) {
    const chips = el('div', 'chips');
    chips.setAttribute('role', 'group');
    chips.setAttribute('aria-label', group.label);
    chips.append(...group.items.map((b) => button('chip', b, send)));
    filters.append(chips);
  }

  // The boxes' text goes to the core as typed: it reads what is a year.
  const years = el('div', 'years');
  const inputs = body.years.map((field) => {
    const input = el('input');
    input.type = 'number';
    input.inputMode = 'numeric';
    input.min = field.min;
    input.max = field.max;
    input.value = field.value;
    input.dataset.key = field.key;
    const wrap = el('label', 'field');
    wrap.append(el('span', 'field-label', field.label), input);
    years.append(wrap);
    return input;
  });
  for (const input of inputs) {
    input.addEventListener('change', () => send({ type: 'setYears', from: inputs[0]?.value ?? null, to: inputs[1]?.value ?? null }));
  }
  filters.append(years);

  const head = el('div', 'list-head');
  head.append(heading('h3', 'section-title', body.heading));
  if (body.order) head.append(button('order', body.order, send));
  if (body.clear) head.append(button('clear', body.clear, send));

  // The picture leads: drag across it (or click a year) to pick years.
  const nodes = [histogram(body.histogram, send), toggle, filters, head];
  if (body.empty) {
    const empty = el('div', 'empty');
    empty.append(el('p', null, body.empty.text), button('back', body.empty.button, send));
    nodes.push(empty);
  } else {
    nodes.push(itemList(body.items, send));
    if (body.more) nodes.push(button('more', body.more, send));
  }
  return nodes;
}

function sources(body, send) {
  const cards = el('ul', 'source-cards');
  for (const source of body.sources) {
    const li = el('li', 'source-card');
    const title = el('h3', 'source-title');
    title.append(el('span', 'source-number', source.number), el('span', null, source.title));
    // Where a fact's mark moves focus.
    title.tabIndex = -1;
    title.dataset.key = source.key;
    li.append(
      title,
      el('p', 'meta', source.meta),
      el('p', 'reliability', source.reliability),
      citedBar(source),
    );
    cards.append(li);
  }
  const nodes = body.about === null ? [cards] : [el('p', 'about', body.about), cards];
  if (body.disputesTitle !== null) nodes.push(el('h3', 'section-title', body.disputesTitle));
  for (const dispute of body.disputes) {
    const section = el('section', 'dispute');
    const claims = el('ul', 'claims');
    claims.append(...dispute.claims.map((it) => item(it, send)));
    section.append(el('p', 'dispute-topic', dispute.topic), claims);
    nodes.push(section);
  }
  return nodes;
}

/** "Cited by 68" over a bar as long as its share of the most cited source's facts. */
function citedBar(source) {
  const node = el('div', 'cited-by');
  const bar = el('span', 'cited-bar');
  bar.setAttribute('aria-hidden', 'true');
  bar.style.inlineSize = `${(source.share * 100).toFixed(1)}%`;
  node.append(el('p', 'meta', source.cited), bar);
  return node;
}

function itemList(items, send) {
  const list = el('ol', 'events');
  list.append(...items.map((it) => item(it, send)));
  return list;
}

/** One event, agreement or claim: a row that opens on its summary, themes
 * and citations. The row's button is named by its date and title alone. */
function item(it, send) {
  const node = el('li', 'event');
  node.setAttribute('part', 'event');
  const head = el('h4', 'event-head');
  const toggle = el('button', 'event-toggle');
  toggle.type = 'button';
  toggle.dataset.key = it.key;
  toggle.setAttribute('aria-expanded', String(it.open));
  toggle.append(el('span', 'event-date', it.date), inLanguage(el('span', 'event-title', it.title), it.details.lang));
  toggle.addEventListener('click', () => send(it.toggle));
  head.append(toggle);
  node.append(head);
  const line = el('p', 'event-line');
  if (it.value !== null) line.append(el('span', 'event-value', it.value));
  if (it.parties !== null) line.append(el('span', 'event-parties', it.parties));
  rowRest(node, line, it, send);
  return node;
}

/** What follows a row's button: its sources' numbers and "Sources differ"
 * on its line, then its details, hidden while closed (and printed whole). */
function rowRest(node, line, row, send) {
  if (row.marks) {
    // For the eye: the opened row says each source.
    const marks = el('span', 'marks', row.marks);
    marks.setAttribute('aria-hidden', 'true');
    line.append(marks);
  }
  if (row.differ !== null) line.append(differ(row.differ));
  if (row.details.untranslated !== null) line.append(el('span', 'untranslated', row.details.untranslated));
  if (line.childElementCount) node.append(line);
  const details = el('div', 'event-details');
  details.hidden = !row.open;
  details.append(
    inLanguage(el('p', 'event-summary', row.details.summary), row.details.lang),
    el('p', 'event-tags', row.details.tags),
    sourceList(row.details.sources, send),
  );
  node.append(details);
}

/** A figure as one line of text that opens like a row; in the figures view,
 * also drawn on its scale. */
function figureLine(line, send) {
  const li = el('li', 'figure');
  const toggle = el('button', 'figure-toggle');
  toggle.type = 'button';
  toggle.dataset.key = line.key;
  toggle.setAttribute('aria-expanded', String(line.open));
  const text = el('span', 'figure-text');
  text.append(el('span', 'figure-value', line.value), inLanguage(el('span', 'figure-title', line.title), line.details.lang), el('span', 'figure-date', line.meta));
  toggle.append(text);
  toggle.addEventListener('click', () => send(line.toggle));
  li.append(toggle);
  if (line.shape) li.append(figureShape(line.shape));
  rowRest(li, el('p', 'event-line'), line, send);
  return li;
}

/** Dataset text left in the dataset's language: screen readers say it in
 * that language's voice. */
function inLanguage(node, lang) {
  if (lang !== null) node.lang = lang;
  return node;
}

function differ(text) {
  const mark = el('span', 'differ', text);
  mark.setAttribute('part', 'differ');
  return mark;
}

/** A fact's citations: "[1] where in the source", the mark moving to the source. */
function sourceList(sources, send) {
  const list = el('ul', 'event-sources');
  list.setAttribute('aria-label', sources.label);
  for (const source of sources.items) {
    const li = el('li', 'source');
    li.append(button('mark', source.mark, send), el('span', 'locator', source.locator));
    list.append(li);
  }
  return list;
}

/** The sources a view cites, each written out once, by number. */
function citedSources(cited) {
  const section = el('section', 'cited');
  const title = el('h3', 'section-title', cited.title);
  const list = el('ol', 'cited-list');
  for (const source of cited.items) {
    const li = el('li', 'cited-source');
    li.tabIndex = -1;
    li.dataset.key = source.key;
    li.append(el('span', 'source-number', source.number), el('cite', 'source-title', source.title), document.createTextNode(source.rest));
    list.append(li);
  }
  section.append(title, list);
  return section;
}
