// One event: its fields, signals, history and photos; the steps this token may take, as buttons.
import { api } from './api.js';
import { t, time } from './i18n.js';

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
}

const NEEDS_TO = new Set(['dispatch', 'reassign', 'merge']);
const MAX_ALERTS_SHOWN = 5;

export class Detail {
  constructor(element, { categoryName, cellName, departmentName, onChanged }) {
    this.element = element;
    this.categoryName = categoryName;
    this.departmentName = departmentName;
    this.cellName = cellName;
    this.onChanged = onChanged;
    this.id = null;
    this.data = null;
  }

  async open(id) {
    this.id = id;
    this.data = await api(`/api/v1/events/${encodeURIComponent(id)}`);
    // who was told, over which channel, and who answered: the newest alerts' deliveries
    this.alertDetails = await Promise.all((this.data.alerts || []).slice(0, MAX_ALERTS_SHOWN)
      .map(a => api(`/api/v1/alerts/${encodeURIComponent(a.id)}`).catch(() => a)));
    this.render();
    this.element.hidden = false;
  }

  /** A live change of the open event: read it again (its history and allowed steps moved too). */
  changed(event) {
    if (this.id === event.id && !this.element.hidden) {
      this.open(event.id).catch(() => {});
    }
  }

  close() {
    this.id = null;
    this.data = null;
    this.element.hidden = true;
  }

  render() {
    if (!this.data) {
      return;
    }
    const e = this.data.event;
    const field = (key, value) => [el('dt', {}, t(key)), el('dd', { 'data-field': key.split('.')[1] }, value ?? '—')];
    const photos = this.data.history.flatMap(h => h.attachments || []);
    this.element.replaceChildren(
      el('button', { class: 'close', type: 'button', onclick: () => this.close() }, t('detail.close')),
      el('h2', {}, `${t('detail.title')} · ${this.categoryName(e.category)}`),
      this.actions(e),
      el('dl', {},
        field('detail.state', t(`state.${e.state}`)),
        field('detail.severity', el('span', { class: `sev sev-${e.severity}` }, t(`severity.${e.severity}`))),
        field('detail.cell', `${this.cellName(e.cell)} (${e.cell})`),
        field('detail.level', e.level && t(`caseLevel.${e.level}`)),
        field('detail.department', e.department && this.departmentName(e.department)),
        field('detail.assignee', e.assignee),
        field('detail.origin', e.origin && t(`origin.${e.origin}`)),
        field('detail.reporter', e.reporter),
        field('detail.description', e.description),
        field('detail.created', time(e.createdAt)),
        field('detail.deadline', time(e.deadline)),
        field('detail.signals', String(e.signals)),
        field('detail.sources', (e.sources || []).join(', '))),
      el('h3', {}, t('detail.photos')),
      el('ul', { class: 'photos' }, photos.length ? photos.map(url => el('li', {}, el('a', { href: url, target: '_blank', rel: 'noopener' }, url))) : '—'),
      el('h3', {}, t('detail.alerts')),
      this.alerts(),
      el('h3', {}, t('detail.history')),
      el('ol', { class: 'history' }, this.data.history.map(h => el('li', { 'data-action': h.action },
        `${time(h.at)} · ${t(`action.${h.action}`)} · ${h.actor}${h.to ? ` → ${t(`state.${h.to}`)}` : ''}${h.note ? ` · ${h.note}` : ''}`))));
  }

  /** Each alert of the event: why, where its chain is, the ack (who, how, when), every delivery and its outcome. */
  alerts() {
    const alerts = this.alertDetails || [];
    if (!alerts.length) {
      return el('p', { class: 'empty' }, '—');
    }
    return el('ul', { class: 'event-alerts' }, alerts.map(a => el('li', { 'data-alert': a.id, 'data-state': a.state },
      `${time(a.openedAt)} · ${t(`alerts.reason.${a.reason}`)} · ${t(`alerts.state.${a.state}`)} · `
        + `${t('detail.alertStep', { step: a.step, round: a.round })}`
        + (a.ack ? ` · ${t('detail.alertAck', { person: a.ack.person, channel: a.ack.channel, time: time(a.ack.at) })}` : ''),
      el('ul', { class: 'deliveries' }, (a.deliveries || []).map(d => el('li', { 'data-state': d.state },
        `${d.person ?? ''} · ${d.channel} · ${t(`alerts.kind.${d.kind}`) || d.kind} · ${t(`alerts.delivery.${d.state}`)}`
          + (d.attempts > 1 ? ` ×${d.attempts}` : '') + (d.sentAt ? ` · ${time(d.sentAt)}` : '')
          + (d.lastError ? ` · ${d.lastError}` : '')))))));
  }

  actions(e) {
    const allowed = this.data.allowedActions || [];
    if (!allowed.length) {
      return el('p', { class: 'no-actions empty' }, t('detail.noActions'));
    }
    const note = el('textarea', { id: 'detail-note', rows: '2' });
    const to = el('input', { id: 'detail-to' });
    const score = el('input', { id: 'detail-score', type: 'number', min: '1', max: '5' });
    const severity = el('select', { id: 'detail-severity' }, el('option', { value: '' }, '—'),
      ['GREEN', 'YELLOW', 'RED'].map(s => el('option', { value: s }, t(`severity.${s}`))));
    const error = el('p', { class: 'error action-error', role: 'alert' });
    const take = async action => {
      error.textContent = '';
      const body = { action, note: note.value || undefined };
      if (NEEDS_TO.has(action)) body.to = to.value || undefined;
      if (action === 'evaluate') body.score = score.value || undefined;
      if ((action === 'register' || action === 'escalate') && severity.value) body.severity = severity.value;
      try {
        const after = await api(`/api/v1/events/${encodeURIComponent(e.id)}/transitions`, { method: 'POST', body });
        await this.open(e.id);
        this.onChanged(after);
      } catch (problem) {
        error.textContent = problem.message;
      }
    };
    const inputs = [el('label', {}, t('detail.note'), note)];
    if (allowed.some(a => NEEDS_TO.has(a))) inputs.push(el('label', {}, t('detail.to'), to));
    if (allowed.includes('evaluate')) inputs.push(el('label', {}, t('detail.score'), score));
    if (allowed.includes('register') || allowed.includes('escalate')) inputs.push(el('label', {}, t('detail.severityNew'), severity));
    return el('div', { class: 'actions' }, el('h3', {}, t('detail.actions')), ...inputs,
      el('div', { class: 'buttons' }, allowed.map(action => el('button', { type: 'button', class: 'primary',
        'data-action': action, onclick: () => take(action) }, t(`action.${action}`)))), error);
  }
}
