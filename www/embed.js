// The iframe embed (embed.html): the card's state comes from the page's
// query string (?partner=IR&view=timeline&theme=trade&lang=ru…), and the
// page tells its parent how tall it is, so embed-host.js can size the iframe.
import './relations-card.js';

const card = document.getElementById('card');
const params = new URLSearchParams(location.search);
for (const name of ['view', 'partner', 'theme', 'from', 'to', 'q', 'height', 'src', 'lang', 'color-scheme']) {
  const value = params.get(name);
  if (value !== null) card.setAttribute(name, value);
}

let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // Only a number crosses: nothing the parent could misuse.
  window.parent.postMessage({ type: 'relations-card:height', height }, '*');
};
new ResizeObserver(report).observe(document.documentElement);
