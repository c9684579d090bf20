/**
 * 覆盖率地图 (coverage map): each district filled, and each street drawn at its centroid, in the colour of its
 * coverage rate for one target group over the last 30 days (docs/CONTRACT.md §7.5), from the live indicators
 * (GET /indicators/districts and /indicators/streets). Counts only, no person: every role that reads indicators
 * may see it. Drawn in SVG, not canvas, so each shape carries its code and band for the browser tests.
 */
import { get } from './api.js';
import { t, districtName, onLangChange } from './i18n.js';
import { fmtInt, fmtDec } from './dom.js';
import { BEIJING_BOUNDS, loadOutlines, escapeHtml } from './map.js';

/** Coverage bands: red under 50 %, amber under 80 %, green from 80 %, grey when nobody is entitled. */
export const COVERAGE_COLOURS = { low: '#c62828', mid: '#f9a825', high: '#2e7d32', none: '#b0bec5' };

export function coverageBand(rate) {
  if (rate === null || rate === undefined) return 'none';
  if (rate >= 0.8) return 'high';
  if (rate >= 0.5) return 'mid';
  return 'low';
}

/** The figures of one target group, or of any group when `group` is empty. */
export function groupFigures(coverage, group) {
  if (!coverage) return { entitled: 0, served: 0, rate: null };
  if (!group) return coverage;
  return (coverage.groups || []).find((g) => g.group === group) || { entitled: 0, served: 0, rate: null };
}

export class CoverageMap {
  /** `onStreet(code)` is called when a street is clicked. */
  constructor(container, groupSelect, { onStreet } = {}) {
    this.container = container;
    this.groupSelect = groupSelect;
    this.onStreet = onStreet;
    this.map = null;
    this.districts = new Map();
    this.streets = [];
    this.selected = null;
    this.groupSelect.addEventListener('change', () => this.draw());
    onLangChange(() => this.draw());
  }

  /** Creates the map on first show (Leaflet needs a visible container), then reloads the indicators. */
  async show(regions) {
    this.regions = regions;
    if (!this.map) {
      this.map = L.map(this.container, { preferCanvas: false, zoomSnap: 0.25, minZoom: 7, maxZoom: 14 });
      this.map.fitBounds(BEIJING_BOUNDS);
      this.outlines = L.geoJSON(null, { style: (f) => this.districtStyle(f) }).addTo(this.map);
      this.points = L.layerGroup().addTo(this.map);
      this.legend = this.addLegend();
      this.outlines.addData(await loadOutlines());
    }
    this.map.invalidateSize(false);
    await this.reload();
  }

  async reload() {
    const [districts, streets] = await Promise.all([get('/indicators/districts'), get('/indicators/streets')]);
    this.districts = new Map(districts.map((d) => [d.code, d]));
    this.streets = streets;
    this.draw();
  }

  /** Marks the street whose worklist is open. */
  select(streetCode) {
    this.selected = streetCode || null;
    this.draw();
  }

  group() {
    return this.groupSelect.value;
  }

  districtStyle(feature) {
    const p = feature.properties;
    if (p.level === 'CITY') return { color: '#37474f', weight: 2.5, fill: false };
    const figures = groupFigures(this.districts.get(p.code)?.coverage, this.group());
    return { color: '#546e7a', weight: 1, fillColor: COVERAGE_COLOURS[coverageBand(figures.rate)], fillOpacity: 0.35 };
  }

  draw() {
    if (!this.map) return;
    this.outlines.setStyle((f) => this.districtStyle(f));
    this.outlines.eachLayer((layer) => {
      const p = layer.feature.properties;
      if (p.level !== 'DISTRICT') return;
      const figures = groupFigures(this.districts.get(p.code)?.coverage, this.group());
      const element = layer.getElement();
      if (element) {
        element.dataset.district = p.code;
        element.dataset.band = coverageBand(figures.rate);
      }
      layer.bindTooltip(this.tooltip(districtName(p.code, p.name), figures), { sticky: true });
    });
    this.points.clearLayers();
    this.streets.forEach((s) => {
      const centroid = this.regions?.streets.get(s.code)?.centroid;
      const figures = groupFigures(s.coverage, this.group());
      if (!centroid || !figures.entitled) return;
      const band = coverageBand(figures.rate);
      const on = s.code === this.selected;
      const marker = L.circleMarker([centroid.lat, centroid.lon], {
        radius: Math.min(14, 4 + Math.sqrt(figures.entitled) / 2),
        color: on ? '#0d47a1' : '#263238',
        weight: on ? 3 : 1,
        fillColor: COVERAGE_COLOURS[band],
        fillOpacity: 0.9,
      }).bindTooltip(this.tooltip(s.name || s.code, figures));
      if (this.onStreet) marker.on('click', () => this.onStreet(s.code));
      marker.addTo(this.points);
      const element = marker.getElement();
      element.dataset.testid = 'coverage-street';
      element.dataset.street = s.code;
      element.dataset.band = band;
      element.dataset.entitled = figures.entitled;
      element.dataset.served = figures.served;
    });
    this.legend.update();
  }

  tooltip(name, figures) {
    const rate = figures.rate === null || figures.rate === undefined ? '—' : `${fmtDec(figures.rate * 100, 1)}%`;
    return `<strong>${escapeHtml(name)}</strong><br>${escapeHtml(t('coverageMap.figures', {
      entitled: fmtInt(figures.entitled), served: fmtInt(figures.served), rate }))}`;
  }

  addLegend() {
    const legend = L.control({ position: 'bottomright' });
    let box = null;
    const render = () => {
      if (!box) return;
      const row = (band) => `<li><span class="swatch" style="background:${COVERAGE_COLOURS[band]}"></span>${escapeHtml(t(`coverageMap.${band}`))}</li>`;
      box.innerHTML = `<strong>${escapeHtml(t('coverageMap.legend'))}</strong><ul>${['high', 'mid', 'low', 'none'].map(row).join('')}</ul>`;
    };
    legend.onAdd = () => {
      box = L.DomUtil.create('div', 'map-legend');
      render();
      return box;
    };
    legend.addTo(this.map);
    legend.update = render;
    return legend;
  }
}
