/**
 * Facility finder (找床位 / 找餐桌) for the public and families: nearest facilities with a free
 * bed or an open meal table, from GET /facilities/nearby, listed and shown on the map.
 */
import { get, query } from './api.js';
import { t, onLangChange } from './i18n.js';
import { el, showError, fmtInt, fmtDec, kindLabel, statusLabel } from './dom.js';
import { loadRegions, fillStreetSelect, areaName } from './regions.js';
import { createMap, occupancyBand, OCCUPANCY_COLOURS } from './map.js';

const RESULT_LIMIT = 20;

export class Finder {
  constructor() {
    this.form = document.getElementById('finder-form');
    this.street = document.getElementById('finder-street');
    this.lat = document.getElementById('finder-lat');
    this.lon = document.getElementById('finder-lon');
    this.kind = document.getElementById('finder-kind');
    this.available = document.getElementById('finder-available');
    this.availableLabel = document.getElementById('finder-available-label');
    this.radius = document.getElementById('finder-radius');
    this.locate = document.getElementById('finder-locate');
    this.list = document.getElementById('finder-results');
    this.count = document.getElementById('finder-count');
    this.errorBox = document.getElementById('finder-error');
    this.results = null;
    this.map = null;

    this.street.addEventListener('change', () => this.useStreet());
    this.kind.addEventListener('change', () => this.labelAvailable());
    this.locate.addEventListener('click', () => this.useMyLocation());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.search();
    });
    onLangChange(() => {
      this.labelAvailable();
      if (this.regions) fillStreetSelect(this.street, this.regions, 'finder.pickStreet', (s) => s.centroid);
      if (this.results) this.render();
    });
  }

  async show() {
    if (!this.map) this.map = createMap(document.getElementById('finder-map'));
    this.map.invalidate();
    if (!this.regions) await this.reload();
  }

  hide() {}

  async reload() {
    try {
      this.regions = await loadRegions();
      // Only streets with a centroid can be searched from; the centroid is the search point.
      fillStreetSelect(this.street, this.regions, 'finder.pickStreet', (s) => s.centroid);
      showError(this.errorBox, null);
    } catch (e) {
      showError(this.errorBox, e);
    }
  }

  labelAvailable() {
    this.availableLabel.textContent = t(this.kind.value === 'MEAL_TABLE' ? 'finder.openMeal' : 'finder.freeBed');
  }

  useStreet() {
    const s = this.regions?.streets.get(this.street.value);
    if (!s?.centroid) return;
    this.lat.value = s.centroid.lat.toFixed(4);
    this.lon.value = s.centroid.lon.toFixed(4);
  }

  useMyLocation() {
    if (!navigator.geolocation) {
      showError(this.errorBox, new Error(t('finder.locateFailed', { reason: 'geolocation' })));
      return;
    }
    this.locate.disabled = true;
    this.locate.textContent = t('finder.locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.lat.value = pos.coords.latitude.toFixed(4);
        this.lon.value = pos.coords.longitude.toFixed(4);
        this.street.value = '';
        this.doneLocating();
        this.search();
      },
      (err) => {
        this.doneLocating();
        showError(this.errorBox, new Error(t('finder.locateFailed', { reason: err.message })));
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  doneLocating() {
    this.locate.disabled = false;
    this.locate.textContent = t('finder.locate');
  }

  async search() {
    const lat = parseFloat(this.lat.value);
    const lon = parseFloat(this.lon.value);
    if (Number.isNaN(lat) || Number.isNaN(lon)) {
      showError(this.errorBox, new Error(t('finder.needLocation')));
      return;
    }
    this.origin = { lat, lon };
    try {
      this.results = await get(`/facilities/nearby${query({
        lat, lon,
        radiusKm: this.radius.value,
        kind: this.kind.value,
        available: this.available.checked ? 'true' : '',
        limit: RESULT_LIMIT,
      })}`);
      showError(this.errorBox, null);
    } catch (e) {
      this.results = [];
      showError(this.errorBox, e);
    }
    this.render();
  }

  render() {
    const results = this.results || [];
    this.count.textContent = t('finder.count', { n: results.length });
    this.list.replaceChildren(...(results.length ? results.map((f) => this.item(f)) : [el('li', { class: 'empty' }, t('finder.none'))]));
    if (!this.map) return;
    this.map.setFacilities(results, { onClick: (f) => this.highlight(f.facilityId) });
    this.drawOrigin();
  }

  item(f) {
    const band = occupancyBand(f);
    const free = f.freeBeds ?? Math.max(0, (f.beds || 0) - (f.occupiedBeds || 0));
    return el('li', { class: 'result', dataset: { testid: 'facility-result', facilityId: f.facilityId } },
      el('div', { class: 'result-left' },
        el('button', { type: 'button', class: 'result-main', onclick: () => this.highlight(f.facilityId) },
          el('span', { class: 'swatch', style: `background:${OCCUPANCY_COLOURS[band]}`, 'aria-hidden': 'true' }),
          el('span', { class: 'result-name' }, f.name)),
        el('span', { class: 'result-kind' }, `${kindLabel(f.kind)} · ${areaName(this.regions, f.districtCode, f.streetCode)}`),
        el('span', { class: `result-status status-${(f.status || 'OPERATING').toLowerCase()}`, dataset: { field: 'status', value: f.status } }, statusLabel(f.status || 'OPERATING'))),
      el('div', { class: 'result-right' },
        el('span', { class: 'result-distance', dataset: { field: 'distanceKm', value: f.distanceKm } }, t('finder.distance', { km: fmtDec(f.distanceKm, 1) })),
        f.beds ? el('span', { class: 'result-beds', dataset: { field: 'freeBeds', value: free } }, t('finder.freeBeds', { free: fmtInt(free), beds: fmtInt(f.beds) })) : null,
        f.mealSeats ? el('span', { class: 'result-seats', dataset: { field: 'mealSeats', value: f.mealSeats } }, t('finder.mealSeats', { seats: fmtInt(f.mealSeats) })) : null));
  }

  highlight(facilityId) {
    this.list.querySelectorAll('li.result').forEach((li) => li.classList.toggle('selected', li.dataset.facilityId === facilityId));
    this.map?.openFacility(facilityId);
  }

  drawOrigin() {
    const { map } = this.map;
    if (this.originMarker) this.originMarker.remove();
    if (this.radiusCircle) this.radiusCircle.remove();
    if (!this.origin) return;
    const at = [this.origin.lat, this.origin.lon];
    this.radiusCircle = L.circle(at, { radius: Number(this.radius.value) * 1000, color: '#1565c0', weight: 1, fill: false, dashArray: '4 4', interactive: false }).addTo(map);
    this.originMarker = L.circleMarker(at, { radius: 7, color: '#fff', weight: 2, fillColor: '#1565c0', fillOpacity: 1 })
      .bindTooltip(t('map.you')).addTo(map);
    map.fitBounds(this.radiusCircle.getBounds(), { padding: [10, 10] });
  }
}
