/* Loader for host pages (docs/embedding.md). Include it where the widget goes:
 *   <script src="https://ASSESSMENT-ORIGIN/embed.js" data-lang="pt" data-brand="#aa3300"
 *           data-compact data-cta-text="…" data-cta-url="https://…" data-recipient="…"></script>
 * It reserves the widget's height at once (no layout shift), creates an iframe
 * of the app's own origin after the page's load event once the spot is near
 * the viewport, sizes it from the app's height messages, and re-dispatches the
 * app's consented events as a `dtma:event` CustomEvent on its container.
 * Messages are accepted only from that iframe and from the app's origin. */
(() => {
  const script = document.currentScript;
  if (!script) return;
  const app = new URL('./', script.src);
  const d = script.dataset;
  const lang = ['en', 'zh-Hant', 'pt'].includes(d.lang) ? d.lang : '';
  const reserve = Math.min(Math.max(parseInt(d.height, 10) || 900, 200), 4000);
  const box = document.createElement('div');
  box.className = 'dtma-embed';
  box.style.cssText = `height:${reserve}px;max-width:100%`;
  script.after(box);

  const opts = new URLSearchParams();
  opts.set('embed', '1');
  opts.set('origin', location.origin);
  if (lang) opts.set('lang', lang);
  if (/^#[0-9a-fA-F]{6}$/.test(d.brand || '')) opts.set('brand', d.brand);
  if ('compact' in d && d.compact !== 'false') opts.set('compact', '1');
  if (d.ctaText && d.ctaUrl) {
    opts.set('cta', d.ctaText.slice(0, 80));
    opts.set('cta-url', d.ctaUrl.slice(0, 500));
  }
  if (d.recipient) opts.set('recipient', d.recipient.slice(0, 80));

  let frame;
  const titles = { en: 'DingTalk compliance self-assessment for Macau', 'zh-Hant': '澳門企業釘釘合規自我評估', pt: 'Autoavaliação de conformidade do DingTalk para Macau' };
  function create() {
    if (frame) return;
    frame = document.createElement('iframe');
    frame.title = d.title || titles[lang || 'en'];
    frame.src = `${app.href}#${opts}`;
    frame.referrerPolicy = 'origin';
    frame.allow = 'clipboard-write';
    frame.style.cssText = `display:block;width:100%;height:${reserve}px;border:0;overflow:hidden`;
    frame.addEventListener('load', () => frame.contentWindow.postMessage({ type: 'dtma:hello' }, app.origin));
    box.append(frame);
  }
  window.addEventListener('message', (e) => {
    if (!frame || e.source !== frame.contentWindow || e.origin !== app.origin) return;
    const m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'dtma:height' && Number.isFinite(m.height)) {
      const h = `${Math.min(Math.max(Math.ceil(m.height), 100), 200000)}px`;
      frame.style.height = h;
      box.style.height = h;
    } else if (m.type === 'dtma:event' && ['started', 'completed', 'lead'].includes(m.detail?.type)) {
      box.dispatchEvent(new CustomEvent('dtma:event', { bubbles: true, detail: m.detail }));
    }
  });
  function whenNear() {
    if (!('IntersectionObserver' in window)) return create();
    const io = new IntersectionObserver((entries) => {
      if (entries.some((x) => x.isIntersecting)) {
        io.disconnect();
        create();
      }
    }, { rootMargin: '600px 0px' });
    io.observe(box);
  }
  if (document.readyState === 'complete') whenNear();
  else window.addEventListener('load', whenNear, { once: true });
})();
