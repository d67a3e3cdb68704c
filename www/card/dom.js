// The few ways the card makes elements. Dataset and interface text only ever
// go in as textContent or attribute values, never as markup, so a hostile
// dataset stays inert text.
const SVG = 'http://www.w3.org/2000/svg';

/** An element with a class and, optionally, text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

export function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** A core Button (pkg/relations_card_types.d.ts, generated from src/view/): everything it shows and sends comes with it. */
export function button(className, b, send) {
  const node = el('button', className, b.label);
  node.type = 'button';
  node.dataset.key = b.key;
  if (b.ariaLabel !== null && b.ariaLabel !== undefined) node.setAttribute('aria-label', b.ariaLabel);
  if (b.pressed !== null && b.pressed !== undefined) node.setAttribute('aria-pressed', String(b.pressed));
  if (b.expanded !== null && b.expanded !== undefined) node.setAttribute('aria-expanded', String(b.expanded));
  node.disabled = Boolean(b.disabled);
  node.addEventListener('click', () => send(b.msg));
  return node;
}

/** What went wrong, said at once to screen readers (`role=alert`). */
export function problemBox(tag, text) {
  const node = el(tag, 'problem', text);
  node.setAttribute('role', 'alert');
  return node;
}

/** A heading; one the core may move focus to has a key and takes focus. */
export function heading(tag, className, h) {
  const node = el(tag, className, h.text);
  if (h.key !== null && h.key !== undefined) {
    node.tabIndex = -1;
    node.dataset.key = h.key;
  }
  return node;
}
