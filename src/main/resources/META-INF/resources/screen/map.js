// The map: the scope's outline and its children only, coloured by their worst open severity; event and
// worker dots. Leaflet (global L, from /webjars/leaflet), no tiles unless the service names a tile server.
import { api } from './api.js';
import { t } from './i18n.js';

const COLOURS = { RED: '#d93025', YELLOW: '#f2b600', GREEN: '#2e9d4f', NONE: '#8a949e' };
const SEVERITIES = ['RED', 'YELLOW', 'GREEN'];

/** The worst severity with an open event in a stats row ({cell, GREEN, YELLOW, RED}), or NONE. */
export function worst(row) {
  return (row && SEVERITIES.find(s => row[s] > 0)) || 'NONE';
}

export class CellMap {
  constructor(element, { onDrill, onEvent }) {
    this.onDrill = onDrill;
    this.onEvent = onEvent;
    this.map = L.map(element, { zoomSnap: 0.25, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.outline = null;
    this.children = null;
    this.others = null;
    this.layers = new Map();
    this.counts = new Map();
    this.eventLayer = L.layerGroup().addTo(this.map);
    this.workerLayer = L.layerGroup().addTo(this.map);
    this.workers = new Map();
    this.map.setView([31.23, 121.47], 11);
    // a wall screen or a laptop window resized: the scope fills the map again
    this.map.on('resize', () => this.outline && this.map.fitBounds(this.outline.getBounds(), { padding: [16, 16] }));
  }

  setTiles(url, attribution) {
    if (url) {
      L.tileLayer(url, { attribution: attribution || '', maxZoom: 20 }).addTo(this.map);
    }
  }

  /** Draws the scope's outline and its children; answers the scope's cell view {feature, path, children}. */
  async show(code) {
    this.map.invalidateSize(); // the container was hidden until sign-in, or resized
    const cell = await api(`/api/v1/grids/${encodeURIComponent(code)}`);
    const outline = L.geoJSON(cell.feature, { style: { color: '#e6edf3', weight: 3, fill: false }, interactive: false });
    const bounds = outline.getBounds();
    const zoom = Math.max(0, Math.min(22, Math.round(this.map.getBoundsZoom(bounds))));
    const children = await api(`/api/v1/grids/${encodeURIComponent(code)}/children?zoom=${zoom}`);
    this.clear();
    this.outline = outline.addTo(this.map);
    this.map.fitBounds(bounds, { padding: [16, 16], animate: false });
    const labelled = children.features.length <= 80;
    // special and overlay cells (a school, a police beat) as dashed outlines: events count in base cells
    this.others = L.geoJSON(children, {
      filter: feature => feature.properties.kind !== 'base',
      style: { color: '#b9c6d3', weight: 1, dashArray: '4 4', fill: false },
      interactive: false,
    }).addTo(this.map);
    this.children = L.geoJSON(children, {
      filter: feature => feature.properties.kind === 'base',
      style: () => this.style('NONE'),
      onEachFeature: (feature, layer) => {
        const p = feature.properties;
        this.layers.set(p.code, layer);
        layer.feature = feature;
        layer.bindTooltip(`${p.name}`, { permanent: labelled, direction: 'center', className: 'cell-label' });
        layer.on('click', () => { if (p.childCount > 0) this.onDrill(p.code); });
        layer.on('add', () => this.mark(p.code));
      },
    }).addTo(this.map);
    this.layers.forEach((layer, code) => this.mark(code));
    return cell;
  }

  clear() {
    [this.outline, this.children, this.others].forEach(layer => layer && layer.remove());
    this.outline = null;
    this.children = null;
    this.others = null;
    this.layers.clear();
    this.counts.clear();
    this.eventLayer.clearLayers();
  }

  style(severity) {
    return { color: '#cfd8e3', weight: 1, fillColor: COLOURS[severity], fillOpacity: severity === 'NONE' ? 0.25 : 0.55 };
  }

  /** Replaces the open-event counts per child ({cell, GREEN, YELLOW, RED} rows) and recolours. */
  colour(rows) {
    this.counts = new Map(rows.map(r => [r.cell, r]));
    this.layers.forEach((layer, code) => {
      layer.setStyle(this.style(worst(this.counts.get(code))));
      this.mark(code);
    });
  }

  /** The SVG path says its cell and severity, for people reading the DOM and for the browser test. */
  mark(code) {
    const layer = this.layers.get(code);
    const element = layer && layer.getElement && layer.getElement();
    if (!element) {
      return;
    }
    const severity = worst(this.counts.get(code));
    element.setAttribute('data-cell', code);
    element.setAttribute('data-severity', severity);
    element.classList.add('cell');
    SEVERITIES.concat('NONE').forEach(s => element.classList.toggle(`sev-${s}`, s === severity));
  }

  /** One dot per event, in the drawn child that holds its cell. */
  showEvents(events) {
    if (!this.spreadOnZoom) {
      // the dots are spread in pixels: lay them out again at each zoom
      this.spreadOnZoom = () => this.lastEvents && this.showEvents(this.lastEvents);
      this.map.on('zoomend', this.spreadOnZoom);
    }
    this.lastEvents = events;
    this.eventLayer.clearLayers();
    const perCell = new Map();
    events.forEach(event => {
      const code = (event.cellPath || []).find(c => this.layers.has(c)) || (this.layers.has(event.cell) ? event.cell : null);
      if (!code) {
        return;
      }
      const n = perCell.get(code) || 0;
      perCell.set(code, n + 1);
      // the events of one cell around its centre on a spiral, a dot's width apart, so each can be clicked
      const centre = this.map.latLngToLayerPoint(this.layers.get(code).getBounds().getCenter());
      const step = 16 * Math.sqrt(n);
      const at = this.map.layerPointToLatLng(L.point(centre.x + step * Math.cos(n * 2.4), centre.y + step * Math.sin(n * 2.4)));
      const dot = L.circleMarker(at, { radius: 7, color: '#ffffff', weight: 2, fillColor: COLOURS[event.severity] || COLOURS.NONE,
        fillOpacity: 1, className: 'event-marker' });
      dot.bindTooltip(event.category);
      dot.on('click', () => this.onEvent(event.id));
      dot.on('add', () => dot.getElement() && dot.getElement().setAttribute('data-event', event.id));
      dot.addTo(this.eventLayer);
    });
  }

  /** Places or moves a worker's dot ({id, lat, lon}). */
  worker(position) {
    if (position.lat == null || position.lon == null) {
      return;
    }
    let dot = this.workers.get(position.id);
    if (!dot) {
      dot = L.circleMarker([position.lat, position.lon], { radius: 4, color: '#3d8bfd', weight: 1, fillColor: '#8fc1ff',
        fillOpacity: 1, className: 'worker-dot' }).bindTooltip(position.id);
      this.workers.set(position.id, dot);
      dot.addTo(this.workerLayer);
    } else {
      dot.setLatLng([position.lat, position.lon]);
    }
  }

  clearWorkers() {
    this.workerLayer.clearLayers();
    this.workers.clear();
  }

  /** A note on the map when the scope has no children. */
  empty() {
    return this.layers.size === 0 ? t('map.noCells') : null;
  }
}
