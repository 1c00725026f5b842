// The app's side of embedding (docs/embedding.md). When this page is framed
// by static/embed.js, the options come in the fragment (#embed=1&origin=…);
// they are used only if the page really is in a frame whose parent is that
// origin (location.ancestorOrigins, else document.referrer, where the browser
// gives them). Then: brand colour (#rrggbb only) and compact mode are applied
// here, the height is sent to the parent on every change (ResizeObserver),
// and `window.dtma` holds the parent's origin, the language, the call to
// action and `post` for consented events (used by contact.js). Messages go
// to the parent's origin only and are accepted from it only.
// Framed or not: `dtma.mailto`, the contact form's address from
// <meta name="lead-mailto"> (standalone lead hand-off), and `dtma.setState`,
// called by the app.
(() => {
  const meta = document.querySelector('meta[name="lead-mailto"]')?.content?.trim() || '';
  const dtma = (window.dtma = { mailto: /^[\w.+-]{1,64}@[\w-]+(\.[\w-]+)+$/.test(meta) && meta.length <= 254 ? meta : '' });
  // The app's state for the consent box, the events and the contact form
  // (src/platform.rs, embed_state): contact.js, which shows them, loads when
  // the page is embedded or the results show.
  let loading = false;
  dtma.setState = (json) => {
    dtma.state = JSON.parse(json);
    if (!loading && (dtma.origin || dtma.state.results)) {
      loading = true;
      const s = document.createElement('script');
      s.src = './contact.js';
      document.head.append(s);
    }
    dtma.onstate?.();
    dtma.measure?.();
  };
  if (window.parent === window || !location.hash.startsWith('#embed=1&')) return;
  const p = new URLSearchParams(location.hash.slice(1));
  let origin;
  try {
    origin = new URL(p.get('origin')).origin;
  } catch {
    return;
  }
  if (!/^https?:/.test(origin)) return;
  const seen = location.ancestorOrigins?.[0] || (document.referrer && new URL(document.referrer).origin);
  if (seen && seen !== origin) return;
  const parent = window.parent;
  const post = (m) => parent.postMessage(m, origin);
  const root = document.documentElement;
  root.classList.add('embedded');
  if (p.get('compact') === '1') root.classList.add('compact');
  // The brand colour: #rrggbb only, and dark enough to read on the light
  // background (4.5:1, so white text on it reads too); else the default.
  // The dark theme keeps its own accent (static/app.css).
  const brand = p.get('brand') || '';
  if (/^#[0-9a-fA-F]{6}$/.test(brand)) {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(brand.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    if (0.2126 * r + 0.7152 * g + 0.0722 * b <= 0.16) {
      root.style.setProperty('--host-brand', brand);
      root.classList.add('branded');
    }
  }
  let cta = null;
  try {
    const u = new URL(p.get('cta-url'));
    const text = (p.get('cta') || '').trim().slice(0, 80);
    if (/^https?:$/.test(u.protocol) && text) cta = [text, u.href];
  } catch { /* no call to action */ }
  Object.assign(dtma, {
    origin,
    recipient: (p.get('recipient') || '').trim().slice(0, 80),
    lang: p.get('lang') || '',
    cta,
    // Used by contact.js, after the visitor's consent only.
    post: (detail) => post({ type: 'dtma:event', detail }),
  });
  // Heights are sent once the app has rendered (its first setState): the
  // loading line would shrink the reserved space for a moment.
  let last = 0;
  const measure = (dtma.measure = () => {
    if (!dtma.state) return;
    const h = Math.ceil(root.getBoundingClientRect().height);
    if (h !== last) post({ type: 'dtma:height', height: (last = h) });
  });
  new ResizeObserver(() => requestAnimationFrame(measure)).observe(root);
  window.addEventListener('message', (e) => {
    if (e.source !== parent || e.origin !== origin || e.data?.type !== 'dtma:hello') return;
    // The loader sizes this frame: no scrollbar of its own.
    root.classList.add('sized');
    last = 0;
    measure();
  });
})();
