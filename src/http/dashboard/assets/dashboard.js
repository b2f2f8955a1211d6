// The coordinators' dashboard in the browser. It shows the view the server builds (GET view), follows
// the ledger's changes through server-sent events (GET events), and sends each action as the chat
// command it stands for (POST act), with the session's CSRF token; the bot's answers arrive as events.
import { detailOf } from './detail.js';
import { durationIn, el, newId } from './kit.js';

(() => {
  const boot = JSON.parse(document.getElementById('boot').textContent);
  const base = boot.path;
  const s = (key) => boot.strings[`dashboard-${key}`] ?? key;
  const $ = (id) => document.getElementById(id);

  let view;
  let clockSkew = 0;
  let selected;
  let fitted = false;
  const filters = {
    area: '',
    skill: '',
    rescues: true,
    requests: true,
    volunteers: true,
    posko: true,
    offers: true,
    drafts: true,
  };

  const now = () => Date.now() + clockSkew;
  const duration = durationIn(s);

  // The map: tiles from MAP_TILE_URL, fetched by this browser; markers stand on a plain background
  // when the tiles cannot load.
  const map = L.map('map', { zoomControl: true }).setView([-7.8, 110.4], 10);
  let tilesOk = false;
  L.tileLayer(boot.tileUrl, { attribution: boot.tileAttribution, maxZoom: 19 })
    .on('tileload', () => {
      tilesOk = true;
      $('tiles-failed').hidden = true;
    })
    .on('tileerror', () => {
      if (!tilesOk) $('tiles-failed').hidden = false;
    })
    .addTo(map);
  const markers = L.layerGroup().addTo(map);

  // What the shapes and colours mean, in the reader's language.
  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const entry = (cls, label) => el('div', {}, el('span', { class: `pin key ${cls}` }), ` ${label}`);
    return el(
      'div',
      { class: 'legend' },
      ...['open', 'acknowledged', 'team_assigned'].map((st) => entry(`rescue ${st}`, s(`status-${st}`))),
      ...['critical', 'high', 'normal', 'low'].map((u) => entry(`request ${u}`, s(`urgency-${u}`))),
      entry('volunteer', s('show-volunteers')),
      entry('posko', s('show-posko')),
      entry('offer', s('show-offers')),
    );
  };
  legend.addTo(map);

  const inArea = (area) =>
    !filters.area || (area && (area === filters.area || area.startsWith(`${filters.area}/`)));
  const shown = () => ({
    rescues: filters.rescues ? view.rescues.filter((c) => inArea(c.area)) : [],
    requests: filters.requests ? view.requests.filter((r) => inArea(r.area)) : [],
    volunteers: filters.volunteers
      ? view.volunteers.filter(
          (v) => inArea(v.area) && (!filters.skill || v.skillIds.includes(filters.skill)),
        )
      : [],
    posko: filters.posko ? view.posko.filter((k) => inArea(k.area)) : [],
    // The skill filter also picks offered services: a boat volunteer and an offered boat alike.
    offers: filters.offers
      ? view.offers.filter((o) => inArea(o.area) && (!filters.skill || o.skillIds.includes(filters.skill)))
      : [],
    drafts: filters.drafts ? view.drafts.filter((d) => inArea(d.area)) : [],
  });
  const oldestUnacknowledged = () =>
    view.rescues.filter((c) => c.status === 'open').sort((a, b) => a.createdAt - b.createdAt)[0];

  async function post(act, id = newId()) {
    const res = await fetch(`${base}/act`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': boot.csrf },
      body: JSON.stringify({ id, act }),
    });
    if (res.status === 401) location.reload();
  }

  async function suggest(ref) {
    const res = await fetch(`${base}/suggestions?ref=${encodeURIComponent(ref)}`, { cache: 'no-store' });
    return res.ok ? res.json() : [];
  }

  function pin(kind, cls, record, lat, lon, draggable) {
    const marker = L.marker([lat, lon], {
      title: record.ref,
      draggable,
      icon: L.divIcon({
        className: `pin ${kind} ${cls}`,
        iconSize: kind === 'volunteer' || kind === 'offer' ? [14, 14] : [20, 20],
      }),
    });
    marker.on('click', () => select(record.ref));
    // Dragging a rescue case proposes its new place; the coordinator confirms with "Move to".
    if (draggable)
      marker.on('dragend', () => {
        const p = marker.getLatLng();
        select(record.ref, `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`);
      });
    return marker.addTo(markers);
  }

  function drawMap() {
    markers.clearLayers();
    const { rescues, requests, volunteers, posko, offers } = shown();
    const oldest = oldestUnacknowledged();
    const points = [];
    for (const k of posko) if (k.lat !== null) pin('posko', '', k, k.lat, k.lon, false);
    for (const o of offers)
      if (o.lat !== null) pin('offer', o.approximate ? 'approximate' : '', o, o.lat, o.lon, false);
    for (const v of volunteers) if (v.lat !== null) pin('volunteer', '', v, v.lat, v.lon, false);
    for (const r of requests)
      if (r.lat !== null) {
        pin('request', `${r.urgency} ${r.status}`, r, r.lat, r.lon, false);
        points.push([r.lat, r.lon]);
      }
    for (const c of rescues)
      if (c.lat !== null) {
        const m = pin(
          'rescue',
          `${c.status}${c.escalation > 0 ? ' escalated' : ''}${oldest && c.ref === oldest.ref ? ' oldest' : ''}`,
          c,
          c.lat,
          c.lon,
          true,
        );
        m.setZIndexOffset(1000);
        points.push([c.lat, c.lon]);
      }
    if (!fitted && points.length > 0) {
      map.fitBounds(points, { padding: [30, 30], maxZoom: 14 });
      fitted = true;
    }
  }

  function listItem(record, label, tags, cls = '') {
    const button = el(
      'button',
      {
        type: 'button',
        class: `${cls}${record.ref === selected ? ' selected' : ''}`,
        'data-ref': record.ref,
        onclick: () => select(record.ref),
      },
      el('b', {}, record.ref),
      ` ${label} `,
      ...tags.map(([cls, text]) => el('span', { class: `tag ${cls}` }, text)),
    );
    return el('li', {}, button);
  }

  function drawList() {
    const { rescues, requests } = shown();
    const list = $('list');
    list.replaceChildren();
    for (const c of rescues)
      list.append(
        listItem(c, `${c.area ?? s('no-area')} · ${duration(now() - c.createdAt)}`, [
          [c.status, s(`status-${c.status}`)],
          ...(c.escalation > 0 ? [['', `${s('level')} ${c.escalation}`]] : []),
        ]),
      );
    for (const r of requests)
      list.append(
        listItem(r, `${r.items} · ${r.area ?? s('no-area')}`, [
          [r.urgency, s(`urgency-${r.urgency}`)],
          [r.status, s(`status-${r.status}`)],
        ]),
      );
    if (rescues.length + requests.length === 0) list.append(el('li', { class: 'hint' }, s('empty')));
  }

  /** Drafts waiting for a coordinator, danger first: an alert nobody has acted on yet. */
  function drawDrafts() {
    const { drafts } = shown();
    const ordered = [
      ...drafts.filter((d) => d.kind === 'danger'),
      ...drafts.filter((d) => d.kind !== 'danger'),
    ];
    $('drafts').hidden = ordered.length === 0;
    $('draft-list').replaceChildren(
      ...ordered.map((d) =>
        listItem(
          d,
          `${d.kind === 'danger' ? d.conditions.join(', ') || d.place || '' : d.items} · ${d.area ?? d.group} · ${duration(now() - d.createdAt)}`,
          [
            [d.kind, s(`draft-kind-${d.kind}`)],
            ...(d.escalation > 0 ? [['', `${s('level')} ${d.escalation}`]] : []),
          ],
          d.kind === 'danger' ? 'danger' : '',
        ),
      ),
    );
  }

  // A danger read in a group that nobody has answered waits like an unacknowledged case: the older of
  // the two is the one in the bar.
  function drawAlarm() {
    const waiting = [oldestUnacknowledged(), ...view.drafts.filter((d) => d.kind === 'danger')];
    const oldest = waiting.filter(Boolean).sort((a, b) => a.createdAt - b.createdAt)[0];
    const alarm = $('alarm');
    alarm.hidden = !oldest;
    if (!oldest) return;
    alarm.textContent = `⚠ ${s('oldest-unack')}: ${oldest.ref} · ${oldest.area ?? s('no-area')} · ${duration(now() - oldest.createdAt)} · ${s('level')} ${oldest.escalation}`;
    alarm.onclick = () => select(oldest.ref);
  }

  function drawFigures() {
    const f = view.figures;
    const rows = [];
    const head = (key) => rows.push(el('b', {}, s(key)), el('span'));
    const row = (label, value) => rows.push(el('span', {}, label), el('span', {}, String(value)));
    head('figures-requests');
    for (const u of ['critical', 'high', 'normal', 'low'])
      row(s(`urgency-${u}`), f.requestsByUrgency[u] ?? 0);
    head('figures-areas');
    for (const a of f.requestsByArea.slice(0, 8)) row(a.area || s('no-area'), a.count);
    head('figures-rescues');
    for (const st of ['open', 'acknowledged', 'team_assigned'])
      row(s(`status-${st}`), f.rescuesByStatus[st] ?? 0);
    row(s('figures-ack'), duration(f.medianAcknowledgeMs));
    row(s('figures-assign'), duration(f.medianAssignMs));
    head('figures-broadcasts');
    if (f.broadcasts.length === 0) row(s('none'), '');
    for (const b of f.broadcasts)
      row(
        `${b.ref} (${b.target})`,
        `${b.sent}/${b.total} ${s('sent')}, ${b.failed} ${s('failed')}, ${b.pending} ${s('pending')}`,
      );
    $('figures').replaceChildren(el('div', { class: 'figures-grid' }, ...rows));
  }

  function drawAreas() {
    const select = $('area');
    const areas = new Set();
    const all = [view.rescues, view.requests, view.volunteers, view.posko, view.offers, view.drafts];
    for (const r of all.flat())
      if (r.area) {
        const parts = r.area.split('/');
        for (let i = 1; i <= parts.length; i++) areas.add(parts.slice(0, i).join('/'));
      }
    const current = select.value;
    select.replaceChildren(
      el('option', { value: '' }, s('filter-all-areas')),
      ...[...areas].sort().map((a) => el('option', { value: a }, a)),
    );
    select.value = areas.has(current) ? current : '';
  }

  /** The skills of the available volunteers and the services offered, for the skill filter. */
  function drawSkills() {
    const select = $('skill');
    const skills = new Map([
      ...view.offers.flatMap((o) => o.skillIds.map((id) => [id, id])),
      ...view.volunteers.flatMap((v) => v.skillIds.map((id, i) => [id, v.skills[i]])),
    ]);
    const current = select.value;
    select.replaceChildren(
      el('option', { value: '' }, s('filter-all-skills')),
      ...[...skills]
        .sort((a, b) => a[1].localeCompare(b[1]))
        .map(([id, label]) => el('option', { value: id }, label)),
    );
    select.value = skills.has(current) ? current : '';
  }

  function select(ref, proposedPlace) {
    selected = ref;
    $('detail').replaceChildren(
      ...detailOf(view, ref, proposedPlace, { s, duration, now, post, suggest, base }).filter(Boolean),
    );
    for (const b of document.querySelectorAll('#list button, #draft-list button'))
      b.classList.toggle('selected', b.dataset.ref === ref);
  }

  function draw() {
    drawAreas();
    drawSkills();
    drawMap();
    drawList();
    drawDrafts();
    drawAlarm();
    drawFigures();
    // The record shown stays shown, brought up to date; inputs being typed in are kept.
    const typing = document.activeElement?.closest('#detail');
    if (selected && !typing) select(selected);
  }

  // One fetch of the view at a time: changes that come while it loads are caught by one more after it,
  // so a busy hour costs a slow connection one view at a time, not one per change.
  let loading = false;
  let stale = false;
  async function refresh() {
    if (loading) {
      stale = true;
      return;
    }
    loading = true;
    try {
      const res = await fetch(`${base}/view`, { cache: 'no-store' });
      if (res.status === 401) return location.reload();
      view = await res.json();
      clockSkew = view.now - Date.now();
      draw();
    } finally {
      loading = false;
      if (stale) {
        stale = false;
        void refresh();
      }
    }
  }

  function showAnswer(reply) {
    $('answers').hidden = false;
    const item = el('li', {}, reply.text);
    for (const c of reply.choices ?? [])
      item.append(
        ' ',
        el(
          'button',
          { type: 'button', onclick: () => void post({ kind: 'choice', value: c.value }) },
          c.label,
        ),
      );
    const list = $('answer-list');
    list.prepend(item);
    while (list.children.length > 20) list.lastChild.remove();
  }

  // Live: the server says when the ledger moved; EventSource reconnects by itself after a drop.
  function connect() {
    const events = new EventSource(`${base}/events`);
    const live = $('live');
    events.onopen = () => {
      live.textContent = s('live');
      live.classList.remove('off');
    };
    events.onerror = () => {
      live.textContent = s('reconnecting');
      live.classList.add('off');
      // Refused (signed out): EventSource gives up; the page says so.
      if (events.readyState === EventSource.CLOSED) setTimeout(() => location.reload(), 2000);
    };
    events.addEventListener('version', (e) => {
      if (!view || Number(e.data) !== view.version) void refresh();
    });
    events.addEventListener('reply', (e) => showAnswer(JSON.parse(e.data)));
    events.addEventListener('signedout', () => location.reload());
  }

  $('area').addEventListener('change', (e) => {
    filters.area = e.target.value;
    fitted = false;
    draw();
  });
  $('skill').addEventListener('change', (e) => {
    filters.skill = e.target.value;
    draw();
  });
  for (const kind of ['rescues', 'requests', 'volunteers', 'posko', 'offers', 'drafts'])
    $(`show-${kind}`).addEventListener('change', (e) => {
      filters[kind] = e.target.checked;
      draw();
    });
  $('signout').addEventListener('click', async () => {
    await fetch(`${base}/signout`, { method: 'POST', headers: { 'x-csrf-token': boot.csrf } });
    location.reload();
  });
  // Waiting times move on between changes.
  setInterval(() => {
    if (!view) return;
    drawList();
    drawDrafts();
    drawAlarm();
  }, 30_000);

  void refresh().then(connect);
})();
