// The card's pictures, drawn as SVG from the numbers the core computed. Every
// text in them (names, counts, titles, text alternatives) comes from the
// Screen too: the pictures only place shapes.
import { button, el, svg } from './dom.js';
import { loadMap, mapShapes } from './load.js';

/** The first and last year under a picture, in the card's own text size
 * (text inside an SVG would grow with the picture's width). The picture's
 * text alternative already says them, so screen readers skip this. */
function axis(first, last) {
  const node = el('div', 'axis');
  node.setAttribute('aria-hidden', 'true');
  node.append(el('span', null, first), el('span', null, last));
  return node;
}

/** The key to a picture's colours: each tone as a swatch and a word. */
function legend(items) {
  const list = el('ul', 'legend');
  list.setAttribute('aria-hidden', 'true');
  for (const item of items) {
    const li = el('li', 'legend-item');
    li.append(el('span', `swatch swatch-${item.tone}`), document.createTextNode(item.label));
    list.append(li);
  }
  return list;
}

/** The overview's events per partner, one bar each, coloured by tone. */
export function barChart(picture) {
  // The bars are the picture's name (role img); the caption under it is read as text, once.
  const figure = el('div', 'chart');
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
    count.textContent = bar.count;
    chart.append(label, rect, count);
  });
  figure.append(chart, legend(picture.legend), el('p', 'caption', picture.caption));
  return figure;
}

/** A partner's periods on lanes over time, coloured by tone; disputed ones dashed. */
export function toneStrip(strip, text) {
  // The text under the strip says all the picture shows: the picture itself is hidden from
  // screen readers, so the sentence is heard once.
  const figure = el('div', 'strip');
  const width = 320;
  const lane = 22;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${strip.lanes * lane}`, 'aria-hidden': 'true', class: 'tone-strip', preserveAspectRatio: 'none' });
  // As wide as the card, but lanes keep their height: a wide card is not a tall one.
  chart.style.blockSize = `${strip.lanes * 20}px`;
  for (const segment of strip.segments) {
    const rect = svg('rect', {
      x: segment.start * width,
      y: segment.lane * lane,
      width: Math.max(2, (segment.end - segment.start) * width - 1),
      height: lane - 4,
      rx: 3,
      class: `tone-fill-${segment.tone}${segment.disputed ? ' disputed' : ''}`,
    });
    const title = svg('title');
    title.textContent = segment.title;
    rect.append(title);
    chart.append(rect);
  }
  figure.append(chart, axis(strip.firstYear, strip.lastYear), legend(strip.legend), el('p', 'caption', text));
  return figure;
}

/** Events per year; a click on a year picks it (each bar carries its message),
 * a drag across years picks them all (from and to, as the year boxes send).
 * Years too early for the bars are offered as chips above them. */
export function histogram(h, send) {
  // As the strip: the text under it says what the bars show (the year boxes pick years by keyboard).
  const figure = el('div', 'histogram');
  const width = 320;
  const height = 60;
  const step = h.bars.length ? width / h.bars.length : width;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    'aria-hidden': 'true',
    preserveAspectRatio: 'none',
    class: h.ranged ? 'histogram-chart ranged' : 'histogram-chart',
  });
  const rects = h.bars.map((bar, i) => {
    // A year with any event stays visible, however busy the busiest; the
    // whole column is the target, so short bars are easy to hit.
    const size = bar.height > 0 ? Math.max(2, bar.height * height) : 0;
    const column = svg('rect', { x: i * step, y: 0, width: step, height, class: 'column' });
    const rect = svg('rect', { x: i * step + 0.5, y: height - size, width: Math.max(1, step - 1), height: size, class: bar.selected ? 'year selected' : 'year' });
    const title = svg('title');
    title.textContent = bar.title;
    column.append(title);
    chart.append(column, rect);
    return rect;
  });
  // Which bar is under the pointer, from its place across the picture.
  const at = (event) => {
    const box = chart.getBoundingClientRect();
    const i = Math.floor(((event.clientX - box.left) / box.width) * h.bars.length);
    return Math.min(h.bars.length - 1, Math.max(0, i));
  };
  let start = null;
  let end = null;
  chart.addEventListener('pointerdown', (event) => {
    if (!h.bars.length || event.button !== 0) return;
    start = end = at(event);
    chart.setPointerCapture(event.pointerId);
    chart.classList.add('dragging');
    rects.forEach((rect, i) => rect.classList.toggle('picking', i === start));
  });
  chart.addEventListener('pointermove', (event) => {
    if (start === null) return;
    end = at(event);
    const [a, b] = start <= end ? [start, end] : [end, start];
    rects.forEach((rect, i) => rect.classList.toggle('picking', i >= a && i <= b));
  });
  const finish = (event) => {
    if (start === null) return;
    const [a, b] = start <= end ? [start, end] : [end, start];
    start = null;
    chart.classList.remove('dragging');
    if (event.type === 'pointercancel') return rects.forEach((rect) => rect.classList.remove('picking'));
    // One year clicked: that bar's own message; several: the years between.
    send(a === b ? h.bars[a].msg : { type: 'setYears', from: h.bars[a].year, to: h.bars[b].year });
  };
  chart.addEventListener('pointerup', finish);
  chart.addEventListener('pointercancel', finish);
  chart.style.blockSize = '72px';
  if (h.earlier.length) {
    const box = el('div', 'earlier');
    box.append(el('span', 'field-label', h.earlierLabel), ...h.earlier.map((b) => button('chip', b, send)));
    figure.append(box);
  }
  figure.append(chart);
  if (h.firstYear !== null && h.lastYear !== null) figure.append(axis(h.firstYear, h.lastYear));
  figure.append(el('p', 'caption', h.text));
  return figure;
}

/** One figure on its unit's scale: a bar, a faded bar when approximate,
 * a span for a range, dots for alternatives. The line's text says the value. */
export function figureShape(shape) {
  const width = 320;
  const drawing = svg('svg', { viewBox: `0 0 ${width} 10`, class: 'figures-chart', 'aria-hidden': 'true', preserveAspectRatio: 'none' });
  drawing.append(svg('rect', { x: 0, y: 4, width, height: 2, class: 'scale' }));
  const mark = shape.disputed ? ' disputed' : '';
  if (shape.kind === 'choices') {
    const [a, b] = [Math.min(...shape.points), Math.max(...shape.points)];
    drawing.append(svg('line', { x1: a * width, x2: b * width, y1: 5, y2: 5, class: `choice-line${mark}` }));
    for (const p of shape.points) drawing.append(svg('rect', { x: Math.max(0, p * width - 4), y: 1, width: 8, height: 8, rx: 4, class: `choice${mark}` }));
  } else {
    drawing.append(svg('rect', { x: shape.start * width, y: 1, width: Math.max(3, (shape.end - shape.start) * width), height: 8, rx: 2, class: `value ${shape.kind}${mark}` }));
  }
  return drawing;
}

/** The subject's partner countries on the map (pkg/map.json, fetched the
 * first time), coloured by tone; pointing at or focusing one says it under
 * the map, choosing one sends its message. Organisations are chips beside it.
 * The frame keeps the map's shape while its geometry arrives. */
export function worldMap(picture, send) {
  const node = el('div', 'map');
  const frame = el('div', 'map-frame');
  // Under the map for the eye; a screen reader hears each country's own name.
  const status = el('p', 'map-status', picture.hint);
  status.setAttribute('aria-hidden', 'true');
  const orgs = el('div', 'chips organisations');
  orgs.setAttribute('role', 'group');
  orgs.setAttribute('aria-label', picture.organisations.label);
  orgs.append(...picture.organisations.items.map((b) => button('chip', b, send)));
  // The key names the subject too: its shape is the one in the foreground colour.
  const key = legend(picture.legend);
  const subject = el('li', 'legend-item');
  subject.append(el('span', 'swatch swatch-subject'), document.createTextNode(picture.subjectLabel));
  key.prepend(subject);
  node.append(frame, status, key, orgs);
  // Here already: drawn now, so focus can go to a country at once.
  if (mapShapes) {
    frame.append(mapChart(mapShapes, picture, send, status));
    return node;
  }
  loadMap().then(
    (geometry) => {
      if (frame.isConnected) frame.append(mapChart(geometry, picture, send, status));
    },
    (error) => console.error(`relations-card: ${error?.message ?? error}`),
  );
  return node;
}

function mapChart(geometry, picture, send, status) {
  const partners = new Map(picture.countries.map((country) => [country.code, country]));
  const chart = svg('svg', { viewBox: `0 0 ${geometry.width} ${geometry.height}`, role: 'group', 'aria-label': picture.text, class: 'map-chart' });
  const say = (text) => () => { status.textContent = text; };
  /** Draws shapes into a layer: the land a screen reader skips, then the partners over it. */
  const layer = (shapes, box) => {
    const land = svg('g', { 'aria-hidden': 'true' });
    const chosen = svg('g');
    if (box) land.append(svg('rect', { x: box.x, y: box.y, width: box.width, height: box.height, class: 'map-inset' }));
    for (const shape of shapes) {
      const country = partners.get(shape.code);
      if (!country) {
        land.append(svg('path', { d: shape.d, class: shape.code === picture.subject ? 'land subject' : 'land' }));
        continue;
      }
      const path = svg('path', {
        d: shape.d,
        class: `country partner tone-fill-${country.tone ?? 'none'}`,
        role: 'button',
        tabindex: 0,
        'aria-label': country.label,
        'data-key': country.key,
        'data-code': country.code,
      });
      path.addEventListener('click', () => send(country.msg));
      path.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        send(country.msg);
      });
      for (const type of ['pointerenter', 'focus']) path.addEventListener(type, say(country.label));
      for (const type of ['pointerleave', 'blur']) path.addEventListener(type, say(picture.hint));
      chosen.append(path);
    }
    return [land, chosen];
  };
  chart.append(...layer([...geometry.countries, ...(geometry.disputed ?? [])]));
  // The inset (the United States) goes over the sea it stands in.
  if (geometry.inset) chart.append(...layer(geometry.inset.countries, geometry.inset));
  return chart;
}
