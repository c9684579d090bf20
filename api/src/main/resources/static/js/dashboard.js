/**
 * Planners' dashboard (规划看板): a district and its streets against the plan's targets, kept live
 * over SSE; a facility map coloured by occupancy; trend charts; active alerts.
 */
import { get, query } from './api.js';
import { t, tEn, lang, districtName, onLangChange } from './i18n.js';
import { el, showError, fmtInt, fmtDec, fmtPercent, fmtTime, comparatorSymbol } from './dom.js';
import { loadRegions } from './regions.js';
import { onIndicator, onLiveState } from './live.js';
import { createMap } from './map.js';
import { TrendCharts } from './charts.js';

const int = (v) => fmtInt(v);
const dec1 = (v) => fmtDec(v, 1);
const dec2 = (v) => fmtDec(v, 2);
/** Table columns in order; `field` is the indicator object's field name. */
const COLUMNS = [
  { field: 'residents', fmt: int },
  { field: 'elderly60', fmt: int },
  { field: 'beds', fmt: int },
  { field: 'bedsPerThousandResidents', fmt: dec2 },
  { field: 'institutionBedsPerThousandResidents', fmt: dec2 },
  { field: 'nursingBedShare', fmt: fmtPercent },
  { field: 'occupiedBeds', fmt: int },
  { field: 'occupancyRate', fmt: fmtPercent },
  { field: 'careCenters', fmt: int },
  { field: 'careStations', fmt: int },
  { field: 'institutions', fmt: int },
  { field: 'mealTables', fmt: int },
  { field: 'caregivers', fmt: int },
  { field: 'caregiversPerTenThousandElderly', fmt: dec1 },
  { field: 'caregiversOnDuty', fmt: int },
  { field: 'mealsServedToday', fmt: int },
  { field: 'servicesDeliveredToday', fmt: int },
];
const FORMAT = Object.fromEntries(COLUMNS.map((c) => [c.field, c.fmt]));
const ALERTS_EVERY_MS = 20_000;
const FACILITIES_EVERY_MS = 30_000;

export class Dashboard {
  constructor() {
    this.select = document.getElementById('district-select');
    this.head = document.getElementById('indicator-head');
    this.body = document.getElementById('indicator-body');
    this.targets = document.getElementById('targets');
    this.progressHead = document.getElementById('progress-head');
    this.progressBody = document.getElementById('progress-body');
    this.alerts = document.getElementById('alerts');
    this.errorBox = document.getElementById('dash-error');
    this.asOf = document.getElementById('as-of');
    this.liveState = document.getElementById('live-state');
    this.trendScope = document.getElementById('trend-scope');
    this.range = document.getElementById('trend-range');
    this.errors = new Map();
    this.latest = new Map(); // code -> last indicator object, to re-render on language change
    this.districtCode = null;
    this.chartCode = null;
    this.active = false;
    this.map = null;
    this.charts = null;

    this.select.addEventListener('change', () => this.showDistrict(this.select.value));
    this.range.addEventListener('change', () => this.loadTrend(this.chartCode));
    onIndicator((ind) => this.applyLive(ind));
    onLiveState((state) => {
      this.liveStateValue = state;
      this.liveState.textContent = t(`live.${state}`);
      this.liveState.dataset.state = state;
    });
    onLangChange(() => this.rerender());
    setInterval(() => this.active && this.loadAlerts(), ALERTS_EVERY_MS);
    setInterval(() => this.active && this.loadFacilities(), FACILITIES_EVERY_MS);
    setInterval(() => this.active && this.loadSla(), ALERTS_EVERY_MS);
  }

  /** Called when the tab is shown; creates the map and charts lazily (they need a visible box). */
  async show() {
    this.active = true;
    if (!this.map) this.map = createMap(document.getElementById('dash-map'));
    if (!this.charts) this.charts = new TrendCharts(document.getElementById('chart-beds'), document.getElementById('chart-meals'));
    this.map.invalidate();
    this.charts.resize();
    if (!this.regions) await this.reload();
  }

  hide() {
    this.active = false;
  }

  /** Everything again, e.g. after the token changed. */
  async reload() {
    try {
      this.regions = await loadRegions(true);
      this.setError('regions', null);
    } catch (e) {
      this.setError('regions', e);
      return;
    }
    this.fillDistricts();
    await this.showDistrict(this.districtCode && this.regions.byCode.has(this.districtCode) ? this.districtCode : this.regions.districts[0]?.code);
  }

  fillDistricts() {
    this.select.replaceChildren(...this.regions.districts.map((d) => el('option', { value: d.code }, `${districtName(d.code, d.name)} (${d.code})`)));
    if (this.districtCode) this.select.value = this.districtCode;
  }

  async showDistrict(code) {
    if (!code) return;
    this.districtCode = code;
    this.select.value = code;
    this.latest.clear();
    this.buildTable(this.regions.byCode.get(code));
    this.renderTargets(null);
    this.map?.focusDistrict(code);
    this.chartCode = code;
    await Promise.all([this.loadIndicators(code), this.loadTrend(code), this.loadAlerts(), this.loadFacilities(), this.loadSla()]);
  }

  /** The hotline's service levels per street (docs/CONTRACT.md §10.3); roles that may not read them see nothing. */
  async loadSla() {
    const body = document.getElementById('sla-body');
    const section = body.closest('section');
    if (!this.districtCode) return;
    let answer;
    try {
      answer = await get(`/workorders/sla${query({ districtCode: this.districtCode })}`);
    } catch (e) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    const names = new Map((this.regions.byCode.get(this.districtCode)?.streets || []).map((s) => [s.code, s.name]));
    const pair = (a, b) => (a == null ? '—' : `${fmtSeconds(a)} / ${fmtSeconds(b)}`);
    body.replaceChildren(...answer.streets.map((s) => el('tr', { dataset: { testid: 'sla-row', street: s.streetCode } },
      el('th', { scope: 'row' }, names.get(s.streetCode) || s.streetCode),
      el('td', { class: 'num', dataset: { field: 'open' } }, String(s.open)),
      el('td', { class: 'num', dataset: { field: 'breachedDispatch' } }, String(s.breachedDispatch)),
      el('td', { class: 'num', dataset: { field: 'breachedClose' } }, String(s.breachedClose)),
      el('td', { class: 'num', dataset: { field: 'dispatch' } }, pair(s.dispatchP50, s.dispatchP90)),
      el('td', { class: 'num', dataset: { field: 'close' } }, pair(s.closeP50, s.closeP90)),
    )));
  }

  buildTable(district) {
    this.head.replaceChildren(
      el('th', { scope: 'col' }, t('dash.name')),
      ...COLUMNS.map((c) => el('th', { scope: 'col', dataset: { col: c.field } }, t(`field.${c.field}`))),
    );
    const rows = [district, ...(district.streets || [])].map((area, i) => this.buildRow(area, i === 0));
    this.body.replaceChildren(...rows);
    // Reference data fills population until the first indicator arrives.
    [district, ...(district.streets || [])].forEach((a) => this.fillRow(a.code, { residents: a.residents, elderly60: a.elderly60 }, false));
    this.markChartRow();
  }

  buildRow(area, isDistrict) {
    const name = isDistrict ? districtName(area.code, area.name) : area.name;
    const button = el('button', { type: 'button', class: 'row-link', title: name, onclick: () => this.chartFor(area.code) }, name);
    const estimate = area.estimate ? el('abbr', { class: 'estimate', title: t('dash.estimateTitle') }, t('dash.estimate')) : null;
    return el('tr', { class: isDistrict ? 'district-row' : 'street-row', dataset: { testid: `indicator-row-${area.code}`, code: area.code } },
      el('th', { scope: 'row' }, button, estimate),
      ...COLUMNS.map((c) => el('td', { class: 'num' }, el('span', { dataset: { field: c.field } }, '—'))),
    );
  }

  /** Writes indicator fields into a row's cells; `flash` marks values that changed. */
  fillRow(code, ind, flash) {
    const row = this.body.querySelector(`tr[data-code="${CSS.escape(code)}"]`);
    if (!row) return false;
    COLUMNS.forEach(({ field }) => {
      if (!(field in ind)) return;
      const span = row.querySelector(`[data-field="${field}"]`);
      const text = FORMAT[field](ind[field]);
      const raw = ind[field] === null || ind[field] === undefined ? '' : String(ind[field]);
      if (span.textContent === text && span.dataset.value === raw) return;
      const changed = span.dataset.value !== undefined && span.dataset.value !== raw;
      span.textContent = text;
      span.dataset.value = raw;
      if (flash && changed) flashCell(span.parentElement);
    });
    this.markTargets(row, ind.targets);
    return true;
  }

  markTargets(row, targets) {
    if (!targets) return;
    row.querySelectorAll('td.target').forEach((td) => {
      td.classList.remove('target', 'met', 'unmet');
      td.querySelector('.badge')?.remove();
      td.removeAttribute('title');
    });
    targets.forEach((target) => {
      const span = row.querySelector(`[data-field="${target.indicator}"]`);
      if (!span) return;
      const td = span.parentElement;
      td.classList.add('target', metClass(target));
      td.title = `${t('target.goal', { cmp: comparatorSymbol(target.comparator), target: fmtTarget(target.indicator, target.target) })} · ${t(metKey(target))}`;
      td.append(el('span', { class: 'badge', dataset: { testid: 'target-badge', met: String(target.met) } },
        `${t(metKey(target))}${target.binding ? ' ※' : ''}`));
    });
  }

  async loadIndicators(code) {
    try {
      const [district, streets] = await Promise.all([
        get(`/indicators/districts/${encodeURIComponent(code)}`).catch((e) => (e.status === 404 ? null : Promise.reject(e))),
        get(`/indicators/streets${query({ districtCode: code })}`),
      ]);
      if (code !== this.districtCode) return;
      [district, ...(streets || [])].filter(Boolean).forEach((ind) => this.apply(ind, false));
      this.setError('indicators', null);
    } catch (e) {
      this.setError('indicators', e);
    }
  }

  apply(ind, flash) {
    if (!this.fillRow(ind.code, ind, flash)) return;
    this.latest.set(ind.code, ind);
    if (ind.code === this.districtCode) {
      this.renderTargets(ind);
      this.asOf.textContent = ind.asOf ? t('dash.asOf', { time: fmtTime(ind.asOf) }) : '';
    }
  }

  applyLive(ind) {
    if (!this.districtCode) return;
    this.apply(ind, true);
    this.charts?.append(ind);
  }

  renderTargets(ind) {
    this.renderProgress(ind);
    if (!ind) {
      this.targets.replaceChildren();
      return;
    }
    if (!ind.targets?.length) {
      this.targets.replaceChildren(el('li', { class: 'empty' }, t('dash.noTargets')));
      return;
    }
    this.targets.replaceChildren(...ind.targets.map((target) => el('li', {
      class: `target-card ${metClass(target)}`,
      dataset: { testid: `target-${target.indicator}`, met: String(target.met), binding: String(target.binding) },
    },
    el('span', { class: 'target-name' }, t(`field.${target.indicator}`), target.binding ? el('span', { class: 'binding', title: t('target.binding') }, ' ※') : null),
    el('span', { class: 'target-actual', dataset: { field: 'actual' } }, t('target.actual', { actual: fmtActual(target) })),
    el('span', { class: 'target-goal' }, t('target.goal', { cmp: comparatorSymbol(target.comparator), target: fmtTarget(target.indicator, target.target) })),
    el('span', { class: 'badge' }, t(metKey(target))))));
  }

  /**
   * Baseline, expected today, actual and target of each target with a 2020 baseline (docs/CONTRACT.md §8.2), with a
   * bar: the target's span from baseline, the expected mark and the actual fill.
   */
  renderProgress(ind) {
    this.progressHead.replaceChildren(...['indicator', 'baseline', 'expected', 'actual', 'target', 'status']
      .map((k) => el('th', { scope: 'col' }, t(`progress.${k}`))));
    const lines = (ind?.targets || []).filter((x) => x.baseline !== null && x.baseline !== undefined);
    if (!ind) {
      this.progressBody.replaceChildren();
      return;
    }
    if (!lines.length) {
      this.progressBody.replaceChildren(el('tr', {}, el('td', { colspan: '6', class: 'empty' }, t('dash.noBaseline'))));
      return;
    }
    this.progressBody.replaceChildren(...lines.map((x) => {
      const status = x.progress ? t(`progress.${x.progress}`) : '—';
      const statusEn = x.progress && lang() !== 'en' ? tEn(`progress.${x.progress}`) : null;
      return el('tr', { dataset: { testid: `progress-${x.indicator}`, progress: x.progress ?? '' } },
        el('th', { scope: 'row' }, t(`field.${x.indicator}`), x.binding ? el('span', { class: 'binding', title: t('target.binding') }, ' ※') : null),
        el('td', { class: 'num', dataset: { field: 'baseline' } }, fmtValue(x.indicator, x.baseline)),
        el('td', { class: 'num', dataset: { field: 'expected' } }, fmtValue(x.indicator, x.expected, 1)),
        el('td', { class: 'num', dataset: { field: 'actual' } }, fmtValue(x.indicator, x.actual)),
        el('td', { class: 'num', dataset: { field: 'target' } }, `${comparatorSymbol(x.comparator)}${fmtTarget(x.indicator, x.target)}`),
        el('td', { class: `progress-status ${(x.progress || '').toLowerCase()}` },
          progressBar(x), status, statusEn ? el('span', { class: 'en', lang: 'en' }, ` ${statusEn}`) : null));
    }));
  }

  chartFor(code) {
    this.chartCode = code;
    this.markChartRow();
    this.loadTrend(code);
  }

  markChartRow() {
    this.body.querySelectorAll('tr').forEach((tr) => tr.setAttribute('aria-selected', String(tr.dataset.code === this.chartCode)));
    const area = this.regions?.byCode.get(this.chartCode) || this.regions?.streets.get(this.chartCode);
    this.trendScope.textContent = area ? (area.streets ? districtName(area.code, area.name) : area.name) : '';
  }

  async loadTrend(code) {
    if (!code || !this.charts) return;
    this.markChartRow();
    try {
      await this.charts.load(code, Number(this.range.value));
      this.setError('history', null);
    } catch (e) {
      this.charts.clear();
      this.setError('history', e);
    }
  }

  async loadAlerts() {
    const code = this.districtCode;
    if (!code) return;
    try {
      const alerts = await get(`/alerts${query({ districtCode: code })}`);
      if (code !== this.districtCode) return;
      this.lastAlerts = alerts || [];
      this.renderAlerts();
      this.setError('alerts', null);
    } catch (e) {
      this.setError('alerts', e);
    }
  }

  renderAlerts() {
    const active = (this.lastAlerts || []).filter((a) => a.active !== false);
    if (!active.length) {
      this.alerts.replaceChildren(el('li', { class: 'empty' }, t('dash.noAlerts')));
      return;
    }
    // Chinese first, the English beside it (docs/CONTRACT.md §8.4); the English view shows English only.
    const beside = lang() !== 'en';
    this.alerts.replaceChildren(...active.map((a) => el('li', { class: 'alert', dataset: { testid: 'alert', type: a.type } },
      el('span', { class: 'alert-type', dataset: { testid: 'alert-type' } }, t(`alert.${a.type}`),
        beside ? el('span', { class: 'en', lang: 'en' }, ` ${tEn(`alert.${a.type}`)}`) : null),
      el('span', { class: 'alert-scope' }, this.scopeName(a.scope)),
      el('span', { class: 'alert-message', dataset: { testid: 'alert-message' } }, this.alertText(a, t)),
      beside ? el('span', { class: 'alert-message en', lang: 'en' }, this.alertText(a, tEn)) : null,
      el('time', { datetime: a.since }, fmtTime(a.since)))));
  }

  /** The alert in one language from its params; an alert without params (older ones) keeps its English message. */
  alertText(a, tr) {
    const p = a.params || {};
    if (!Object.keys(p).length) return a.message;
    if (a.type === 'BINDING_TARGET_MISSED') {
      const missed = (p.missed || '').split(',').filter(Boolean).map((item) => {
        const [indicator, cmp, target] = item.split(':');
        return tr('alert.missedItem', { field: tr(`field.${indicator}`), cmp: comparatorSymbol(cmp), target: fmtTarget(indicator, Number(target)) });
      }).join(tr('alert.listSeparator'));
      return tr('alert.text.BINDING_TARGET_MISSED', { name: tr === t ? this.scopeName(a.scope) : (p.name ?? a.scope), missed });
    }
    return tr(`alert.text.${a.type}`, p);
  }

  scopeName(scope) {
    const area = this.regions?.byCode.get(scope) || this.regions?.streets.get(scope);
    if (!area) return scope ?? '';
    return area.streets ? districtName(area.code, area.name) : area.name;
  }

  async loadFacilities() {
    const code = this.districtCode;
    if (!code || !this.map) return;
    try {
      const facilities = await get(`/facilities${query({ districtCode: code })}`);
      if (code !== this.districtCode) return;
      this.map.setFacilities(facilities || []);
      this.setError('facilities', null);
    } catch (e) {
      this.setError('facilities', e);
    }
  }

  setError(source, error) {
    if (error) this.errors.set(source, error);
    else this.errors.delete(source);
    const first = this.errors.values().next().value;
    showError(this.errorBox, first);
  }

  rerender() {
    if (!this.regions || !this.districtCode) return;
    this.fillDistricts();
    const latest = [...this.latest.values()];
    this.buildTable(this.regions.byCode.get(this.districtCode));
    latest.forEach((ind) => this.apply(ind, false));
    if (!this.latest.has(this.districtCode)) this.renderTargets(null);
    this.renderAlerts();
    if (this.liveStateValue) this.liveState.textContent = t(`live.${this.liveStateValue}`);
  }
}

/** A target whose actual value is unknown (no denominator yet, e.g. no institution beds) is neither met nor unmet. */
/** Seconds as minutes or hours, Chinese first: 12分钟, 3.5小时. */
function fmtSeconds(seconds) {
  return seconds < 3600 ? `${Math.round(seconds / 60)}分钟 min` : `${(seconds / 3600).toFixed(1)}小时 h`;
}

function metKey(target) {
  if (target.met === null || target.met === undefined) return 'target.noData';
  return target.met ? 'target.met' : 'target.unmet';
}

function metClass(target) {
  if (target.met === null || target.met === undefined) return 'nodata';
  return target.met ? 'met' : 'unmet';
}

function fmtActual(target) {
  return fmtValue(target.indicator, target.actual);
}

/** Shares (the nursing-bed share, a fraction) as percentages; counts as integers; ratios with `digits` decimals. */
function fmtValue(indicator, value, digits = 2) {
  if (value === null || value === undefined) return '—';
  if (indicator === 'nursingBedShare') return fmtPercent(value);
  return Number.isInteger(value) ? fmtInt(value) : fmtDec(value, digits);
}

function fmtTarget(indicator, value) {
  return indicator === 'nursingBedShare' ? fmtPercent(value) : value;
}

/** A bar from baseline (0%) to target (100%): the actual as fill, the expected value as a mark. */
function progressBar(x) {
  const span = x.target - x.baseline;
  const at = (v) => (span === 0 ? (v >= x.target ? 100 : 0) : Math.max(0, Math.min(100, ((v - x.baseline) / span) * 100)));
  const actual = x.actual === null || x.actual === undefined ? 0 : at(x.actual);
  const expected = x.expected === null || x.expected === undefined ? 0 : at(x.expected);
  return el('span', { class: 'bar', 'aria-hidden': 'true' },
    el('span', { class: 'bar-fill', style: `width:${actual.toFixed(1)}%` }),
    el('span', { class: 'bar-mark', style: `left:${expected.toFixed(1)}%` }));
}

function flashCell(td) {
  td.classList.remove('flash');
  void td.offsetWidth; // restart the animation
  td.classList.add('flash');
}
