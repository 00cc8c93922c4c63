// The page's script: it draws the overview, the trends, the matrix, an area's view and a cell's
// findings from the page's JSON data (the element with id "data"), for the state in the address's fragment
// (#view=matrix&kind=jtai&q=leeds&area=E08000035&cell=E08000035~therapy), so every view is a
// link. Letter text only ever enters the page as text nodes or attribute values.
'use strict';
(function () {
  const D = JSON.parse(document.getElementById('data').textContent);
  const T = D.themes;
  const SVG = 'http://www.w3.org/2000/svg';
  const IMP = 1, STR = 2, PRI = 4;
  const LISTS = { p: 'priority action', i: 'improvement', s: 'strength' };
  const SIDE = { improvement: 'an improvement', strength: 'a strength', priority: 'a priority action' };
  const SYMBOL = { both: '◆', priority: '‼', improvement: '▼', strength: '▲', '': '' };
  const WORDS = {
    both: 'listed both as a strength and as an improvement',
    priority: 'listed as a priority action',
    improvement: 'listed as an improvement',
    strength: 'listed as a strength',
    '': 'not listed',
  };
  const KEYS = ['view', 'kind', 'topic', 'from', 'to', 'region', 'q', 'sort', 'area', 'cell'];

  for (const d of D.docs) {
    d.bits = new Uint8Array(T.length);
    for (const [t, b] of d.listed) d.bits[t] = b;
  }

  // Elements built without parsing HTML: strings become text nodes.
  function put(e, attrs, kids) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const k of kids.flat(Infinity)) {
      if (k !== null && k !== undefined && k !== false) e.append(k instanceof Node ? k : String(k));
    }
    return e;
  }
  const h = (tag, attrs, ...kids) => put(document.createElement(tag), attrs, kids);
  const s = (tag, attrs, ...kids) => put(document.createElementNS(SVG, tag), attrs, kids);
  const $ = (id) => document.getElementById(id);
  // Replaces an element's children (nested lists flattened).
  const fill = (e, ...kids) => { e.replaceChildren(); return put(e, {}, kids); };

  function state() {
    const st = {};
    for (const part of location.hash.replace(/^#/, '').split('&')) {
      const i = part.indexOf('=');
      if (i > 0) st[decodeURIComponent(part.slice(0, i))] = decodeURIComponent(part.slice(i + 1));
    }
    return st;
  }
  function link(patch) {
    const st = Object.assign(state(), patch);
    return '#' + KEYS.filter((k) => st[k]).map((k) => k + '=' + encodeURIComponent(st[k])).join('&');
  }

  const year = (d) => d.date.slice(0, 4);
  function selected(st) {
    return D.docs.filter((d) =>
      (!st.kind || d.type === st.kind || d.kind === st.kind) &&
      (!st.topic || d.topic === st.topic) &&
      (!st.from || (d.date && year(d) >= st.from)) &&
      (!st.to || (d.date && year(d) <= st.to)) &&
      (!st.region || d.region.split(';').includes(st.region)));
  }

  // Documents grouped by their authorities, as `letters compare` groups them.
  function areas(docs) {
    const m = new Map();
    for (const d of docs) {
      if (!m.has(d.code)) m.set(d.code, { code: d.code, name: d.area || 'unknown area', region: d.region, docs: [] });
      m.get(d.code).docs.push(d);
    }
    return [...m.values()];
  }
  const areaBits = (a, t) => a.docs.reduce((b, d) => b | d.bits[t], 0);
  // How a theme is listed, as the core's Listed::listed_as says it.
  function listing(b) {
    const imp = b & (IMP | PRI), str = b & STR;
    if (imp && str) return 'both';
    if (b & PRI) return 'priority';
    if (imp) return 'improvement';
    return str ? 'strength' : '';
  }
  const latest = (a) => a.docs.reduce((m, d) => (d.date > m ? d.date : m), '');
  const docLabel = (d) => [d.date || 'undated', d.type, d.topic].filter(Boolean).join(' · ');

  // The 95% Wilson score interval, as the core's analysis::stats::wilson.
  function wilson(k, n) {
    if (!n) return [0, 1];
    const z = 1.959963984540054, p = k / n, z2 = z * z, den = 1 + z2 / n;
    const c = (p + z2 / (2 * n)) / den, half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / den;
    return [Math.max(0, c - half), Math.min(1, c + half)];
  }
  const pct = (x) => Math.round(x * 100) + '%';

  function bar(k, n, cls, label, side) {
    const [lo, hi] = wilson(k, n), W = 200, x = (v) => (v * W).toFixed(1);
    const text = `${k} of ${n}, ${pct(n ? k / n : 0)} (${pct(lo)}–${pct(hi)})`;
    const svg = s('svg', { width: W + 2, height: 16, viewBox: `0 0 ${W + 2} 16`, role: 'img',
      'aria-label': `${label}: listed as ${side} in ${text}` },
    s('rect', { x: 0, y: 3, width: W, height: 10, class: 'track' }),
    s('rect', { x: 0, y: 3, width: x(n ? k / n : 0), height: 10, class: cls }),
    s('line', { x1: x(lo), x2: x(hi), y1: 8, y2: 8, class: 'ci' }),
    s('line', { x1: x(lo), x2: x(lo), y1: 4, y2: 12, class: 'ci' }),
    s('line', { x1: x(hi), x2: x(hi), y1: 4, y2: 12, class: 'ci' }));
    return h('td', {}, svg, h('span', { class: 'num' }, text));
  }

  function overview(docs) {
    const n = docs.length;
    const rows = T.map((th, t) => {
      let imp = 0, str = 0;
      for (const d of docs) {
        if (d.bits[t] & (IMP | PRI)) imp++;
        if (d.bits[t] & STR) str++;
      }
      return { th, imp, str };
    }).filter((r) => r.imp || r.str).sort((a, b) => b.imp - a.imp || b.str - a.str);
    $('prevalence-body').replaceChildren(...rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, r.th.label),
      bar(r.imp, n, 'imp', r.th.label, 'an improvement'),
      bar(r.str, n, 'str', r.th.label, 'a strength'))));
  }

  function trends(docs) {
    const box = $('trends');
    const years = [...new Set(docs.filter((d) => d.date).map(year))].sort();
    if (years.length < 2) {
      box.replaceChildren(h('p', {}, 'Trends need documents from two years or more.'));
      return;
    }
    const per = years.map((y) => docs.filter((d) => d.date && year(d) === y));
    const W = 230, H = 72, L = 6, R = 22, TOP = 6, B = 16;
    // Years at their place in time, gaps and all.
    const first = +years[0], span = +years[years.length - 1] - first;
    const X = (i) => L + (+years[i] - first) * (W - L - R) / span;
    const Y = (v) => TOP + (1 - v) * (H - TOP - B);
    const figures = [];
    T.forEach((th, t) => {
      const count = (bit) => per.map((ds) => ds.filter((d) => d.bits[t] & bit).length);
      const imp = count(IMP | PRI), str = count(STR);
      if (!imp.some(Boolean) && !str.some(Boolean)) return;
      const share = (k, i) => (per[i].length ? k / per[i].length : 0);
      const said = years.map((y, i) => `${y} ${pct(share(imp[i], i))}`).join(', ');
      const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img',
        'aria-label': `${th.label}, share of documents listing it as an improvement: ${said}` },
      s('line', { x1: L, x2: W - R, y1: Y(0), y2: Y(0), class: 'axis' }),
      s('line', { x1: L, x2: W - R, y1: Y(0.5), y2: Y(0.5), class: 'grid' }),
      s('text', { x: L, y: H - 3, class: 'tick' }, years[0]),
      s('text', { x: W - R, y: H - 3, class: 'tick end' }, years[years.length - 1]),
      s('text', { x: W, y: Y(0.5) + 3, class: 'tick end' }, '50%'),
      s('text', { x: W, y: Y(1) + 6, class: 'tick end' }, '100%'));
      for (const [counts, cls, side] of [[imp, 'imp', 'an improvement'], [str, 'str', 'a strength']]) {
        const pts = counts.map((k, i) => [X(i).toFixed(1), Y(share(k, i)).toFixed(1)]);
        svg.append(s('polyline', { points: pts.map((p) => p.join(',')).join(' '), class: cls }));
        pts.forEach(([x, y], i) => svg.append(s('circle', { cx: x, cy: y, r: 2.6, class: cls + (per[i].length < 5 ? ' small' : '') },
          s('title', {}, `${years[i]}: ${counts[i]} of ${per[i].length} list it as ${side}`))));
      }
      figures.push(h('figure', { class: 'multiple' }, h('figcaption', {}, th.label), svg));
    });
    box.replaceChildren(...figures);
  }

  const RANK = { priority: 0, improvement: 1, both: 2, strength: 3, '': 4 };
  function sorted(list, sort) {
    const byName = (a, b) => a.name.localeCompare(b.name, 'en');
    if (sort === 'region') return list.sort((a, b) => a.region.localeCompare(b.region, 'en') || byName(a, b));
    if (sort === 'date') return list.sort((a, b) => latest(b).localeCompare(latest(a)) || byName(a, b));
    const t = sort.startsWith('t:') ? T.findIndex((x) => x.id === sort.slice(2)) : -1;
    if (t >= 0) return list.sort((a, b) => RANK[listing(areaBits(a, t))] - RANK[listing(areaBits(b, t))] || byName(a, b));
    return list.sort(byName);
  }
  function matches(a, q) {
    return !q || a.name.toLowerCase().includes(q) || a.code.toLowerCase().includes(q);
  }

  function sortHeader(key, label, cls, sort) {
    const b = h('button', { type: 'button', title: `Sort the areas by ${label}` }, label);
    b.addEventListener('click', () => { location.hash = link({ sort: key }); });
    return h('th', { scope: 'col', class: cls, 'aria-sort': sort === key ? (key === 'date' ? 'descending' : 'ascending') : null }, b);
  }

  function matrix(docs, st) {
    const q = (st.q || '').trim().toLowerCase();
    const sort = st.sort || 'name';
    const list = sorted(areas(docs).filter((a) => matches(a, q)), sort);
    const head = h('tr', {}, sortHeader('name', 'Area', 'name', sort), sortHeader('region', 'Region', '', sort),
      sortHeader('date', 'Latest', '', sort), T.map((th) => sortHeader('t:' + th.id, th.label, 'theme', sort)));
    const rows = list.map((a) => h('tr', { 'data-code': a.code },
      h('th', { scope: 'row', title: a.name }, h('a', { href: link({ area: a.code || '-', cell: '' }) }, a.name)),
      h('td', { class: 'meta' }, a.region),
      h('td', { class: 'meta' }, latest(a)),
      T.map((th, t) => {
        const l = listing(areaBits(a, t));
        if (!l) return h('td', {}, h('span', { class: 'c', 'aria-hidden': 'true' }, '·'));
        return h('td', {}, h('a', { class: 'c ' + l, href: link({ cell: `${a.code || '-'}~${th.id}` }),
          'aria-label': `${a.name}, ${th.label}: ${WORDS[l]}` }, SYMBOL[l]));
      })));
    $('grid').replaceChildren(h('thead', {}, head), h('tbody', {}, rows));
    $('matrix-count').textContent = `${list.length} areas` + (q ? ` matching “${st.q}”` : '');
  }

  // An item's text with the words that tagged theme `t` marked.
  function marked(it, t) {
    const out = h('span', {});
    let pos = 0;
    for (const [th, a, b] of it.marks_utf16) {
      if (th !== t || a < pos) continue;
      out.append(it.text.slice(pos, a), h('mark', {}, it.text.slice(a, b)));
      pos = b;
    }
    out.append(it.text.slice(pos));
    return out;
  }
  const ofArea = (docs, code) => docs.filter((d) => d.code === (code === '-' ? '' : code));

  let shownCell = null;
  function evidence(docs, st) {
    const box = $('evidence');
    const cut = (st.cell || '').lastIndexOf('~');
    const code = st.cell ? st.cell.slice(0, cut) : '';
    const t = st.cell ? T.findIndex((x) => x.id === st.cell.slice(cut + 1)) : -1;
    const ds = ofArea(docs, code);
    if (t < 0 || !ds.length) {
      box.hidden = true;
      box.replaceChildren();
      shownCell = null;
      return;
    }
    const a = areas(ds)[0];
    const kids = [h('a', { class: 'close', href: link({ cell: '' }) }, 'Close'),
      h('h2', { id: 'evidence-title', tabindex: '-1' }, `${a.name} — ${T[t].label}`),
      h('p', { class: 'muted' }, `${WORDS[listing(areaBits(a, t))]} in ${ds.length} document${ds.length === 1 ? '' : 's'} shown; the words that tagged each finding are marked.`)];
    for (const d of ds) {
      const its = d.items.filter((x) => x.themes.includes(t));
      if (!its.length) continue;
      kids.push(h('h3', {}, docLabel(d)), h('p', { class: 'muted' }, d.path),
        h('ol', { class: 'findings' }, its.map((it) => h('li', { class: it.list }, h('span', { class: 'list' }, LISTS[it.list]), marked(it, t)))));
    }
    box.replaceChildren(...kids);
    box.hidden = false;
    if (shownCell !== st.cell) $('evidence-title').focus();
    shownCell = st.cell;
  }

  function docsTable(ds) {
    return h('table', { class: 'docs' },
      h('thead', {}, h('tr', {}, ['Date', 'Type', 'Topic', 'Inspected', 'Judgements', 'Title', 'File'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ds.map((d) => h('tr', {},
        h('td', {}, d.date), h('td', {}, d.type), h('td', {}, d.topic),
        h('td', {}, d.start && d.end ? `${d.start} to ${d.end}` : ''),
        h('td', {}, d.judgements.map(([what, grade]) => `${what}: ${grade}`).join('; ')),
        h('td', {}, d.title), h('td', {}, d.path)))));
  }

  function profileView(code) {
    const p = D.profiles.find((x) => x.code === code);
    if (!p) return [h('p', { class: 'muted' }, 'No profile: it is made for one local authority (not a partnership of several, nor an unknown area).')];
    const line = (x) => `${T[x.theme].label} as ${SIDE[x.side]}: ${x.here[0]} of ${x.here[1]} here, ${x.others[0]} of ${x.others[1]} compared (${pct(x.others[1] ? x.others[0] / x.others[1] : 0)})`;
    const group = (standing, title, none, stats) => {
      const xs = p.themes.filter((x) => x.standing === standing);
      return [h('h4', {}, title), xs.length ? h('ul', { class: 'profile' }, xs.map((x) => h('li', {},
        line(x) + (stats ? `; p = ${x.p.toFixed(3)}, q = ${x.q.toFixed(3)} (${x.direction})` : ''),
        x.evidence ? h('blockquote', {}, x.evidence) : null))) : h('p', { class: 'muted' }, none)];
    };
    return [
      h('p', {}, `Compared with ${p.compared} ${p.compared_with} in this corpus (all documents, whatever the filters).`),
      group('distinctive', 'Distinctive (Fisher’s exact test, Benjamini–Hochberg q < 0.05)', 'Nothing: no difference is more than chance would give.', true),
      group('rare-elsewhere', 'Listed here, rare elsewhere (25% or fewer of the compared)', 'None.', false),
      group('common-elsewhere', 'Common elsewhere, not listed here (75% or more of the compared)', 'None.', false),
      h('h4', {}, 'Words and phrases its findings use more (log-likelihood G², p < 0.001)'),
      p.keyness.length ? h('table', { class: 'docs' },
        h('thead', {}, h('tr', {}, ['Term', 'G²', 'Here', 'Elsewhere'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, p.keyness.map(([term, g2, here, there]) => h('tr', {}, h('td', {}, term), h('td', {}, g2.toFixed(1)), h('td', {}, here), h('td', {}, there)))))
        : h('p', { class: 'muted' }, 'None stands out.'),
    ];
  }

  function findings(ds) {
    return ds.map((d) => [h('h3', {}, docLabel(d)), ['p', 'i', 's'].map((l) => {
      const its = d.items.filter((x) => x.list === l);
      if (!its.length) return null;
      return [h('h4', {}, `Listed as ${LISTS[l]} (${its.length})`), h('ul', { class: 'findings' }, its.map((it) => h('li', { class: l },
        it.text, ' ', h('span', { class: 'tags' }, it.themes.map((t) => T[t].label).join(' · ')))))];
    })]);
  }

  // The area's row of the matrix, in words: the themes by how its documents list them.
  function listingSummary(a) {
    const by = { priority: [], improvement: [], both: [], strength: [] };
    T.forEach((th, t) => {
      const l = listing(areaBits(a, t));
      if (l) by[l].push(th.label);
    });
    return h('dl', { class: 'listing' }, Object.entries(by).filter(([, v]) => v.length).map(([l, v]) => [
      h('dt', {}, h('span', { class: 'c sw ' + l, 'aria-hidden': 'true' }, SYMBOL[l]), ' ', WORDS[l]),
      h('dd', {}, v.join(', '))]));
  }

  let shownArea = null;
  function areaView(st) {
    const ds = ofArea(D.docs, st.area);
    const box = $('area');
    if (!ds.length) {
      box.replaceChildren(h('p', {}, 'No documents about this area.'), h('a', { href: link({ area: '' }) }, '← All areas'));
      return;
    }
    const a = areas(ds)[0];
    fill(box,
      h('p', {}, h('a', { href: link({ area: '', cell: '' }) }, '← All areas')),
      h('h2', { id: 'area-title', tabindex: '-1' }, a.name),
      h('p', { class: 'muted' }, [a.code && `ONS code ${a.code.split(';').join(', ')}`, a.region].filter(Boolean).join(' · ')),
      h('h3', {}, `Documents (${ds.length})`), docsTable(ds),
      h('h3', {}, 'How its documents list each theme'), listingSummary(a),
      h('h3', {}, 'Profile against comparable documents'), profileView(a.code),
      h('h3', {}, 'Listed findings'), findings(ds));
    if (shownArea !== st.area) $('area-title').focus();
    shownArea = st.area;
  }

  const CONTROLS = { kind: 'f-kind', topic: 'f-topic', from: 'f-from', to: 'f-to', region: 'f-region' };
  function render() {
    const st = state();
    for (const [k, id] of Object.entries(CONTROLS)) $(id).value = st[k] || '';
    if (document.activeElement !== $('f-q')) $('f-q').value = st.q || '';
    const docs = selected(st);
    $('status').textContent = `Showing ${docs.length} of ${D.docs.length} inspection documents, ${areas(docs).length} areas.`;
    const view = st.area ? 'area' : ['matrix', 'about'].includes(st.view) ? st.view : 'overview';
    for (const id of ['overview', 'matrix', 'about', 'area']) $(id).hidden = id !== view;
    for (const a of document.querySelectorAll('#tabs a')) {
      if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
      a.setAttribute('href', link({ view: a.dataset.view, area: '', cell: '' }));
    }
    if (view === 'overview') {
      overview(docs);
      trends(docs);
    } else if (view === 'matrix') {
      matrix(docs, st);
    } else if (view === 'area') {
      areaView(st);
    }
    if (view !== 'area') shownArea = null;
    evidence(docs, st);
  }

  for (const [k, id] of Object.entries(CONTROLS)) {
    $(id).addEventListener('change', (e) => { location.hash = link({ [k]: e.target.value, cell: '' }); });
  }
  const names = $('area-names');
  for (const a of areas(D.docs)) names.append(h('option', { value: a.name }));
  $('f-q').addEventListener('input', (e) => {
    history.replaceState(null, '', link({ q: e.target.value, view: 'matrix', area: '', cell: '' }));
    render();
  });
  $('f-q').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const q = e.target.value.trim().toLowerCase();
    const found = areas(selected(state())).filter((a) => matches(a, q));
    const exact = found.find((a) => a.name.toLowerCase() === q);
    const one = exact || (found.length === 1 ? found[0] : null);
    if (one) location.hash = link({ area: one.code || '-', cell: '' });
  });
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('hashchange', render);
  render();
})();
