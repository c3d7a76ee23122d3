// The live feed (GET /ws/v1/live): a ticket, then a WebSocket; snapshot first, then deltas. Reconnects with
// back-off and since={last seq}. Without the endpoint the screen stays as REST loaded it (no polling).
import { api, Problem } from './api.js';

const MAX_BACKOFF = 30000;

export class Live {
  constructor(handlers) {
    this.handlers = handlers; // onSnapshot, onEvent, onWorker, onDevice, onStats, onState
    this.socket = null;
    this.scope = null;
    this.seq = null;
    this.epoch = null;
    this.backoff = 1000;
    this.timer = null;
    this.generation = 0;
  }

  start(scope) {
    this.stop();
    this.scope = scope;
    this.seq = null;
    this.epoch = null;
    this.seenSnapshot = false;
    this.connect(++this.generation);
  }

  stop() {
    this.generation++;
    clearTimeout(this.timer);
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close(1000);
      this.socket = null;
    }
    this.state('off');
  }

  state(value) {
    this.handlers.onState && this.handlers.onState(value);
  }

  async connect(generation) {
    this.state('connecting');
    let ticket;
    try {
      ticket = await api('/api/v1/live/tickets', { method: 'POST' });
    } catch (problem) {
      if (problem instanceof Problem && problem.status >= 400 && problem.status < 500 && problem.status !== 429) {
        this.state('off'); // no live feed here (yet), or not for this token: REST only
        return;
      }
      return this.retry(generation);
    }
    if (generation !== this.generation) {
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // resume where the last connection stopped, in the change log it came from (another epoch: a fresh snapshot)
    const since = this.seq != null ? `&since=${this.seq}&epoch=${encodeURIComponent(this.epoch)}` : '';
    const socket = new WebSocket(`${scheme}://${location.host}/ws/v1/live?scope=${encodeURIComponent(this.scope)}`
      + `&ticket=${encodeURIComponent(ticket.ticket)}${since}`);
    this.socket = socket;
    socket.onmessage = message => this.receive(message.data);
    socket.onclose = close => this.closed(close.code, generation);
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (message.seq != null) {
      this.seq = message.seq;
    }
    const h = this.handlers;
    switch (message.type) {
      case 'snapshot':
        this.epoch = message.epoch;
        this.backoff = 1000;
        this.state('on');
        h.onSnapshot(message.data, message.resync === true || this.firstSnapshot());
        break;
      case 'event.raised':
      case 'event.updated':
        h.onEvent(message.data);
        break;
      case 'worker.moved':
        h.onWorker(message.data);
        break;
      case 'device.status':
        h.onDevice && h.onDevice(message.data);
        break;
      case 'stats':
        h.onStats(message.data);
        break;
      default:
        break;
    }
  }

  firstSnapshot() {
    const first = !this.seenSnapshot;
    this.seenSnapshot = true;
    return first;
  }

  closed(code, generation) {
    this.socket = null;
    if (generation !== this.generation) {
      return;
    }
    if (code === 4403 || code === 4400) {
      this.state('off'); // scope outside the token's cells, or a bad query: reconnecting will not help
      return;
    }
    // 4401 (a new ticket), 4408 (too slow), 1001 (going away), a dropped connection: again, with since
    this.retry(generation);
  }

  retry(generation) {
    this.state('connecting');
    const wait = this.backoff * (0.75 + Math.random() / 2);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF);
    this.timer = setTimeout(() => generation === this.generation && this.connect(generation), wait);
  }
}
