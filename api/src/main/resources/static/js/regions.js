/**
 * Reference data from GET /regions, loaded once per token. Districts come ordered with the two
 * districts that have plans (Mentougou 110109, Daxing 110115) first.
 */
import { get } from './api.js';
import { districtName, t } from './i18n.js';
import { el } from './dom.js';

export const PLAN_DISTRICTS = ['110109', '110115'];
let loading = null;

export function loadRegions(force = false) {
  if (!loading || force) {
    loading = get('/regions').then(index).catch((e) => {
      loading = null;
      throw e;
    });
  }
  return loading;
}

function index(districts) {
  const ordered = [...districts].sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
  const streets = new Map();
  const byCode = new Map();
  ordered.forEach((d) => {
    byCode.set(d.code, d);
    (d.streets || []).forEach((s) => streets.set(s.code, { ...s, districtCode: d.code }));
  });
  return { districts: ordered, byCode, streets };
}

function rank(code) {
  const i = PLAN_DISTRICTS.indexOf(code);
  return i < 0 ? PLAN_DISTRICTS.length : i;
}

/** A human name for a district or street code, for lists that only carry codes. */
export function areaName(regions, districtCode, streetCode) {
  const d = regions?.byCode.get(districtCode);
  const s = regions?.streets.get(streetCode);
  return [d ? districtName(d.code, d.name) : districtCode, s ? s.name : streetCode].filter(Boolean).join(' · ');
}

/**
 * Fills a <select> with streets grouped by district. Only streets passing `keep` are listed.
 * The first option is a blank with the given label key.
 */
export function fillStreetSelect(select, regions, blankKey, keep = () => true) {
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, t(blankKey)));
  regions.districts.forEach((d) => {
    const streets = (d.streets || []).filter(keep);
    if (!streets.length) return;
    const group = el('optgroup', { label: districtName(d.code, d.name) });
    streets.forEach((s) => group.append(el('option', { value: s.code }, s.name)));
    select.append(group);
  });
  select.value = chosen;
}
