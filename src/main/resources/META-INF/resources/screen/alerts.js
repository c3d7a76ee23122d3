// The signed-in person's alerts (GET /ws/v1/alerts): a ticket, then a WebSocket; the open alerts first, then
// each as it comes. A badge counts those waiting for an ack; the panel lists them with their severity, cell,
// events and the ack deadline counting down; "Acknowledge" sends {"type":"ack"} and shows the answer.
import { api, Problem } from './api.js';
import { t, duration } from './i18n.js';

const MAX_BACKOFF = 30000;
// an acknowledged or ended alert stays this long, saying so, then leaves the panel
const LINGER = 15000;

export class AlertPanel {
  constructor(panel, badge, { categoryName, cellName, onOpen }) {
    this.panel = panel;
    this.list = panel.querySelector('ul');
    this.badge = badge;
    this.categoryName = categoryName;
    this.cellName = cellName;
    this.onOpen = onOpen;
    this.alerts = new Map(); // alertId -> { message, result, error }
    this.socket = null;
    this.generation = 0;
    this.backoff = 1000;
    this.timer = null;
    badge.addEventListener('click', () => { this.panel.hidden = !this.panel.hidden; });
    setInterval(() => this.tick(), 1000);
  }

  start() {
    this.stop();
    this.connect(++this.generation);
  }

  /** Signed out: no socket, nothing of the last person's alerts left. */
  stop() {
    this.generation++;
    clearTimeout(this.timer);
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close(1000);
      this.socket = null;
    }
    this.alerts.clear();
    this.render();
  }

  async connect(generation) {
    let ticket;
    try {
      ticket = await api('/api/v1/live/tickets', { method: 'POST' });
    } catch (problem) {
      if (problem instanceof Problem && problem.status >= 400 && problem.status < 500 && problem.status !== 429) {
        return; // no alerts for this sign-in
      }
      return this.retry(generation);
    }
    if (generation !== this.generation) {
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws/v1/alerts?ticket=${encodeURIComponent(ticket.ticket)}`);
    this.socket = socket;
    socket.onopen = () => { this.backoff = 1000; };
    socket.onmessage = message => this.receive(message.data);
    socket.onclose = close => this.closed(close.code, generation);
  }

  closed(code, generation) {
    this.socket = null;
    if (generation !== this.generation || code === 4403) {
      return; // signed out, or a sign-in with no role: reconnecting will not help
    }
    this.retry(generation);
  }

  retry(generation) {
    const wait = this.backoff * (0.75 + Math.random() / 2);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF);
    this.timer = setTimeout(() => generation === this.generation && this.connect(generation), wait);
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (message.type === 'alert' && message.alertId) {
      const known = this.alerts.get(message.alertId);
      // a later message of the same alert (an update, a reminder) replaces it; an older one never does
      if (!known || !(known.message.ts > message.ts)) {
        this.alerts.set(message.alertId, { message, result: known && known.result, error: null });
        this.panel.hidden = false;
      }
      this.render();
    } else if (message.type === 'ack.result' && this.alerts.has(message.alertId)) {
      const entry = this.alerts.get(message.alertId);
      entry.result = message.status;
      entry.error = null;
      if (['acked', 'already_acked', 'ended'].includes(message.status)) {
        setTimeout(() => { this.alerts.delete(message.alertId); this.render(); }, LINGER);
      }
      this.render();
    } else if (message.type === 'error') {
      console.warn('alerts:', message.field || '', message.detail);
    }
  }

  ack(alertId) {
    const entry = this.alerts.get(alertId);
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      entry.error = t('alerts.offline');
      this.render();
      return;
    }
    entry.result = 'sending';
    this.socket.send(JSON.stringify({ type: 'ack', alertId }));
    this.render();
  }

  waiting() {
    return [...this.alerts.values()].filter(a => !['acked', 'already_acked', 'ended'].includes(a.result)).length;
  }

  render() {
    const entries = [...this.alerts.values()].sort((a, b) => b.message.ts - a.message.ts);
    this.list.replaceChildren(...entries.map(entry => this.item(entry)));
    const waiting = this.waiting();
    this.badge.hidden = this.alerts.size === 0;
    this.badge.querySelector('.count').textContent = String(waiting);
    this.badge.classList.toggle('waiting', waiting > 0);
    if (this.alerts.size === 0) {
      this.panel.hidden = true;
    }
  }

  item({ message, result, error }) {
    const li = document.createElement('li');
    li.className = `alert alert-${message.severity}`;
    li.dataset.alert = message.alertId;
    li.dataset.severity = message.severity;
    li.dataset.state = result === 'acked' || result === 'already_acked' ? 'acked' : result === 'ended' ? 'ended' : 'open';
    const head = document.createElement('div');
    head.className = 'head';
    const severity = document.createElement('span');
    severity.className = `sev sev-${message.severity}`;
    severity.textContent = t(`severity.${message.severity}`);
    const cell = document.createElement('span');
    cell.className = 'cell';
    cell.textContent = this.cellName(message.cell);
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = t(`alerts.reason.${message.reason}`) + (message.kind === 'alert' ? '' : ` · ${t(`alerts.kind.${message.kind}`)}`);
    head.append(severity, cell, reason);
    const events = document.createElement('ul');
    events.className = 'alert-events';
    (message.events || []).forEach(event => {
      const e = document.createElement('li');
      e.className = 'category';
      e.dataset.event = event.id;
      e.textContent = this.categoryName(event.category);
      e.addEventListener('click', () => this.onOpen(event.id));
      events.append(e);
    });
    const foot = document.createElement('div');
    foot.className = 'foot';
    const ackBy = document.createElement('span');
    ackBy.className = 'ack-by';
    ackBy.dataset.ackBy = li.dataset.state === 'open' ? message.ackBy ?? '' : '';
    this.countdown(ackBy);
    foot.append(ackBy);
    if (li.dataset.state === 'open') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'ack primary';
      button.textContent = t('alerts.ack');
      button.disabled = result === 'sending';
      button.addEventListener('click', () => this.ack(message.alertId));
      foot.append(button);
    }
    if (result && result !== 'sending') {
      const status = document.createElement('span');
      status.className = 'status';
      status.textContent = t(`alerts.status.${result}`);
      foot.append(status);
    }
    if (error) {
      const problem = document.createElement('span');
      problem.className = 'error';
      problem.textContent = error;
      foot.append(problem);
    }
    li.append(head, events, foot);
    return li;
  }

  countdown(span) {
    const ackBy = span.dataset.ackBy ? Number(span.dataset.ackBy) : null;
    if (ackBy == null) {
      span.textContent = '';
      return;
    }
    const left = ackBy - Date.now();
    span.textContent = left < 0 ? t('alerts.late', { time: duration(left) }) : t('alerts.ackBy', { time: duration(left) });
    span.classList.toggle('overdue', left < 0);
  }

  tick() {
    this.list.querySelectorAll('.ack-by').forEach(span => this.countdown(span));
  }
}
