/**
 * Leaflet maps with no tile layer (no internet at run time): district outlines come from the app's
 * own approximate GeoJSON, facilities are circle markers coloured by bed occupancy.
 */
import { t, districtName, onLangChange } from './i18n.js';
import { kindLabel, statusLabel, fmtInt, fmtPercent } from './dom.js';

export const BEIJING_BOUNDS = [[39.42, 115.40], [41.08, 117.52]];
export const OCCUPANCY_COLOURS = { low: '#2e7d32', mid: '#f9a825', high: '#c62828', off: '#9e9e9e' };
let outlines = null;

/** The district outlines (approximate, for orientation only), fetched once. */
export function loadOutlines() {
  if (!outlines) {
    outlines = fetch('/geo/beijing-districts.geojson').then((r) => {
      if (!r.ok) throw new Error(`geo ${r.status}`);
      return r.json();
    });
  }
  return outlines;
}

/** green < 70 %, amber 70–95 %, red ≥ 95 %, grey when not OPERATING. */
export function occupancyBand(facility) {
  if (facility.status && facility.status !== 'OPERATING') return 'off';
  const beds = facility.beds || 0;
  const rate = beds > 0 ? (facility.occupiedBeds || 0) / beds : 0;
  if (rate >= 0.95) return 'high';
  if (rate >= 0.7) return 'mid';
  return 'low';
}

export function facilityPopup(f) {
  const lines = [`<strong>${escapeHtml(f.name)}</strong>`, escapeHtml(kindLabel(f.kind)), escapeHtml(statusLabel(f.status || 'OPERATING'))];
  if (f.beds) {
    const free = f.freeBeds ?? Math.max(0, f.beds - (f.occupiedBeds || 0));
    lines.push(escapeHtml(t('map.beds', { occupied: fmtInt(f.occupiedBeds || 0), beds: fmtInt(f.beds), free: fmtInt(free) }))
      + ` · ${fmtPercent((f.occupiedBeds || 0) / f.beds)}`);
  }
  if (f.mealSeats) lines.push(escapeHtml(t('map.mealSeats', { seats: fmtInt(f.mealSeats) })));
  return lines.join('<br>');
}

export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A map of Beijing with outlines and an occupancy legend; returns a small handle. */
export function createMap(container) {
  const map = L.map(container, { preferCanvas: true, zoomSnap: 0.25, minZoom: 7, maxZoom: 16 });
  map.fitBounds(BEIJING_BOUNDS);
  const outlineLayer = L.geoJSON(null, { style: outlineStyle(null), interactive: false }).addTo(map);
  const labelLayer = L.layerGroup().addTo(map);
  const markers = L.layerGroup().addTo(map);
  const legend = addLegend(map);
  let selected = null;
  const ready = loadOutlines().then((geo) => {
    outlineLayer.addData(geo);
    drawLabels();
  });

  function drawLabels() {
    labelLayer.clearLayers();
    outlineLayer.eachLayer((layer) => {
      const p = layer.feature.properties;
      if (p.level !== 'DISTRICT') return;
      L.tooltip({ permanent: true, direction: 'center', className: 'district-label', interactive: false })
        .setLatLng(layer.getBounds().getCenter())
        .setContent(escapeHtml(districtName(p.code, p.name)))
        .addTo(labelLayer);
    });
  }

  onLangChange(() => {
    legend.update();
    drawLabels();
  });

  return {
    map,
    markers,
    ready,
    /** Highlights one district and zooms to it. */
    async focusDistrict(code) {
      selected = code;
      await ready;
      outlineLayer.setStyle(outlineStyle(selected));
      let bounds = null;
      outlineLayer.eachLayer((layer) => {
        if (layer.feature.properties.code === code) bounds = layer.getBounds();
      });
      this.invalidate();
      if (bounds) map.fitBounds(bounds, { padding: [12, 12] });
    },
    setFacilities(facilities, { onClick } = {}) {
      markers.clearLayers();
      facilities.forEach((f) => {
        if (!f.location) return;
        const band = occupancyBand(f);
        const marker = L.circleMarker([f.location.lat, f.location.lon], {
          radius: f.kind === 'MEAL_TABLE' ? 4 : Math.min(12, 4 + Math.sqrt(f.beds || 0) / 2),
          color: '#263238',
          weight: 1,
          fillColor: OCCUPANCY_COLOURS[band],
          fillOpacity: 0.85,
        }).bindPopup(() => facilityPopup(f));
        marker.facilityId = f.facilityId;
        if (onClick) marker.on('click', () => onClick(f));
        marker.addTo(markers);
      });
    },
    openFacility(facilityId) {
      markers.eachLayer((m) => {
        if (m.facilityId === facilityId) {
          map.panTo(m.getLatLng());
          m.openPopup();
        }
      });
    },
    invalidate() {
      map.invalidateSize(false);
    },
  };
}

function outlineStyle(selected) {
  return (feature) => {
    const p = feature.properties;
    if (p.level === 'CITY') return { color: '#37474f', weight: 2.5, fill: false };
    const on = p.code === selected;
    return { color: on ? '#1565c0' : '#78909c', weight: on ? 2.5 : 1, fillColor: on ? '#e3f2fd' : '#eceff1', fillOpacity: on ? 0.6 : 0.35 };
  };
}

function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  let box = null;
  legend.onAdd = () => {
    box = L.DomUtil.create('div', 'map-legend');
    render();
    return box;
  };
  function render() {
    if (!box) return;
    const row = (band, key) => `<li><span class="swatch" style="background:${OCCUPANCY_COLOURS[band]}"></span>${escapeHtml(t(key))}</li>`;
    box.innerHTML = `<strong>${escapeHtml(t('map.legend'))}</strong><ul>${row('low', 'map.low')}${row('mid', 'map.mid')}${row('high', 'map.high')}${row('off', 'map.off')}</ul>`;
  }
  legend.addTo(map);
  legend.update = render;
  return legend;
}
