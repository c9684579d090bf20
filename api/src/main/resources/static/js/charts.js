/**
 * Trend charts (Apache ECharts) of one scope's beds, occupied beds and meals today, from
 * GET /indicators/history/{code}?from=&to=, extended in place by live indicator events.
 */
import { get, query } from './api.js';
import { t, onLangChange } from './i18n.js';
import { fmtTime, fmtInt, fmtClock } from './dom.js';

const COLOURS = { beds: '#1565c0', occupiedBeds: '#ef6c00', meals: '#2e7d32' };

export class TrendCharts {
  constructor(bedsNode, mealsNode) {
    this.beds = echarts.init(bedsNode, null, { renderer: 'canvas' });
    this.meals = echarts.init(mealsNode, null, { renderer: 'canvas' });
    this.points = [];
    this.code = null;
    window.addEventListener('resize', () => this.resize());
    onLangChange(() => this.render());
  }

  /** Loads the last `minutes` of history for `code`; returns the points drawn. */
  async load(code, minutes) {
    this.code = code;
    const to = new Date();
    const from = new Date(to.getTime() - minutes * 60_000);
    this.windowMs = minutes * 60_000;
    const history = await get(`/indicators/history/${encodeURIComponent(code)}${query({ from: from.toISOString(), to: to.toISOString() })}`);
    if (code !== this.code) return this.points; // a newer selection won the race
    this.points = (history || []).filter((p) => p.asOf).sort((a, b) => Date.parse(a.asOf) - Date.parse(b.asOf));
    this.render();
    return this.points;
  }

  /** Adds a live indicator if it belongs to the charted scope. */
  append(indicator) {
    if (indicator.code !== this.code || !indicator.asOf) return;
    const last = this.points[this.points.length - 1];
    if (last && Date.parse(last.asOf) >= Date.parse(indicator.asOf)) return;
    this.points.push(indicator);
    const cutoff = Date.now() - (this.windowMs || 3_600_000);
    this.points = this.points.filter((p) => Date.parse(p.asOf) >= cutoff);
    this.render();
  }

  clear() {
    this.code = null;
    this.points = [];
    this.render();
  }

  render() {
    const series = (field) => this.points.map((p) => [p.asOf, p[field] ?? null]);
    const empty = this.points.length === 0;
    this.beds.setOption(option([
      { name: t('chart.beds'), data: series('beds'), color: COLOURS.beds },
      { name: t('chart.occupiedBeds'), data: series('occupiedBeds'), color: COLOURS.occupiedBeds, area: true },
    ], empty), true);
    this.meals.setOption(option([
      { name: t('chart.meals'), data: series('mealsServedToday'), color: COLOURS.meals, area: true },
    ], empty), true);
  }

  resize() {
    this.beds.resize();
    this.meals.resize();
  }
}

function option(lines, empty) {
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 32, bottom: 28 },
    legend: { top: 0, textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis', formatter: tooltip },
    title: empty ? { text: t('chart.empty'), left: 'center', top: 'middle', textStyle: { color: '#78909c', fontSize: 13, fontWeight: 'normal' } } : undefined,
    xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: (v) => fmtClock(v) } },
    yAxis: { type: 'value', minInterval: 1, scale: true },
    series: lines.map((l) => ({
      name: l.name,
      type: 'line',
      showSymbol: false,
      step: 'end',
      data: l.data,
      itemStyle: { color: l.color },
      lineStyle: { color: l.color, width: 2 },
      areaStyle: l.area ? { opacity: 0.12 } : undefined,
    })),
  };
}

/** Times in Asia/Shanghai like the rest of the page (ECharts itself only knows local time or UTC). */
function tooltip(params) {
  const list = Array.isArray(params) ? params : [params];
  if (!list.length) return '';
  const head = fmtTime(list[0].value[0]);
  return [head, ...list.map((p) => `${p.marker}${p.seriesName}: <b>${fmtInt(p.value[1])}</b>`)].join('<br>');
}
