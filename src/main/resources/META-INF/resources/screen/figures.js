// The scope's figures: events today by severity and state, overdue now, on-time closing and rework rates,
// workers on duty, devices online and offline.
import { api } from './api.js';
import { t } from './i18n.js';

function midnight() {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function rate(part, whole) {
  return whole > 0 ? `${(100 * part / whole).toFixed(1)}%` : t('figures.none');
}

export class Figures {
  constructor(element) {
    this.element = element;
    this.figures = null;
    this.cases = null;
  }

  /** Loads the figures of the scope from REST. */
  async load(scope) {
    const q = encodeURIComponent(scope);
    const [figures, cases] = await Promise.all([
      api(`/api/v1/stats/figures?scope=${q}&from=${midnight()}`),
      api(`/api/v1/stats/cases?scope=${q}`).catch(() => null),
    ]);
    this.figures = figures;
    this.cases = cases;
    this.render();
  }

  clear() {
    this.figures = null;
    this.cases = null;
    this.element.replaceChildren();
  }

  /** The live feed's counts of the moment ({onDuty, devices}). */
  live({ onDuty, devices }) {
    if (!this.figures) {
      return;
    }
    if (onDuty != null) {
      this.figures.onDuty = onDuty;
    }
    if (devices) {
      this.figures.devices = devices;
    }
    this.render();
  }

  render() {
    const f = this.figures;
    if (!f) {
      return;
    }
    const total = Object.values(f.bySeverity).reduce((a, b) => a + b, 0);
    const sums = { registered: 0, closedOnTime: 0, closed: 0, reworked: 0 };
    ((this.cases && this.cases.groups) || []).forEach(g => Object.keys(sums).forEach(k => { sums[k] += g[k]; }));
    const parts = (map, prefix) => Object.entries(map).map(([k, v]) =>
      `<span data-key="${k}">${t(`${prefix}.${k}`)} <b>${v}</b></span>`).join('');
    this.element.innerHTML = `
      <div class="figure" data-figure="today"><div class="label">${t('figures.today')}</div><div class="value">${total}</div></div>
      <div class="figure" data-figure="overdue"><div class="label">${t('figures.overdue')}</div><div class="value overdue">${f.overdueNow}</div></div>
      <div class="figure" data-figure="onTime"><div class="label">${t('figures.onTime')}</div><div class="value">${rate(sums.closedOnTime, sums.registered)}</div></div>
      <div class="figure" data-figure="rework"><div class="label">${t('figures.rework')}</div><div class="value">${rate(sums.reworked, sums.closed)}</div></div>
      <div class="figure wide" data-figure="bySeverity"><div class="label">${t('figures.bySeverity')}</div><div class="parts">${parts(f.bySeverity, 'severity')}</div></div>
      <div class="figure wide" data-figure="byState"><div class="label">${t('figures.byState')}</div><div class="parts">${parts(f.byState, 'state')}</div></div>
      <div class="figure" data-figure="onDuty"><div class="label">${t('figures.onDuty')}</div><div class="value">${f.onDuty}</div></div>
      <div class="figure" data-figure="devices"><div class="label">${t('figures.devices')}</div><div class="value">${f.devices.online} / ${f.devices.offline}</div></div>`;
  }
}
