// The iframe embed (embed.html): the card's state comes from the page's
// query string (?partner=IR&view=timeline&theme=trade&lang=ru…), and the
// page tells its parent how tall it is, so embed-host.js can size the iframe.
import './relations-card.js';

const card = document.getElementById('card');
const params = new URLSearchParams(location.search);

/** Whether ?src= may name this dataset: this site's own, or an origin the
 * page's relations-card-allowed-origins list names. Anything else (another
 * site, a data: URL) would put facts no one here checked under this site's
 * address, and make readers' browsers fetch what a link says. */
function allowedSource(src) {
  let url;
  try {
    url = new URL(src, location.href);
  } catch {
    return false;
  }
  const listed = document.querySelector('meta[name="relations-card-allowed-origins"]')?.content.split(/\s+/).filter(Boolean) ?? [];
  return url.origin === location.origin || listed.includes(url.origin);
}

const src = params.get('src');
if (src !== null && !allowedSource(src)) {
  const refused = document.createElement('p');
  refused.setAttribute('role', 'alert');
  refused.textContent = `This embed shows datasets from ${location.origin} only, and this link asks for one from elsewhere (${src.slice(0, 200)}). ` +
    'To allow another site, add its origin to the relations-card-allowed-origins list in embed.html.';
  card.replaceWith(refused);
  console.error(`relations-card: embed.html refused src=${src.slice(0, 200)}: not from ${location.origin} nor a listed origin`);
} else {
  for (const name of ['view', 'partner', 'theme', 'from', 'to', 'q', 'height', 'src', 'lang', 'color-scheme']) {
    const value = params.get(name);
    if (value !== null) card.setAttribute(name, value);
  }
}

// The page's title (what a screen reader says of the frame, a tab's name)
// is the dataset's, in the card's language, whichever dataset it shows.
card.addEventListener('relations-card-ready', () => {
  if (card.datasetTitle) document.title = `${card.datasetTitle} — relations-card`;
});

let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // Only a number crosses: nothing the parent could misuse.
  window.parent.postMessage({ type: 'relations-card:height', height }, '*');
};
new ResizeObserver(report).observe(document.documentElement);
