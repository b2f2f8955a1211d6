// The coordinators' dashboard in the browser. It shows the view the server builds (GET view), follows
// the ledger's changes through server-sent events (GET events), and sends each action as the chat
// command it stands for (POST act), with the session's CSRF token; the bot's answers arrive as events.
(() => {
  const boot = JSON.parse(document.getElementById('boot').textContent);
  const base = boot.path;
  const s = (key) => boot.strings[`dashboard-${key}`] ?? key;
  const $ = (id) => document.getElementById(id);

  let view;
  let clockSkew = 0;
  let selected;
  let fitted = false;
  const filters = { area: '', skill: '', rescues: true, requests: true, volunteers: true };

  /** An id made when an action is shown: a double click sends it twice, and the bot acts once. */
  const newId = () => {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  };

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'onclick') node.addEventListener('click', v);
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  };

  const duration = (ms) => {
    if (ms === null || ms === undefined) return s('none');
    const minutes = Math.max(0, Math.round(ms / 60_000));
    if (minutes < 60) return `${minutes} ${s('min')}`;
    return `${Math.floor(minutes / 60)} ${s('hours')} ${minutes % 60} ${s('min')}`;
  };
  const now = () => Date.now() + clockSkew;

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
    );
  };
  legend.addTo(map);

  const inArea = (area) =>
    !filters.area || (area && (area === filters.area || area.startsWith(`${filters.area}/`)));
  const shown = () => ({
    rescues: filters.rescues ? view.rescues.filter((c) => inArea(c.area)) : [],
    requests: filters.requests ? view.requests.filter((r) => inArea(r.area)) : [],
    volunteers: filters.volunteers
      ? view.volunteers.filter((v) => inArea(v.area) && (!filters.skill || v.skills.includes(filters.skill)))
      : [],
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

  function pin(kind, cls, record, lat, lon, draggable) {
    const marker = L.marker([lat, lon], {
      title: record.ref,
      draggable,
      icon: L.divIcon({
        className: `pin ${kind} ${cls}`,
        iconSize: kind === 'volunteer' ? [12, 12] : [20, 20],
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
    const { rescues, requests, volunteers } = shown();
    const oldest = oldestUnacknowledged();
    const points = [];
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
          `${c.status}${oldest && c.ref === oldest.ref ? ' oldest' : ''}`,
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

  function listItem(record, label, tags) {
    const button = el(
      'button',
      {
        type: 'button',
        class: record.ref === selected ? 'selected' : '',
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

  function drawAlarm() {
    const oldest = oldestUnacknowledged();
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
    for (const r of [...view.rescues, ...view.requests, ...view.volunteers])
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

  /** The skills of the available volunteers, for the volunteers' filter. */
  function drawSkills() {
    const select = $('skill');
    const skills = new Set(view.volunteers.flatMap((v) => v.skills));
    const current = select.value;
    select.replaceChildren(
      el('option', { value: '' }, s('filter-all-skills')),
      ...[...skills].sort().map((k) => el('option', { value: k }, k)),
    );
    select.value = skills.has(current) ? current : '';
  }

  const field = (key, value) =>
    value === null || value === undefined || value === ''
      ? []
      : [el('dt', {}, s(key)), el('dd', {}, String(value))];

  /** An action with an optional text input (a reason, a reference, a place); one id while it is shown. */
  function actionRow(label, build, input) {
    const id = newId();
    const box = input
      ? el('input', {
          type: 'text',
          placeholder: input.placeholder,
          value: input.value ?? '',
          'aria-label': label,
        })
      : null;
    const button = el(
      'button',
      {
        type: 'button',
        onclick: () => {
          const act = build(box ? box.value.trim() : '');
          if (act) void post(act, id);
        },
      },
      label,
    );
    return el('div', { class: 'actions' }, box, button);
  }

  function suggestionRow(record) {
    if (record.suggestions.length === 0) return null;
    return el(
      'div',
      {},
      el('p', { class: 'hint' }, s('suggested')),
      ...record.suggestions.map((v) =>
        actionRow(
          `${s('action-assign')} ${v.ref}${v.name ? ` (${v.name})` : ''} · ${v.km} ${s('km')}${v.fits ? ' ✓' : ''}`,
          () => ({
            kind: 'assign',
            ref: record.ref,
            volunteer: v.ref,
          }),
        ),
      ),
    );
  }

  const volunteerRef = (text) => (/^V-\d+$/i.test(text) ? text.toUpperCase() : null);
  const requestRef = (text) => (/^R-\d+$/i.test(text) ? text.toUpperCase() : null);

  function detailOf(ref, proposedPlace) {
    const c = view.rescues.find((x) => x.ref === ref);
    if (c) {
      const place = c.lat === null ? s('no-location') : `${c.lat.toFixed(5)},${c.lon.toFixed(5)}`;
      return [
        el('h2', {}, `${c.ref} `, el('span', { class: `tag ${c.status}` }, s(`status-${c.status}`))),
        el(
          'dl',
          { class: 'fields' },
          ...field('waiting', duration(now() - c.createdAt)),
          ...field('level', c.escalation),
          ...field('people', c.people ?? s('unknown')),
          ...field('conditions', c.conditions.join(', ') || s('none')),
          ...field('area', c.area ?? s('no-area')),
          ...field('address', c.address),
          ...field('contact', c.contact),
          ...field('notes', c.notes),
          ...field('volunteer', c.volunteer),
          ...(c.needsLocationCheck ? field('location-check', '⚠') : []),
          ...(c.lat === null ? [el('dt', {}, '📍'), el('dd', {}, s('no-location'))] : []),
        ),
        c.status === 'open' ? actionRow(s('action-ack'), () => ({ kind: 'ack', ref: c.ref })) : null,
        suggestionRow(c),
        actionRow(
          s('action-assign'),
          (t) => volunteerRef(t) && { kind: 'assign', ref: c.ref, volunteer: volunteerRef(t) },
          { placeholder: 'V-1' },
        ),
        actionRow(
          s('action-locate'),
          (t) => {
            const m = /^(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)$/.exec(t);
            return m && { kind: 'locate', ref: c.ref, lat: Number(m[1]), lon: Number(m[2]) };
          },
          { placeholder: s('locate-hint'), value: proposedPlace ?? (c.lat === null ? '' : place) },
        ),
        actionRow(s('action-close'), (t) => ({ kind: 'close', ref: c.ref, ...(t ? { reason: t } : {}) }), {
          placeholder: s('reason'),
        }),
      ];
    }
    const r = view.requests.find((x) => x.ref === ref);
    if (r)
      return [
        el(
          'h2',
          {},
          `${r.ref} `,
          el('span', { class: `tag ${r.urgency}` }, s(`urgency-${r.urgency}`)),
          el('span', { class: `tag ${r.status}` }, s(`status-${r.status}`)),
        ),
        el(
          'dl',
          { class: 'fields' },
          ...field('items', r.items),
          ...field('people', r.people ?? s('unknown')),
          ...field('area', r.area ?? s('no-area')),
          ...field('address', r.address),
          ...field('contact', r.contact),
          ...field('notes', r.notes),
          ...field('volunteer', r.volunteer),
          ...field('waiting', duration(now() - r.createdAt)),
        ),
        r.status === 'new' ? actionRow(s('action-verify'), () => ({ kind: 'verify', ref: r.ref })) : null,
        r.status === 'new'
          ? actionRow(s('action-verify-anyway'), () => ({ kind: 'verify', ref: r.ref, anyway: true }))
          : null,
        r.status === 'new' || r.status === 'verified'
          ? actionRow(
              s('action-dup'),
              (t) => requestRef(t) && { kind: 'dup', ref: r.ref, original: requestRef(t) },
              { placeholder: 'R-1' },
            )
          : null,
        r.status === 'verified' || r.status === 'assigned' ? suggestionRow(r) : null,
        r.status === 'verified' || r.status === 'assigned'
          ? actionRow(
              s('action-assign'),
              (t) => volunteerRef(t) && { kind: 'assign', ref: r.ref, volunteer: volunteerRef(t) },
              { placeholder: 'V-1' },
            )
          : null,
        r.status === 'new' || r.status === 'verified'
          ? actionRow(s('action-reject'), (t) => t && { kind: 'reject', ref: r.ref, reason: t }, {
              placeholder: s('reason'),
            })
          : null,
        actionRow(s('action-close'), (t) => ({ kind: 'close', ref: r.ref, ...(t ? { reason: t } : {}) }), {
          placeholder: s('reason'),
        }),
      ];
    const v = view.volunteers.find((x) => x.ref === ref);
    if (v)
      return [
        el('h2', {}, v.ref),
        el(
          'dl',
          { class: 'fields' },
          ...field('volunteer', v.name),
          ...field('skills', v.skills.join(', ')),
          ...field('area', v.area),
          ...field('contact', v.phone),
          ...(v.approximate ? field('approximate', '✓') : []),
        ),
      ];
    return [el('p', { class: 'hint' }, s('select'))];
  }

  function select(ref, proposedPlace) {
    selected = ref;
    $('detail').replaceChildren(...detailOf(ref, proposedPlace).filter(Boolean));
    for (const b of document.querySelectorAll('#list button'))
      b.classList.toggle('selected', b.dataset.ref === ref);
  }

  function draw() {
    drawAreas();
    drawSkills();
    drawMap();
    drawList();
    drawAlarm();
    drawFigures();
    // The record shown stays shown, brought up to date; inputs being typed in are kept.
    const typing = document.activeElement?.closest('#detail');
    if (selected && !typing) select(selected);
  }

  async function refresh() {
    const res = await fetch(`${base}/view`, { cache: 'no-store' });
    if (res.status === 401) return location.reload();
    view = await res.json();
    clockSkew = view.now - Date.now();
    draw();
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
  for (const kind of ['rescues', 'requests', 'volunteers'])
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
    drawAlarm();
  }, 30_000);

  void refresh().then(connect);
})();
