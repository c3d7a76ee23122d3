// The live list of events in scope: newest first, with a countdown to the step's deadline.
import { t, duration } from './i18n.js';

const OPEN = new Set(['REPORTED', 'REGISTERED', 'DISPATCHED', 'HANDLING', 'FEEDBACK']);

export function isOpen(event) {
  return OPEN.has(event.state);
}

export class EventList {
  constructor(table, empty, { onOpen, categoryName, cellName }) {
    this.body = table.querySelector('tbody');
    this.empty = empty;
    this.onOpen = onOpen;
    this.categoryName = categoryName;
    this.cellName = cellName;
    this.events = new Map();
    this.selected = null;
    this.timer = setInterval(() => this.tick(), 1000);
  }

  /** Replaces the list (REST load or a live snapshot). */
  set(events) {
    this.events = new Map(events.map(e => [e.id, e]));
    this.render();
  }

  /** One event raised or changed (live); closed ones leave the list. */
  upsert(event) {
    this.events.set(event.id, event);
    this.render();
  }

  open() {
    return [...this.events.values()].filter(isOpen).sort((a, b) => b.createdAt - a.createdAt);
  }

  render() {
    const rows = this.open();
    this.body.replaceChildren(...rows.map(event => this.row(event)));
    this.empty.hidden = rows.length > 0;
  }

  row(event) {
    const tr = document.createElement('tr');
    tr.dataset.event = event.id;
    tr.classList.toggle('selected', event.id === this.selected);
    const cells = [
      this.categoryName(event.category),
      this.cellName(event.cell),
      t(`state.${event.state}`),
    ];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      td.className = ['category', 'cell', 'state'][i];
      tr.append(td);
    });
    const severity = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = `sev sev-${event.severity}`;
    badge.textContent = t(`severity.${event.severity}`);
    severity.append(badge);
    const deadline = document.createElement('td');
    deadline.className = 'deadline';
    deadline.dataset.deadline = event.deadline ?? '';
    this.countdown(deadline);
    tr.append(severity, deadline);
    tr.addEventListener('click', () => {
      this.selected = event.id;
      this.render();
      this.onOpen(event.id);
    });
    return tr;
  }

  countdown(td) {
    const deadline = td.dataset.deadline ? Number(td.dataset.deadline) : null;
    if (deadline == null) {
      td.textContent = '';
      return;
    }
    const left = deadline - Date.now();
    td.textContent = left < 0 ? t('events.overdue', { time: duration(left) }) : t('events.left', { time: duration(left) });
    td.classList.toggle('overdue', left < 0);
  }

  /** The countdowns move; the data does not change here. */
  tick() {
    this.body.querySelectorAll('td.deadline').forEach(td => this.countdown(td));
  }
}
