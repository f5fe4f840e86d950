// scribe review desk: notes in, structure and preview side by side, corrections written
// back into the notes as cues, downloads. Plain DOM, no framework, no build step; every
// call goes to this server's API (see /api/openapi.json).
'use strict';

(function () {
  const $ = (sel) => document.querySelector(sel);
  const state = {
    name: '',          // the notes' file name (decides the reader, names the outputs)
    text: '',          // the notes as text, when they are text
    binary: null,      // a Word file, kept as it was dropped
    editable: false,   // cues can be written into the text
    cues: 'notes',
    translations: [],  // File objects of translated XLIFF
    inspection: null,
    languages: [],
    busy: 0,
    seq: 0,            // the latest inspection asked for; older answers are ignored
  };

  // ---- API -------------------------------------------------------------------------------

  function notesBlob() {
    if (state.binary) return state.binary;
    return new Blob([state.text], { type: 'text/plain;charset=utf-8' });
  }

  // form builds the multipart body every API call sends: the notes, the translations and
  // the metadata the officer typed (only fields changed by hand override the notes).
  function form() {
    const fd = new FormData();
    fd.append('file', notesBlob(), state.name || 'notes.txt');
    for (const f of state.translations) fd.append('translations', f, f.name);
    for (const input of document.querySelectorAll('#meta [name]')) {
      if (input.dataset.dirty === '1' && input.value.trim() !== '') fd.append(input.name, input.value.trim());
    }
    return fd;
  }

  async function call(path, params) {
    const url = path + '?' + new URLSearchParams(params).toString();
    const res = await fetch(url, { method: 'POST', body: form(), credentials: 'same-origin' });
    if (!res.ok) {
      let msg = res.status + ' ' + res.statusText;
      try { const e = await res.json(); if (e && e.error) msg = e.error; } catch (_) { /* not JSON */ }
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    return res;
  }

  // ---- loading notes ---------------------------------------------------------------------

  // setNotes starts a review of new notes: text typed or pasted, or a file, whose bytes the
  // server decodes (UTF-16, Windows-1252…) and sends back as lines.
  function setNotes(name, text, file) {
    state.name = name;
    state.text = text || '';
    state.binary = file || null;
    $('#text').value = state.text;
    $('#text').readOnly = !!file;
    $('#doc-name').textContent = name ? '· ' + name : '';
    $('#why').textContent = '';
    if (file) $('#sample').value = '';
    for (const input of document.querySelectorAll('#meta [name]')) { input.dataset.dirty = ''; input.value = ''; }
    refresh({ adopt: true, decode: !!file });
  }

  function openFile(file) {
    if (!file) return;
    setNotes(file.name, '', file);
  }

  async function loadSample(name) {
    if (!name) return;
    const res = await fetch('/samples/' + encodeURIComponent(name), { credentials: 'same-origin' });
    if (!res.ok) { status('Could not load the sample.', true); return; }
    setNotes(name, await res.text());
  }

  // ---- inspect and preview ---------------------------------------------------------------

  let timer = 0;
  function scheduleRefresh() {
    clearTimeout(timer);
    timer = setTimeout(() => refresh({}), 450);
  }

  async function refresh(opts) {
    if (!state.name && !state.text) return;
    if (!state.name) state.name = 'pasted.txt';
    const seq = ++state.seq;
    busy(1);
    try {
      const lang = $('#preview-lang').value;
      const params = { preview: 'html' };
      if (lang) params.lang = lang;
      const res = await call('/api/inspect', params);
      const ins = await res.json();
      if (seq !== state.seq) return;
      state.inspection = ins;
      if (opts.decode && ins.editable) {
        // A text file: from now on the notes are the text the server decoded.
        state.binary = null;
        state.text = ins.lines.map((l) => l.text).join('\n');
        $('#text').value = state.text;
        $('#text').readOnly = false;
        $('#doc-name').textContent = '· ' + state.name;
      } else if (opts.decode) {
        $('#text').value = ins.lines.map((l) => l.text).join('\n');
        $('#text').readOnly = true;
        $('#doc-name').textContent = '· ' + state.name;
      }
      state.editable = ins.editable && !state.binary;
      state.cues = ins.cues || 'notes';
      $('#readonly').hidden = state.editable;
      $('#readonly-format').textContent = { docx: 'a Word file', html: 'HTML', mediawiki: 'MediaWiki', rst: 'reStructuredText', json: 'scribe JSON' }[ins.format] || ins.format;
      showLines(ins);
      showPreview(ins);
      fillMeta(ins, opts.adopt);
      showStatus(ins);
      if (opts.adopt) selectTab('lines');
    } catch (e) {
      if (seq !== state.seq) return;
      status(e.message, true);
      $('#preview').shadowRoot && clearPreview(e.message);
    } finally {
      busy(-1);
    }
  }

  function showStatus(ins) {
    const c = ins.counts;
    const parts = [
      'Read as ' + ins.format,
      plural(c.headings, 'heading'),
      plural(c.paragraphs, 'numbered paragraph'),
      plural(c.subparagraphs, 'subparagraph'),
      plural(c.quotations, 'quotation'),
    ];
    if (ins.warnings.length) parts.push(plural(ins.warnings.length, 'warning'));
    status(parts.join(' · '), false, ins.warnings.map((w) => w.message).join('\n'));
  }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function status(msg, isError, detail) {
    const el = $('#status');
    el.textContent = msg;
    el.classList.toggle('error', !!isError);
    el.title = detail || '';
  }

  function busy(d) {
    state.busy += d;
    document.body.classList.toggle('busy', state.busy > 0);
    $('#preview').setAttribute('aria-busy', state.busy > 0 ? 'true' : 'false');
  }

  // ---- the marked lines ------------------------------------------------------------------

  const badges = {
    heading: (l) => (l.label ? l.label + ' ' : '') + (l.level > 1 ? 'section' : 'heading'),
    paragraph: (l) => '¶ ' + (l.label || ''),
    unnumbered: () => 'unnumbered',
    subparagraph: (l) => 'sub ' + (l.label || ''),
    quotation: () => 'quotation',
    note: () => 'note',
    table: () => 'table',
    masthead: (l) => (l.kind === 'title' ? 'title' : 'masthead'),
    attendance: (l) => 'attendance' + (l.kind ? ' · ' + l.kind : ''),
    decision: (l) => '¶ ' + (l.label || '') + ' decision',
    action: (l) => '¶ ' + (l.label || '') + ' action',
    preformatted: () => 'as typed',
    metadata: () => 'metadata',
    dropped: () => 'dropped',
    blank: () => '',
  };

  function badgeOf(l) {
    const f = badges[l.class];
    let b = f ? f(l) : l.class;
    if (!l.first && l.class !== 'blank' && l.class !== 'dropped' && l.class !== 'metadata') b = '… ' + b.replace(/^¶ |^sub /, '');
    return b.trim();
  }

  function showLines(ins) {
    const list = $('#lines');
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.i : null;
    list.replaceChildren();
    const frag = document.createDocumentFragment();
    ins.lines.forEach((l, i) => {
      const li = document.createElement('li');
      li.className = 'line cls-' + cssName(l.class) + (l.first ? ' first' : ' cont');
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.dataset.i = String(i);
      btn.tabIndex = -1;
      if (l.why) btn.title = l.why;
      const no = document.createElement('span');
      no.className = 'no';
      no.textContent = l.n ? String(l.n) : '';
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = badgeOf(l);
      const text = document.createElement('span');
      text.className = 'text';
      text.dir = 'auto';
      text.textContent = l.text === '' ? ' ' : l.text;
      btn.append(no, badge, text);
      if (!state.editable || l.class === 'blank' || l.class === 'metadata') btn.setAttribute('aria-disabled', 'true');
      else btn.setAttribute('aria-haspopup', 'menu');
      li.append(btn);
      frag.append(li);
    });
    list.append(frag);
    const buttons = list.querySelectorAll('button');
    const keep = focused != null && buttons[+focused] ? +focused : 0;
    if (buttons[keep]) buttons[keep].tabIndex = 0;
    if (focused != null && buttons[keep] && list.contains(document.activeElement) === false && lastLineFocus) buttons[keep].focus();
    lastLineFocus = false;
  }
  let lastLineFocus = false;

  function cssName(s) { return String(s).replace(/[^a-z0-9-]/gi, '-'); }

  function lineAt(btn) { return state.inspection.lines[+btn.dataset.i]; }

  function explain(btn) {
    const l = lineAt(btn);
    let s = l.n ? 'Line ' + l.n + ': ' : '';
    s += l.why || (l.class === 'blank' ? 'blank line' : l.class);
    if (l.speaker) s += ' — speaker: ' + l.speaker;
    $('#why').textContent = s;
    highlight(l.block);
  }

  function moveFocus(from, to) {
    const buttons = $('#lines').querySelectorAll('button');
    if (!buttons.length) return;
    to = Math.max(0, Math.min(buttons.length - 1, to));
    if (from) from.tabIndex = -1;
    buttons[to].tabIndex = 0;
    buttons[to].focus();
  }

  function initLines() {
    const list = $('#lines');
    list.addEventListener('mouseover', (e) => { const b = e.target.closest('button'); if (b) explain(b); });
    list.addEventListener('focusin', (e) => { const b = e.target.closest('button'); if (b) explain(b); });
    list.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (b) openMenu(b);
    });
    list.addEventListener('keydown', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      const i = +b.dataset.i;
      const page = 15;
      const moves = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: 1e9, PageDown: i + page, PageUp: i - page };
      if (e.key in moves) { e.preventDefault(); moveFocus(b, moves[e.key]); }
    });
  }

  // ---- changing a line's class -----------------------------------------------------------

  let menuFor = null;

  function openMenu(btn) {
    if (btn.getAttribute('aria-disabled') === 'true') {
      if (!state.editable) status('These notes cannot take cues: use "Edit as Markdown" above the lines, or correct them in their own editor.', true);
      return;
    }
    const menu = $('#menu');
    menuFor = btn;
    btn.setAttribute('aria-expanded', 'true');
    menu.hidden = false;
    const r = btn.getBoundingClientRect();
    const top = Math.min(window.innerHeight - menu.offsetHeight - 8, r.bottom + 2);
    menu.style.setProperty('--top', Math.max(8, top) + 'px');
    menu.style.setProperty('--left', Math.min(window.innerWidth - menu.offsetWidth - 8, r.left + 60) + 'px');
    menu.querySelector('button').focus();
  }

  function closeMenu(restore) {
    const menu = $('#menu');
    if (menu.hidden) return;
    menu.hidden = true;
    if (menuFor) {
      menuFor.removeAttribute('aria-expanded');
      if (restore) menuFor.focus();
    }
  }

  function initMenu() {
    const menu = $('#menu');
    menu.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b || !menuFor) return;
      const i = +menuFor.dataset.i;
      closeMenu(true);
      lastLineFocus = true;
      applyClass(i, b.dataset.class);
    });
    menu.addEventListener('keydown', (e) => {
      const items = [...menu.querySelectorAll('button')];
      const at = items.indexOf(document.activeElement);
      if (e.key === 'Escape') { e.preventDefault(); closeMenu(true); }
      else if (e.key === 'ArrowDown') { e.preventDefault(); items[(at + 1) % items.length].focus(); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); items[(at - 1 + items.length) % items.length].focus(); }
      else if (e.key === 'Home') { e.preventDefault(); items[0].focus(); }
      else if (e.key === 'End') { e.preventDefault(); items[items.length - 1].focus(); }
      else if (e.key === 'Tab') { closeMenu(true); }
    });
    document.addEventListener('mousedown', (e) => { if (!menu.hidden && !menu.contains(e.target) && !e.target.closest('#lines button')) closeMenu(false); });
  }

  // cue patterns scribe's readers understand; stripCue takes off the one a line starts with.
  const cueRe = /^(\s*)(#{1,6}\s+|>\s?|[-*•·–]\s+)/;

  function stripCue(s) {
    return s.replace(cueRe, '$1');
  }

  const finalStop = /[.!?:;。！？；：…)"'”’»]\s*$/;

  // labelled reports whether the notes are a report scribe wrote as Markdown ("scribe-labels"
  // in its front matter): its printed numbers are taken off when it is read, and a paragraph
  // printed without one is an unnumbered note, so a paragraph cue there is a number.
  function labelled() {
    return state.cues === 'markdown' && /^---\n[\s\S]*?^scribe-labels:/m.test(state.text);
  }

  // mdLabel is a label as the Markdown writer prints it: a number before "." or ")" escaped.
  function mdLabel(label) {
    return label.replace(/^(\d+)([.)])/, '$1\\$2');
  }

  function stripLabel(body, label) {
    if (!label) return body;
    for (const form of [mdLabel(label) + ' ', label + ' ']) {
      if (body.startsWith(form)) return body.slice(form.length);
    }
    return body;
  }

  // paragraphLabel is a paragraph number in the style of the notes' other numbers: the one
  // after the numbered paragraph before line i (the reader takes it off and numbering
  // gives the right one back).
  function paragraphLabel(i) {
    const lines = state.inspection.lines;
    let n = 0;
    let style = '';
    for (let k = i - 1; k >= 0; k--) {
      const l = lines[k];
      if (l.class === 'paragraph' && l.label) { n = parseInt(l.label.replace(/\D+/g, ''), 10) || 0; style = l.label; break; }
    }
    if (!style) style = (lines.find((l) => l.class === 'paragraph' && l.label) || { label: '1.' }).label;
    return mdLabel(style.replace(/\d+/, String(n + 1))) + ' ';
  }

  // applyClass writes the cue for the chosen class into the text: "# " and "## " for
  // headings, "- " for a subparagraph, "> " on every line of a quotation, and for a
  // paragraph the cue taken off (and a final full stop, scribe's cue that a short line is
  // not a heading; in a report scribe wrote as Markdown, a paragraph number).
  function applyClass(i, cls) {
    const ins = state.inspection;
    const lines = state.text.split('\n');
    const l = ins.lines[i];
    const numbers = labelled();
    // The lines of the block the clicked line belongs to.
    let from = i, to = i;
    if (l.block) {
      while (from > 0 && ins.lines[from - 1].block === l.block && !ins.lines[from].first) from--;
      while (to + 1 < ins.lines.length && ins.lines[to + 1].block === l.block && !ins.lines[to + 1].first) to++;
    }
    for (let k = from; k <= to; k++) {
      const n = ins.lines[k].n - 1;
      if (n < 0 || n >= lines.length) continue;
      let t = stripCue(lines[n]);
      const lead = t.match(/^\s*/)[0];
      let body = t.slice(lead.length);
      const first = k === from;
      if (first && numbers) body = stripLabel(body, ins.lines[k].label);
      switch (cls) {
        case 'heading1': t = first ? '# ' + body.replace(/\.\s*$/, '') : body; break;
        case 'heading2': t = first ? '## ' + body.replace(/\.\s*$/, '') : body; break;
        case 'bullet': t = first ? '- ' + body : body; break;
        case 'quotation': t = '> ' + body; break;
        case 'paragraph':
          t = body;
          if (k === to && l.class === 'heading' && !finalStop.test(t)) t = t.replace(/\s*$/, '.');
          if (first && numbers) t = paragraphLabel(i) + t;
          break;
      }
      lines[n] = t;
    }
    state.text = lines.join('\n');
    $('#text').value = state.text;
    const what = { heading1: 'a chapter heading', heading2: 'a section heading', bullet: 'a subparagraph', quotation: 'a quotation', paragraph: 'a paragraph' }[cls];
    status('Line ' + l.n + ' is now marked as ' + what + '.');
    refresh({});
  }

  // ---- preview ---------------------------------------------------------------------------

  function previewRoot() {
    const host = $('#preview');
    if (!host.shadowRoot) {
      const root = host.attachShadow({ mode: 'open' });
      for (const href of ['/assets/report.css', '/assets/preview.css']) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        root.append(link);
      }
    }
    return host.shadowRoot;
  }

  function showPreview(ins) {
    const root = previewRoot();
    const doc = new DOMParser().parseFromString(ins.preview || '', 'text/html');
    const article = doc.querySelector('article');
    for (const old of root.querySelectorAll('article, .empty')) old.remove();
    if (article) root.append(document.importNode(article, true));
  }

  function clearPreview(msg) {
    const root = previewRoot();
    for (const old of root.querySelectorAll('article, .empty')) old.remove();
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = msg;
    root.append(p);
  }

  function highlight(id) {
    const root = $('#preview').shadowRoot;
    if (!root) return;
    for (const el of root.querySelectorAll('.hl')) el.classList.remove('hl');
    if (!id) return;
    const el = root.getElementById(id);
    if (el) {
      el.classList.add('hl');
      el.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- metadata, languages, translations -------------------------------------------------

  function fillMeta(ins, adopt) {
    const m = ins.meta || {};
    const values = { title: m.title, body: m.body, symbol: m.symbol, session: m.session, 'agenda-item': m.agendaItem,
      distribution: m.distribution, original: m.originalLang, job: m.jobNumber };
    for (const input of document.querySelectorAll('#meta [name]')) {
      if (input.dataset.dirty === '1') continue;
      input.value = values[input.name] || '';
    }
    const rec = [];
    if (m.venue) rec.push('venue: ' + m.venue);
    if (m.date) rec.push('date: ' + m.date + (m.timeStart ? ', ' + m.timeStart + (m.timeEnd ? '–' + m.timeEnd : '') : ''));
    $('#recovered').textContent = rec.length ? 'Recovered from the notes — ' + rec.join('; ') : 'No venue or date recovered from the notes.';
    if (adopt) {
      const src = (m.originalLang || 'en').split('-')[0];
      for (const cb of document.querySelectorAll('#langs input')) cb.checked = cb.value === src || cb.dataset.translated === '1';
      if (!$('#preview-lang').dataset.chosen) $('#preview-lang').value = '';
    }
  }

  function chosenLangs() {
    return [...document.querySelectorAll('#langs input:checked')].map((c) => c.value);
  }

  function sourceLang() {
    const ins = state.inspection;
    return ((ins && ins.meta && ins.meta.originalLang) || 'en').split('-')[0];
  }

  async function initFormats() {
    const res = await fetch('/api/formats', { credentials: 'same-origin' });
    if (!res.ok) { status('The server did not answer; reload the page.', true); return; }
    const f = await res.json();
    state.languages = f.languages;
    const sample = $('#sample');
    for (const s of f.samples) sample.append(new Option(s, s));
    const pl = $('#preview-lang');
    pl.append(new Option('the notes\u2019 language', ''));
    const orig = $('#m-original');
    const langs = $('#langs');
    for (const l of f.languages) {
      pl.append(new Option(l.englishName + ' (' + l.name + ')', l.tag));
      orig.append(new Option(l.englishName, l.tag));
      const id = 'lang-' + l.tag;
      const wrap = document.createElement('span');
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.id = id;
      cb.value = l.tag;
      const lab = document.createElement('label');
      lab.htmlFor = id;
      lab.textContent = l.englishName;
      lab.lang = 'en';
      wrap.append(cb, lab);
      langs.append(wrap);
    }
    const accept = f.readers.map((r) => ({ notes: '.txt', markdown: '.md,.markdown', docx: '.docx', html: '.html,.htm', json: '.json', mediawiki: '.mediawiki,.wiki', rst: '.rst', org: '.org', irc: '.log,.irc' }[r] || '')).filter(Boolean).join(',');
    $('#file').accept = accept + ',text/*';
  }

  function showTranslations() {
    const list = $('#tr-list');
    list.replaceChildren();
    state.translations.forEach((f, i) => {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = f.name;
      const rm = document.createElement('button');
      rm.type = 'button';
      rm.textContent = 'Remove';
      rm.setAttribute('aria-label', 'Remove ' + f.name);
      rm.addEventListener('click', () => { state.translations.splice(i, 1); showTranslations(); refresh({}); });
      li.append(name, ' ', rm);
      list.append(li);
    });
  }

  async function addTranslations(files) {
    for (const f of files) {
      state.translations.push(f);
      // Check the language the file is for, read from its target-language attribute.
      const head = await f.slice(0, 4096).text();
      const m = head.match(/(?:trgLang|target-language)="([A-Za-z-]+)"/);
      if (m) {
        const cb = document.getElementById('lang-' + m[1].split('-')[0].toLowerCase());
        if (cb) { cb.checked = true; cb.dataset.translated = '1'; }
      }
    }
    showTranslations();
    refresh({});
  }

  // ---- downloads -------------------------------------------------------------------------

  async function download(path, params, what) {
    const st = $('#dl-status');
    st.classList.remove('error');
    st.textContent = 'Preparing ' + what + '…';
    busy(1);
    try {
      const res = await call(path, params);
      const blob = await res.blob();
      const cd = res.headers.get('Content-Disposition') || '';
      const m = cd.match(/filename\*=utf-8''([^;]+)/i) || cd.match(/filename="?([^";]+)"?/i);
      const name = m ? decodeURIComponent(m[1]) : 'report';
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      st.textContent = 'Downloaded ' + name + ' (' + Math.max(1, Math.round(blob.size / 1024)) + ' KB).';
    } catch (e) {
      st.textContent = e.message;
      st.classList.add('error');
    } finally {
      busy(-1);
    }
  }

  function needNotes() {
    if (state.name || state.text) return true;
    $('#dl-status').textContent = 'Open or paste notes first.';
    return false;
  }

  // asMarkdown replaces notes scribe cannot write cues into (Word, HTML, MediaWiki…) by the
  // Markdown the md writer prints: it reads back as the same report, and takes cues.
  async function asMarkdown() {
    busy(1);
    try {
      const src = sourceLang();
      const res = await call('/api/convert', { to: 'md', lang: src });
      const text = await res.text();
      const stem = state.name.replace(/\.[^.]*$/, '');
      setNotes(stem + '.md', text);
      status('Opened as Markdown notes (' + stem + '.md): click a line to correct it.');
    } catch (e) {
      status(e.message, true);
    } finally {
      busy(-1);
    }
  }

  function initDownloads() {
    $('#as-markdown').addEventListener('click', asMarkdown);
    for (const b of document.querySelectorAll('.downloads button')) {
      b.addEventListener('click', () => {
        if (!needNotes()) return;
        const langs = chosenLangs();
        download('/api/convert', { to: b.dataset.to, lang: langs.join(',') }, b.textContent);
      });
    }
    $('#dl-xliff').addEventListener('click', () => {
      if (!needNotes()) return;
      const src = sourceLang();
      const targets = chosenLangs().filter((l) => l !== src);
      if (!targets.length) { $('#dl-status').textContent = 'Tick the languages to translate into, under Languages.'; return; }
      download('/api/extract', { target: targets.join(',') }, 'XLIFF');
    });
    $('#dl-all').addEventListener('click', () => {
      if (!needNotes()) return;
      const langs = chosenLangs();
      const src = sourceLang();
      const params = { to: 'docx,pdf,md,json,html', lang: langs.join(','), zip: 'true' };
      const targets = langs.filter((l) => l !== src);
      if (targets.length) params.xliff = targets.join(',');
      download('/api/convert', params, 'everything');
    });
  }

  // ---- tabs, drop, paste -----------------------------------------------------------------

  function selectTab(which) {
    const lines = which === 'lines';
    $('#tab-lines').setAttribute('aria-selected', String(lines));
    $('#tab-text').setAttribute('aria-selected', String(!lines));
    $('#tab-lines').tabIndex = lines ? 0 : -1;
    $('#tab-text').tabIndex = lines ? -1 : 0;
    $('#panel-lines').hidden = !lines;
    $('#panel-text').hidden = lines;
  }

  function initTabs() {
    $('#tab-lines').addEventListener('click', () => selectTab('lines'));
    $('#tab-text').addEventListener('click', () => selectTab('text'));
    for (const t of document.querySelectorAll('[role=tab]')) {
      t.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          e.preventDefault();
          const other = t.id === 'tab-lines' ? 'text' : 'lines';
          selectTab(other);
          $('#tab-' + other).focus();
        }
      });
    }
  }

  function pastedText(e) {
    const dt = e.clipboardData || window.clipboardData;
    return dt ? dt.getData('text/plain') : '';
  }

  function initInput() {
    const ta = $('#text');
    ta.addEventListener('input', () => {
      if (ta.readOnly) return;
      state.text = ta.value;
      if (!state.name) state.name = 'pasted.txt';
      scheduleRefresh();
    });
    // Paste: inserted where the caret is (a paste into empty notes starts new notes).
    ta.addEventListener('paste', (e) => {
      const text = pastedText(e);
      if (!text || ta.readOnly) return;
      e.preventDefault();
      if (ta.value.trim() === '') {
        setNotes('pasted.txt', text);
        return;
      }
      ta.setRangeText(text, ta.selectionStart, ta.selectionEnd, 'end');
      state.text = ta.value;
      scheduleRefresh();
    });
    // A paste anywhere else on the page, with nothing loaded, starts new notes too.
    document.addEventListener('paste', (e) => {
      if (e.defaultPrevented || e.target.closest && e.target.closest('input, textarea, select')) return;
      const text = pastedText(e);
      if (!text) return;
      e.preventDefault();
      setNotes('pasted.txt', text);
    });
    $('#open').addEventListener('click', () => $('#file').click());
    $('#file').addEventListener('change', (e) => { openFile(e.target.files[0]); e.target.value = ''; });
    $('#sample').addEventListener('change', (e) => loadSample(e.target.value));
    $('#add-tr').addEventListener('click', () => $('#tr-file').click());
    $('#tr-file').addEventListener('change', (e) => { addTranslations([...e.target.files]); e.target.value = ''; });
    $('#preview-lang').addEventListener('change', (e) => { e.target.dataset.chosen = e.target.value ? '1' : ''; refresh({}); });
    for (const input of document.querySelectorAll('#meta [name]')) {
      const ev = input.tagName === 'SELECT' ? 'change' : 'input';
      input.addEventListener(ev, () => { input.dataset.dirty = '1'; scheduleRefresh(); });
    }
    $('#meta').addEventListener('submit', (e) => e.preventDefault());

    const overlay = $('#drop-overlay');
    let depth = 0;
    window.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; overlay.hidden = false; } });
    window.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; overlay.hidden = true; } });
    window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
    window.addEventListener('drop', (e) => {
      depth = 0;
      overlay.hidden = true;
      if (!hasFiles(e)) return;
      e.preventDefault();
      const files = [...e.dataTransfer.files];
      const xlf = files.filter((f) => /\.(xlf|xliff)$/i.test(f.name));
      const notes = files.filter((f) => !/\.(xlf|xliff)$/i.test(f.name));
      if (xlf.length) addTranslations(xlf);
      if (notes.length) openFile(notes[0]);
    });
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeMenu(true); });
  }

  function hasFiles(e) {
    return e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  }

  // ---- start -----------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', async () => {
    initTabs();
    initLines();
    initMenu();
    initInput();
    initDownloads();
    await initFormats();
    document.body.dataset.ready = '1';
  });
})();
