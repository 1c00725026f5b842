// The consent box, the host's events, the storage note, the call to action
// and the contact form (docs/embedding.md). Loaded by embed-frame.js when the
// page is embedded or the results show; fills the app's empty slots
// (#consent-slot, #storage-slot, #contact-slot) and refills them when the app
// re-renders or changes language. scripts/contact-hook.mjs writes it into the
// build with the [embed] and [lead] strings of content/i18n/<tag>.toml.
//
// Rules: nothing leaves without the matching box ticked (both unticked on
// every load). Events (`started`; `completed` with a score band) go only to
// the embedding page's verified origin (dtma.post). A contact request goes to
// that origin when embedded, else into an email to the configured address
// that the visitor sends from their own email app, else nowhere.
(() => {
  const S = /* STRINGS */ {};
  const d = window.dtma;
  const lang = () => (S[document.documentElement.lang] ? document.documentElement.lang : 'en');
  const t = (k, v = {}) => S[lang()][k].replace(/\{(\w+)\}/g, (_, n) => v[n] ?? '');
  // Text as passed on: controls and direction overrides removed, whitespace collapsed.
  const clean = (s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => (/\s/.test(c) ? ' ' : ''))
    .replace(/\s+/g, ' ').trim();
  const embedded = Boolean(d.origin && d.post);
  const canStore = (() => {
    try {
      return localStorage.length >= 0;
    } catch {
      return false;
    }
  })();
  const host = embedded ? (clean(d.recipient) ? `${clean(d.recipient)} (${d.origin})` : d.origin) : '';
  const to = embedded ? 'host' : d.mailto ? 'email' : '';
  const el = (tag, props = {}, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'on') Object.entries(v).forEach(([ev, f]) => e.addEventListener(ev, f));
      else if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    e.append(...kids);
    return e;
  };

  // Events, with consent only.
  let consent = false;
  let started = false;
  let band = '';
  function events() {
    const s = d.state || {};
    if (!embedded || !consent) return;
    if (s.answered && !started) {
      started = true;
      d.post({ type: 'started' });
    }
    if (started && s.results && s.summary) {
      const b = s.summary.score < 50 ? 'low' : s.summary.score < 75 ? 'medium' : 'high';
      if (b !== band) {
        band = b;
        d.post({ type: 'completed', band: b });
      }
    }
  }

  // The contact form: values survive re-rendering (language changes).
  const fields = [['name', 'text', 100, 'name'], ['company', 'text', 200, 'organization'], ['email', 'email', 254, 'email'],
    ['phone', 'tel', 30, 'tel']];
  const values = { name: '', company: '', email: '', phone: '', language: '' };
  let leadConsent = false;
  let errors = {};
  let sent = null; // after a send: '' (to the host) or the mailto link
  let announce = false;
  const isEmail = (s) => {
    const m = /^([^@]+)@([^@]+)$/.exec(s);
    const ok = (x) => !/[\s<>()[\]\\,;:"?&#%/]/.test(x);
    return Boolean(m) && m[1].length <= 64 && ok(m[1]) && ok(m[2]) && /^[^.]+(\.[^.]+)+$/.test(m[2]);
  };
  const isPhone = (s) => /^\+?[0-9 .()-]+$/.test(s) && (s.match(/[0-9]/g) || []).length >= 6 && (s.match(/[0-9]/g) || []).length <= 20;
  function check(v) {
    const e = {};
    for (const [k, , max] of fields) if ([...v[k]].length > max) e[k] = t('lead.too-long', { max });
    if (!v.email && !v.phone) e.email = t('lead.need-contact');
    else if (!e.email && v.email && !isEmail(v.email)) e.email = t('lead.bad-email');
    if (!e.phone && v.phone && !isPhone(v.phone)) e.phone = t('lead.bad-phone');
    return e;
  }
  const summaryText = (s) => t('lead.summary', { score: s.score, maturity: s.maturity, critical: s.critical });
  function submit(ev) {
    ev.preventDefault();
    const s = d.state?.summary;
    if (!s) return;
    const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, k === 'language' ? x : clean(x)]));
    errors = check(v);
    if (!leadConsent) errors.consent = t('lead.need-consent');
    sent = null;
    const first = ['name', 'company', 'email', 'phone', 'consent'].find((k) => errors[k]);
    if (!first) {
      const contact = { name: v.name, company: v.company, email: v.email, phone: v.phone, language: v.language || lang() };
      const summary = { score: s.score, maturity: s.maturity, criticalGaps: s.critical };
      if (to === 'host') {
        d.post({ type: 'lead', contact, summary });
        sent = '';
      } else if (to === 'email') {
        const names = { en: 'English', 'zh-Hant': '繁體中文', pt: 'Português' };
        const body = [['lead.name', contact.name], ['lead.company', contact.company], ['lead.email', contact.email],
          ['lead.phone', contact.phone], ['lead.language', names[contact.language]], ['lead.results', summaryText(s)]]
          .map(([k, x]) => `${t(k)}: ${x}\r\n`).join('');
        sent = `mailto:${d.mailto}?subject=${encodeURIComponent(t('lead.subject'))}&body=${encodeURIComponent(body)}`;
        location.href = sent;
      }
    }
    announce = true;
    render(true);
    document.getElementById(first ? `lead-${first}` : 'lead-send')?.focus();
    // A live region announces changes, not content it was created with.
    setTimeout(() => {
      announce = false;
      const status = document.getElementById('lead-status');
      if (status) status.replaceWith(statusLine());
    }, 100);
  }
  function statusLine() {
    const status = el('p', { class: 'status', role: 'status', id: 'lead-status' });
    if (announce) return status;
    if (sent === '') status.append(t('lead.sent-host', { recipient: host }));
    else if (sent) status.append(t('lead.sent-email', { address: d.mailto }), ' ', el('a', { id: 'lead-mailto', href: sent }, t('lead.open-email')));
    return status;
  }
  function form(s) {
    const section = el('section', { class: 'section lead', 'aria-labelledby': 'lead-title' }, el('h3', { id: 'lead-title' }, t('lead.heading')));
    if (!to) {
      section.append(el('p', { id: 'lead-none' }, t('lead.none')));
      return section;
    }
    const field = ([k, type, max, auto]) => el('div', { class: 'field' },
      el('label', { for: `lead-${k}` }, t(`lead.${k}`)),
      el('input', { type, id: `lead-${k}`, maxlength: max, autocomplete: auto, 'aria-invalid': errors[k] ? 'true' : null,
        'aria-describedby': errors[k] ? `lead-${k}-error` : null, on: { input: (e) => { values[k] = e.target.value; } } }),
      errors[k] ? el('p', { class: 'field-error', id: `lead-${k}-error` }, errors[k]) : '');
    const select = el('select', { id: 'lead-language', on: { change: (e) => { values.language = e.target.value; } } },
      ...[['en', 'English'], ['zh-Hant', '繁體中文'], ['pt', 'Português']].map(([v, n]) => el('option', { value: v, lang: v }, n)));
    const box = el('input', { type: 'checkbox', id: 'lead-consent', 'aria-invalid': errors.consent ? 'true' : null,
      'aria-describedby': errors.consent ? 'lead-consent-error' : null, on: { change: (e) => { leadConsent = e.target.checked; } } });
    const consentText = to === 'host'
      ? t('lead.consent-host', { recipient: host, summary: summaryText(s) })
      : t('lead.consent-email', { address: d.mailto, summary: summaryText(s) });
    const status = statusLine();
    section.append(el('p', { class: 'intro' }, t('lead.intro')),
      el('form', { id: 'lead-form', novalidate: '', on: { submit } },
        el('div', { class: 'grid' }, ...fields.map(field),
          el('div', { class: 'field' }, el('label', { for: 'lead-language' }, t('lead.language')), select)),
        el('label', { class: 'check' }, box, el('span', { id: 'lead-consent-text' }, consentText)),
        errors.consent ? el('p', { class: 'field-error', id: 'lead-consent-error' }, errors.consent) : '',
        el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'lead-send' }, t('lead.send'))),
        status));
    for (const [k] of fields) section.querySelector(`#lead-${k}`).value = values[k];
    select.value = values.language || lang();
    box.checked = leadConsent;
    return section;
  }

  // Fills a slot when it is new, in another language, or when asked.
  function fill(id, make, force) {
    const slot = document.getElementById(id);
    if (!slot) return;
    const key = `${lang()} ${JSON.stringify(d.state?.summary ?? null)}`;
    if (!force && slot.dataset.key === key && slot.childNodes.length) return;
    slot.dataset.key = key;
    slot.replaceChildren(...make());
  }
  function render(force = false) {
    if (embedded) {
      fill('consent-slot', () => [el('label', { class: 'check embed-consent' },
        el('input', { type: 'checkbox', id: 'embed-consent', ...(consent ? { checked: '' } : {}),
          on: { change: (e) => { consent = e.target.checked; events(); } } }),
        el('span', {}, t('embed.consent', { host })))]);
      // Where the browser blocks third-party storage outright, the app's own
      // "this browser does not allow saving" notice says it instead.
      if (canStore) fill('storage-slot', () => [el('p', { class: 'intro', id: 'embed-storage' }, t('embed.storage', { host }))]);
    }
    const s = d.state?.summary;
    fill('contact-slot', () => (s ? [
      ...(embedded && d.cta ? [el('p', { class: 'cta' },
        el('a', { class: 'button primary', id: 'embed-cta', href: d.cta[1], rel: 'noopener', target: '_blank' }, d.cta[0]))] : []),
      form(s),
    ] : []), force);
  }
  d.onstate = () => {
    render();
    events();
  };
  new MutationObserver(() => render()).observe(document.body, { childList: true, subtree: true });
  new MutationObserver(() => render()).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  d.onstate();
})();
