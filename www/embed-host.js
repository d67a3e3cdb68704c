// Optional script for pages that embed relations-card in an iframe: sizes
// every <iframe data-relations-card> to the height its card reports, as
// Datawrapper embeds do. Without it, the iframe keeps its height attribute.
(() => {
  // Twice on a page listens once: the mark is a registered symbol, not a name.
  const installed = Symbol.for('relations-card-host');
  if (window[installed]) return;
  window[installed] = true;
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'relations-card:height' || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe[data-relations-card]')) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.min(20000, Math.max(150, Math.ceil(data.height)))}px`;
      }
    }
  });
})();
