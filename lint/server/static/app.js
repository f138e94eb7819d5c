// hypelint serve: paste or upload a draft, see its findings in place.
// User text only ever reaches the page through textContent and text nodes,
// never through HTML parsing.
'use strict';

const UI = {
  en: {
    title: 'hypelint — check a health-science draft',
    tagline: 'Paste or upload a health-science draft (text, Markdown or HTML). hypelint highlights hype and missing credibility signals; click a highlight to see why.',
    language: 'Language', format: 'Format', text: 'Plain text', upload: 'Upload a file…', lint: 'Lint',
    placeholder: 'Paste a draft here…', draft: 'Draft with findings', score: 'Credibility score',
    details: 'Details', findings: 'Findings',
    hint: 'Click a highlighted passage, or a finding in the list, to see the rule’s message and explanation.',
    none: 'No findings.', linting: 'Linting…', rendering: 'Highlighting… {p}%', empty: 'Paste or upload a draft first.',
    done: '{n} findings · lint {lint} ms · render {render} ms', why: 'Why it matters', source: 'Source',
    line: 'line', nFindings: '{n} findings', error: 'Error', warning: 'Warning', info: 'Info',
    fix: 'Replace with “{r}”', fixes: 'Suggested edit',
    evidence: 'Evidence card', studies: 'Studies', flaggedClaims: 'Flagged claims',
    noStudies: 'No study found.', noClaims: 'No claim flagged.', study: 'study {n}', restsOn: '→ study {n}',
    restsOnNothing: '→ no study',
  },
  'zh-Hans': {
    title: 'hypelint — 检查健康科学稿件',
    tagline: '粘贴或上传一篇健康科学稿件（纯文本、Markdown 或 HTML）。hypelint 会标出夸大用语和缺失的可信度要素；点击高亮处查看原因。',
    language: '语言', format: '格式', text: '纯文本', upload: '上传文件…', lint: '检查',
    placeholder: '在此粘贴稿件…', draft: '稿件与问题', score: '可信度评分', details: '详情', findings: '问题列表',
    hint: '点击高亮的文字或列表中的问题，查看规则的说明。',
    none: '没有发现问题。', linting: '检查中…', rendering: '正在标注… {p}%', empty: '请先粘贴或上传稿件。',
    done: '{n} 个问题 · 检查 {lint} 毫秒 · 渲染 {render} 毫秒', why: '为什么重要', source: '依据',
    line: '行', nFindings: '{n} 个问题', error: '错误', warning: '警告', info: '提示',
    fix: '改为“{r}”', fixes: '建议修改',
    evidence: '证据卡', studies: '研究', flaggedClaims: '被标记的说法',
    noStudies: '未发现研究。', noClaims: '没有被标记的说法。', study: '研究{n}', restsOn: '→ 研究{n}',
    restsOnNothing: '→ 无依据的研究',
    'cat:animal-as-human': '动物结果当作人类', 'cat:sample-size': '样本量', 'cat:overclaim': '夸大',
    'cat:disclosure': '资金与利益披露', 'cat:causation': '因果', 'cat:statistics': '统计', 'cat:source': '来源',
    'cat:promotion': '推销', 'cat:suppression': '抑制注释',
  },
  'zh-Hant': {
    title: 'hypelint — 檢查健康科學稿件',
    tagline: '貼上或上傳一篇健康科學稿件（純文字、Markdown 或 HTML）。hypelint 會標出誇大用語和缺少的可信度要素；點擊標示處查看原因。',
    language: '語言', format: '格式', text: '純文字', upload: '上傳檔案…', lint: '檢查',
    placeholder: '在此貼上稿件…', draft: '稿件與問題', score: '可信度評分', details: '詳情', findings: '問題列表',
    hint: '點擊標示的文字或列表中的問題，查看規則的說明。',
    none: '沒有發現問題。', linting: '檢查中…', rendering: '正在標示… {p}%', empty: '請先貼上或上傳稿件。',
    done: '{n} 個問題 · 檢查 {lint} 毫秒 · 繪製 {render} 毫秒', why: '為什麼重要', source: '依據',
    line: '行', nFindings: '{n} 個問題', error: '錯誤', warning: '警告', info: '提示',
    fix: '改為「{r}」', fixes: '建議修改',
    evidence: '證據卡', studies: '研究', flaggedClaims: '被標記的說法',
    noStudies: '未發現研究。', noClaims: '沒有被標記的說法。', study: '研究{n}', restsOn: '→ 研究{n}',
    restsOnNothing: '→ 無依據的研究',
    'cat:animal-as-human': '動物結果當作人類', 'cat:sample-size': '樣本數', 'cat:overclaim': '誇大',
    'cat:disclosure': '資金與利益揭露', 'cat:causation': '因果', 'cat:statistics': '統計', 'cat:source': '來源',
    'cat:promotion': '推銷', 'cat:suppression': '抑制註解',
  },
};
const SEVERITIES = ['error', 'warning', 'info'];
const BLOCK = 4000;      // characters per rendered block (each block is laid out only when visible)
const SLICE_MS = 12;     // longest stretch of rendering work before yielding to the browser

const $ = (id) => document.getElementById(id);
let rules = new Map();   // rule id → {category, severity, term, explanation, source}
let rulesLoaded = null;  // the latest request for them, in the page's locale
let findings = [];       // the findings on show, with UTF-16 indices s and e
let card = { studies: [], claims: [] }; // the evidence card on show, with UTF-16 indices s and e
let at16 = null;         // UTF-8 byte offset → UTF-16 index, for the text on show
let upload = null;       // name of the uploaded file while the text area still holds it
let runs = 0;            // the latest run; older ones stop rendering
let shown = '';          // the text the findings on show were found in

function locale() { return $('locale').value; }

function t(key, vars = {}) {
  let s = UI[locale()][key] ?? UI.en[key] ?? key;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll('{' + k + '}', v);
  return s;
}

function category(c) { return UI[locale()]['cat:' + c] ?? c; }

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

function setStatus(text, error = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
}

function translatePage() {
  document.documentElement.lang = locale();
  document.title = t('title');
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  $('text').placeholder = t('placeholder');
}

function loadRules() {
  rulesLoaded = fetch('api/rules?locale=' + encodeURIComponent(locale()))
    .then((res) => res.json())
    .then((data) => { rules = new Map(data.rules.map((r) => [r.id, r])); });
  return rulesLoaded;
}

function formatOf(name) {
  if (/\.(md|markdown|mdown|mkd)$/i.test(name)) return 'markdown';
  if (/\.(html?|xhtml)$/i.test(name)) return 'html';
  return 'text';
}

// utf16At maps every UTF-8 byte offset of text to a UTF-16 index. The API
// counts bytes; JavaScript strings count UTF-16 units, and a character
// outside the BMP (😀, 𠀀) is four bytes but two units.
function utf16At(text) {
  const bytes = new TextEncoder().encode(text);
  const at = new Uint32Array(bytes.length + 1);
  let u = 0;
  for (let i = 0; i < bytes.length; i++) {
    at[i] = u;
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) u += b >= 0xf0 ? 2 : 1;
  }
  at[bytes.length] = u;
  return at;
}

function worst(fs) {
  return SEVERITIES.find((s) => fs.some((f) => f.severity === s)) ?? 'info';
}

// lint sends one request and shows its answer for text.
async function lint(init, text) {
  const run = ++runs;
  document.body.dataset.state = 'linting';
  setStatus(t('linting'));
  $('lint').disabled = true;
  const t0 = performance.now();
  try {
    await rulesLoaded;
    const res = await fetch('api/lint', { method: 'POST', ...init });
    const data = await res.json();
    if (!res.ok) throw new Error(data.error);
    if (run !== runs) return;
    const t1 = performance.now();
    const file = data.files[0];
    const at = utf16At(text);
    at16 = (offset) => at[offset] ?? text.length;
    findings = file.findings.map((f, i) => ({
      ...f, i, s: at16(f.start.offset), e: at16(f.end.offset),
      term: rules.get(f.rule)?.term ?? false,
      // Suggested edits, in UTF-16 indices of text (none when the upload was not UTF-8).
      edits: text ? (f.fixes ?? []).map((x) => ({ s: at[x.span.start.offset], e: at[x.span.end.offset], replacement: x.replacement }))
        .filter((x) => x.s != null && x.e != null) : [],
    }));
    shown = text;
    showScore(file);
    showDetail([]);
    clearEvidence();
    if (!(await renderText(text, file.language, run))) return;
    renderList();
    renderEvidence(file);
    const ms = { lint: Math.round(t1 - t0), render: Math.round(performance.now() - t1) };
    document.body.dataset.lintMs = ms.lint;
    document.body.dataset.renderMs = ms.render;
    setStatus(t('done', { n: findings.length, ...ms }));
    document.body.dataset.state = 'done';
  } catch (err) {
    if (run !== runs) return;
    setStatus(err.message, true);
    document.body.dataset.state = 'error';
  } finally {
    if (run === runs) $('lint').disabled = false;
  }
}

// renderText shows the text with one <mark> per stretch covered by the
// same findings. It builds blocks of about BLOCK characters, cut at line
// breaks, and yields to the browser every SLICE_MS so a large draft never
// freezes the page. It returns false when a newer run took over.
async function renderText(text, language, run) {
  const view = $('view');
  view.replaceChildren();
  view.lang = language;
  const spans = findings.filter((f) => f.e > f.s).sort((a, b) => a.s - b.s);
  const cuts = new Set([0, text.length]);
  for (const f of spans) cuts.add(f.s).add(f.e);
  const points = Float64Array.from(cuts).sort();

  let block = el('div', 'block'), size = 0;
  const flush = () => {
    if (block.firstChild) view.append(block);
    block = el('div', 'block');
    size = 0;
  };
  const plain = (piece) => {
    while (size + piece.length > BLOCK) {
      const nl = piece.indexOf('\n', Math.max(0, BLOCK - size));
      if (nl < 0) break;
      block.append(piece.slice(0, nl + 1));
      flush();
      piece = piece.slice(nl + 1);
    }
    if (piece) block.append(piece);
    size += piece.length;
  };

  let active = [], next = 0, slice = performance.now();
  for (let j = 0; j + 1 < points.length; j++) {
    const a = points[j], piece = text.slice(a, points[j + 1]);
    active = active.filter((f) => f.e > a);
    while (next < spans.length && spans[next].s <= a) active.push(spans[next++]);
    if (active.length === 0) {
      plain(piece);
    } else {
      const terms = active.filter((f) => f.term);
      const m = el('mark', (terms.length ? 'term' : 'wide') + ' sev-' + worst(terms.length ? terms : active), piece);
      m.dataset.f = active.map((f) => f.i).join(' ');
      m.title = active.map((f) => t(f.severity) + ' [' + f.rule + '] ' + f.message).join('\n');
      block.append(m);
      size += piece.length;
    }
    if (performance.now() - slice > SLICE_MS) {
      setStatus(t('rendering', { p: Math.round((100 * a) / text.length) }));
      await new Promise((resolve) => setTimeout(resolve));
      if (run !== runs) return false;
      slice = performance.now();
    }
  }
  flush();
  return true;
}

function showScore(file) {
  const score = $('score');
  score.textContent = file.score ?? '–';
  score.className = file.score >= 80 ? 'good' : file.score >= 50 ? 'fair' : 'poor';
  const list = $('criteria');
  list.replaceChildren();
  for (const c of file.criteria ?? []) {
    const li = el('li', c.applicable ? (c.satisfied ? 'met' : 'unmet') : 'na');
    const text = el('span', null, c.question);
    if (c.applicable && !c.satisfied) text.append(' ', el('span', 'count', t('nFindings', { n: c.findings })));
    li.append(el('span', 'tick', c.applicable ? (c.satisfied ? '✓' : '✗') : '–'), text);
    list.append(li);
  }
}

function showDetail(fs) {
  const detail = $('detail');
  detail.replaceChildren();
  if (fs.length === 0) detail.append(el('p', 'hint', t('hint')));
  for (const f of fs) {
    const r = rules.get(f.rule) ?? {};
    const box = el('article', 'finding sev-' + f.severity);
    const head = el('header');
    head.append(el('span', 'badge sev-' + f.severity, t(f.severity)), el('code', 'rule', f.rule),
      el('span', 'cat', category(f.category)), el('span', 'pos', t('line') + ' ' + f.start.line + ':' + f.start.column));
    box.append(head, el('p', 'message', f.message));
    if (f.note) box.append(el('p', 'note', f.note));
    if (f.edits.length) {
      const edits = el('p', 'fixes', t('fixes') + ': ');
      f.edits.forEach((x, k) => {
        const b = el('button', 'fix', t('fix', { r: x.replacement }));
        b.type = 'button';
        b.dataset.i = f.i;
        b.dataset.k = k;
        edits.append(b, ' ');
      });
      box.append(edits);
    }
    for (const r of f.related ?? []) {
      const b = el('button', 'related', r.message + ' (' + t('line') + ' ' + r.start.line + ':' + r.start.column + ')');
      b.type = 'button';
      b.addEventListener('click', () => highlightSpans([{ s: at16(r.start.offset), e: at16(r.end.offset), kind: 'study' }]));
      box.append(b);
    }
    if (r.explanation) box.append(el('h3', null, t('why')), el('p', 'explanation', r.explanation));
    if (r.source) box.append(el('p', 'source', t('source') + ': ' + r.source));
    detail.append(box);
  }
}

// renderList lists the findings by severity, then category, then position.
function renderList() {
  const list = $('list');
  list.replaceChildren();
  list.classList.toggle('long', findings.length > 200);
  if (findings.length === 0) list.append(el('p', 'hint', t('none')));
  for (const sev of SEVERITIES) {
    const ofSev = findings.filter((f) => f.severity === sev);
    if (ofSev.length === 0) continue;
    const group = el('details', 'sev-' + sev);
    group.open = true;
    group.append(el('summary', null, t(sev) + ' (' + ofSev.length + ')'));
    const byCat = new Map();
    for (const f of ofSev) byCat.set(f.category, [...(byCat.get(f.category) ?? []), f]);
    for (const [cat, fs] of [...byCat].sort((a, b) => a[0].localeCompare(b[0]))) {
      const ol = el('ol');
      for (const f of fs) {
        const b = el('button', 'item');
        b.type = 'button';
        b.dataset.i = f.i;
        b.append(el('span', 'pos', f.start.line + ':' + f.start.column), ' ', el('code', null, f.rule), ' ', f.message);
        const li = el('li');
        li.append(b);
        ol.append(li);
      }
      group.append(el('h3', null, category(cat) + ' (' + fs.length + ')'), ol);
    }
    list.append(group);
  }
}

// select shows the findings of a clicked mark, the term's first, then the
// sentences, paragraphs or article around it; the first one's marks are outlined.
function select(indices) {
  const fs = indices.map((i) => findings[i]).sort((a, b) => b.term - a.term || (a.e - a.s) - (b.e - b.s));
  const view = $('view');
  for (const m of view.querySelectorAll('mark.selected')) m.classList.remove('selected');
  for (const m of view.querySelectorAll('mark[data-f~="' + fs[0].i + '"]')) m.classList.add('selected');
  showDetail(fs);
}

// applyFix makes a finding's suggested edit in the draft and lints it again.
function applyFix(x) {
  const text = shown.slice(0, x.s) + x.replacement + shown.slice(x.e);
  $('text').value = text;
  upload = null;
  lintTextArea();
}

// The evidence card: the studies the draft reports and the claims a rule
// flagged, each a button that highlights its span (and a claim's study) in
// the draft. Highlights are CSS custom highlights over ranges of the view,
// so the marks of the findings stay as they are.
function clearEvidence() {
  card = { studies: [], claims: [] };
  highlightSpans([]);
  $('studies').replaceChildren();
  $('claims').replaceChildren();
}

function renderEvidence(file) {
  const span = (x) => ({ s: at16(x.start.offset), e: at16(x.end.offset) });
  card = {
    studies: (file.studies ?? []).map((s) => ({ ...s, ...span(s) })),
    claims: (file.claims ?? []).filter((c) => c.rules.length > 0).map((c) => ({ ...c, ...span(c) })),
  };
  const studies = $('studies'), claims = $('claims');
  if (card.studies.length === 0) studies.append(el('li', 'hint', t('noStudies')));
  card.studies.forEach((s, i) => {
    const b = el('button', 'study');
    b.type = 'button';
    b.dataset.study = i;
    b.append(el('strong', null, t('study', { n: s.index })), ' ', el('span', 'pos', s.start.line + ':' + s.start.column), ' ',
      el('span', 'desc', s.description));
    const li = el('li');
    li.append(b);
    for (const n of s.notes) li.append(el('p', 'note', '[' + n.rule + '] ' + n.message));
    studies.append(li);
  });
  if (card.claims.length === 0) claims.append(el('li', 'hint', t('noClaims')));
  card.claims.forEach((c, i) => {
    const b = el('button', 'claim');
    b.type = 'button';
    b.dataset.claim = i;
    b.append(el('span', 'pos', c.start.line + ':' + c.start.column), ' ', el('q', null, c.excerpt), ' ',
      el('code', null, c.rules.join(', ')), ' ', el('span', 'rests', c.study ? t('restsOn', { n: c.study }) : t('restsOnNothing')));
    const li = el('li');
    li.append(b, el('p', 'why', c.why));
    claims.append(li);
  });
}

// rangeAt returns a DOM range over the UTF-16 indices [s, e) of the text
// the view shows, walking its text nodes (marks and blocks included).
function rangeAt(s, e) {
  const range = document.createRange();
  const walk = document.createTreeWalker($('view'), NodeFilter.SHOW_TEXT);
  let pos = 0, started = false;
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const len = node.data.length;
    if (!started && s <= pos + len) {
      range.setStart(node, s - pos);
      started = true;
    }
    if (started && e <= pos + len) {
      range.setEnd(node, e - pos);
      return range;
    }
    pos += len;
  }
  return started ? range : null;
}

// highlightSpans shows spans of kind "claim" or "study" as highlights and
// scrolls the first into view.
function highlightSpans(spans) {
  const byKind = { claim: [], study: [] };
  for (const sp of spans) {
    const r = rangeAt(sp.s, sp.e);
    if (r) byKind[sp.kind].push(r);
  }
  if (globalThis.CSS?.highlights) {
    for (const [kind, ranges] of Object.entries(byKind)) CSS.highlights.set('evidence-' + kind, new Highlight(...ranges));
  }
  const first = byKind.claim[0] ?? byKind.study[0];
  const target = first?.startContainer.parentElement;
  if (target) target.scrollIntoView({ block: 'center' });
}

function selectEvidence(button) {
  for (const b of document.querySelectorAll('.evidence button.active')) b.classList.remove('active');
  button.classList.add('active');
  if (button.dataset.study != null) {
    const s = card.studies[Number(button.dataset.study)];
    highlightSpans([{ s: s.s, e: s.e, kind: 'study' }]);
    return;
  }
  const c = card.claims[Number(button.dataset.claim)];
  const spans = [{ s: c.s, e: c.e, kind: 'claim' }];
  const s = card.studies.find((x) => x.index === c.study);
  if (s) spans.push({ s: s.s, e: s.e, kind: 'study' });
  highlightSpans(spans);
}

function lintTextArea() {
  const text = $('text').value;
  if (!text.trim()) {
    setStatus(t('empty'), true);
    return;
  }
  const body = { text, format: $('format').value, locale: locale() };
  if (upload) body.filename = upload;
  lint({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, text);
}

async function uploadFile() {
  const file = $('file').files[0];
  if (!file) return;
  document.body.dataset.state = 'linting';
  const format = formatOf(file.name);
  $('format').value = format;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  try {
    // Keep a byte-order mark: the API's offsets count it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    $('text').value = text;
    upload = file.name;
  } catch {
    // Not UTF-8: the server says where.
  }
  $('file').value = '';
  // The file's bytes as they are, so that the server can point at bad ones.
  const body = { data: base64(bytes), filename: file.name, format, locale: locale() };
  await lint({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, text);
}

// base64 encodes bytes, in pieces of a multiple of three bytes (so that
// the pieces' encodings join) small enough to pass as arguments.
function base64(bytes) {
  const parts = [];
  for (let i = 0; i < bytes.length; i += 0x6000) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + 0x6000))));
  }
  return parts.join('');
}

function init() {
  const lang = navigator.language || 'en';
  $('locale').value = /^zh-(TW|HK|MO|Hant)/i.test(lang) ? 'zh-Hant' : /^zh/i.test(lang) ? 'zh-Hans' : 'en';
  translatePage();
  showDetail([]);
  loadRules();
  $('lint').addEventListener('click', lintTextArea);
  $('text').addEventListener('input', () => { upload = null; });
  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('lint').click();
  });
  $('file').addEventListener('change', uploadFile);
  $('locale').addEventListener('change', () => {
    translatePage();
    loadRules();
    if ($('view').firstChild) lintTextArea();
    else showDetail([]);
  });
  $('view').addEventListener('click', (e) => {
    const m = e.target.closest('mark');
    if (m) select(m.dataset.f.split(' ').map(Number));
  });
  $('detail').addEventListener('click', (e) => {
    const b = e.target.closest('button.fix');
    if (!b) return;
    const f = findings[Number(b.dataset.i)];
    applyFix(f.edits[Number(b.dataset.k)]);
  });
  for (const id of ['studies', 'claims']) {
    $(id).addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (b) selectEvidence(b);
    });
  }
  $('list').addEventListener('click', (e) => {
    const b = e.target.closest('button.item');
    if (!b) return;
    const i = Number(b.dataset.i);
    select([i]);
    $('view').querySelector('mark[data-f~="' + i + '"]')?.scrollIntoView({ block: 'center' });
  });
}

init();
