// The record a coordinator chose: its fields, as in their private chat, and the actions on it, each
// the chat command it stands for.
import { el, newId } from './kit.js';

/**
 * The detail panel's content for `ref` in `view`. `page` gives the reader's words (`s`), durations,
 * the server's clock (`now`), `post`, which sends an action, `suggest`, which asks for the
 * volunteers to offer, and `base`, the dashboard's path; `proposedPlace` is a dragged marker's.
 */
export function detailOf(view, ref, proposedPlace, page) {
  const { s, duration, now, post, suggest, base } = page;
  const field = (key, value) =>
    value === null || value === undefined || value === ''
      ? []
      : [el('dt', {}, s(key)), el('dd', {}, String(value))];

  /**
   * An action with an optional text input (a reason, a reference, a place). Pressed again unchanged it
   * sends the same id (a double click acts once); with other input it is a new action.
   */
  function actionRow(label, build, input) {
    let id = newId();
    let sent;
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
          if (!act) return;
          const key = JSON.stringify(act);
          if (sent !== undefined && sent !== key) id = newId();
          sent = key;
          void post(act, id);
        },
      },
      label,
    );
    return el('div', { class: 'actions' }, box, button);
  }

  /** The nearest available volunteers, asked for when the record is opened, each an Assign button. */
  function suggestionRow(record) {
    const box = el('div', { class: 'suggestions' });
    void suggest(record.ref).then((volunteers) => {
      if (volunteers.length === 0) return;
      box.replaceChildren(
        el('p', { class: 'hint' }, s('suggested')),
        ...volunteers.map((v) =>
          actionRow(
            `${s('action-assign')} ${v.ref}${v.name ? ` (${v.name})` : ''} · ${v.km} ${s('km')}${v.fits ? ' ✓' : ''}`,
            () => ({ kind: 'assign', ref: record.ref, volunteer: v.ref }),
          ),
        ),
      );
    });
    return box;
  }

  /** The record's photos (small, opened full size) and other media (links), served to coordinators only. */
  function mediaList(media) {
    if (!media || media.length === 0) return null;
    return el(
      'div',
      { class: 'media' },
      ...media.map((m) => {
        const href = `${base}/media?id=${encodeURIComponent(m.id)}`;
        const label = s(`media-${m.type}`);
        const shown =
          m.type === 'photo' ? el('img', { src: href, alt: label, loading: 'lazy', width: '96' }) : label;
        return el('a', { href, target: '_blank', rel: 'noopener' }, shown);
      }),
    );
  }

  const volunteerRef = (text) => (/^V-\d+$/i.test(text) ? text.toUpperCase() : null);
  const requestRef = (text) => (/^R-\d+$/i.test(text) ? text.toUpperCase() : null);

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
      mediaList(c.media),
      c.status === 'open' ? actionRow(s('action-ack'), () => ({ kind: 'ack', ref: c.ref })) : null,
      c.status === 'team_assigned' ? null : suggestionRow(c),
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
      mediaList(r.media),
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
  const k = view.posko.find((x) => x.ref === ref);
  if (k)
    return [
      el('h2', {}, `${k.ref} ${k.name}`),
      el(
        'dl',
        { class: 'fields' },
        ...field('area', k.area),
        ...field('address', k.address),
        ...field('opening-hours', k.hours),
        ...field('contact', k.contact),
        ...field('accepts', k.accepts),
        ...field('stock', k.stock || s('none')),
      ),
    ];
  const o = view.offers.find((x) => x.ref === ref);
  if (o)
    return [
      el('h2', {}, o.ref),
      el(
        'dl',
        { class: 'fields' },
        ...field('items', o.left),
        ...field('services', o.services.join(', ')),
        ...field('area', o.area ?? s('no-area')),
        ...field('until', new Date(o.until).toISOString().slice(0, 10)),
        ...field('delivery', o.delivery),
        ...field('contact', o.contact),
        ...(o.approximate ? field('approximate', '✓') : []),
      ),
      el('p', { class: 'hint' }, s('offer-match-hint')),
    ];
  const d = view.drafts.find((x) => x.ref === ref);
  if (d) return draftDetail(d, { field, actionRow, s, duration, now });
  return [el('p', { class: 'hint' }, s('select'))];
}

/**
 * A draft read in a listened group: what was read, the words as written, and the decisions the
 * buttons under it in the chat carry (`/draft D-n confirm|discard|rescue`).
 */
function draftDetail(d, { field, actionRow, s, duration, now }) {
  const decide = (decision) => () => ({ kind: 'draft', ref: d.ref, decision });
  const danger = d.kind === 'danger';
  return [
    el('h2', {}, `${d.ref} `, el('span', { class: `tag ${d.kind}` }, s(`draft-kind-${d.kind}`))),
    el(
      'dl',
      { class: 'fields' },
      ...field('group', d.group),
      ...field('writer', d.writer),
      ...field('waiting', duration(now() - d.createdAt)),
      ...(d.escalation > 0 ? field('level', d.escalation) : []),
      ...field('items', d.items),
      ...field('people', d.people),
      ...field('conditions', d.conditions.join(', ')),
      ...field('place', d.place),
      ...field('area', d.area ?? s('no-area')),
      ...field('contact', d.contact),
      ...(d.seenIn > 1 ? field('seen-in', d.seenIn) : []),
      ...field('duplicate', d.duplicate),
    ),
    el('p', { class: 'hint' }, s('words')),
    el('blockquote', { class: 'words' }, d.words),
    danger
      ? actionRow(s('action-rescue'), decide('rescue'))
      : actionRow(s('action-confirm'), decide('confirm')),
    actionRow(s(danger ? 'action-not-danger' : 'action-discard'), decide('discard')),
    danger ? null : el('p', { class: 'hint' }, s('draft-hint')),
  ];
}
