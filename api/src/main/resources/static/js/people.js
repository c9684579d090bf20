/**
 * 服务对象 (people): a street's worklist of registered older people who are entitled to basic elderly-care
 * services, riskiest first, with whether the platform saw them served in the last 30 days and the nearest
 * facilities that can serve them (GET /worklist, docs/CONTRACT.md §7.4). Only masks, age and labels are
 * shown; the read is audited by the API. Needs a CIVIL_AFFAIRS, PLANNER or ADMIN token.
 */
import { get, query } from './api.js';
import { t, onLangChange } from './i18n.js';
import { el, showError, fmtInt, fmtTime, fmtDec, kindLabel } from './dom.js';
import { loadRegions, fillStreetSelect } from './regions.js';
import { CoverageMap } from './coverage-map.js';

const GROUPS = ['AGE_80_PLUS', 'AGE_90_PLUS', 'LIVING_ALONE', 'EMPTY_NEST', 'DISABLED_MILD',
  'DISABLED_MODERATE_OR_WORSE', 'SPECIAL_HARDSHIP', 'MINIMUM_SUBSISTENCE'];

const PAGE_SIZE = 50;

export class People {
  constructor() {
    this.form = document.getElementById('people-form');
    this.street = document.getElementById('people-street');
    this.unservedOnly = document.getElementById('people-unserved');
    this.summary = document.getElementById('people-summary');
    this.body = document.getElementById('people-body');
    this.more = document.getElementById('people-more');
    this.errorBox = document.getElementById('people-error');
    this.coverageBody = document.getElementById('coverage-body');
    this.coverageOverdue = document.getElementById('coverage-overdue');
    this.mapGroup = document.getElementById('coverage-map-group');
    this.fillGroups();
    this.coverageMap = new CoverageMap(document.getElementById('coverage-map'), this.mapGroup, {
      onStreet: (code) => {
        this.street.value = code;
        this.load(0);
      },
    });
    this.data = null;
    this.coverage = null;
    this.page = 0;

    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.load(0);
    });
    this.street.addEventListener('change', () => this.load(0));
    this.unservedOnly.addEventListener('change', () => this.load(0));
    this.more.addEventListener('click', () => this.load(this.page + 1));
    onLangChange(() => this.rerender());
  }

  async show() {
    if (!this.regions) {
      try {
        this.regions = await loadRegions();
        fillStreetSelect(this.street, this.regions, 'people.pickStreet');
        showError(this.errorBox, null);
      } catch (e) {
        showError(this.errorBox, e);
      }
    }
    this.render();
    if (this.regions) this.coverageMap.show(this.regions).catch((e) => showError(this.errorBox, e));
  }

  /** The map's target-group choice: any group first, then the eight groups of docs/CONTRACT.md §7.5. */
  fillGroups() {
    const chosen = this.mapGroup.value;
    this.mapGroup.replaceChildren(el('option', { value: '' }, t('coverage.anyGroup')),
      ...GROUPS.map((g) => el('option', { value: g }, t(`label.${g}`))));
    this.mapGroup.value = chosen;
  }

  hide() {}

  async load(page) {
    const streetCode = this.street.value;
    if (!streetCode) {
      this.data = null;
      this.render();
      return;
    }
    try {
      const [list, indicator] = await Promise.all([
        get(`/worklist${query({ streetCode, unservedOnly: this.unservedOnly.checked, page, size: PAGE_SIZE })}`),
        page === 0 ? get(`/indicators/streets/${encodeURIComponent(streetCode)}`).catch(() => null) : Promise.resolve(undefined),
      ]);
      if (indicator !== undefined) this.coverage = indicator?.coverage ?? null;
      this.data = page === 0 || !this.data ? list : { ...list, items: [...this.data.items, ...list.items] };
      this.page = page;
      showError(this.errorBox, null);
      if (page === 0) {
        this.coverageMap.select(streetCode);
        this.coverageMap.reload().catch(() => {}); // the map is a view of the same live indicators
      }
    } catch (e) {
      this.data = null;
      showError(this.errorBox, e);
    }
    this.render();
  }

  /** The street's coverage per target group, live from the indicator job (docs/CONTRACT.md §7.5). */
  renderCoverage() {
    const c = this.data ? this.coverage : null;
    if (!c) {
      this.coverageBody.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: 4 }, t(this.data ? 'coverage.none' : 'people.pickHint'))));
      this.coverageOverdue.textContent = '';
      return;
    }
    const row = (key, g, testid) => el('tr', { dataset: { testid, group: g.group || 'ALL' } },
      el('th', { scope: 'row' }, t(key)),
      el('td', { class: 'num', dataset: { field: 'entitled' } }, fmtInt(g.entitled)),
      el('td', { class: 'num', dataset: { field: 'served' } }, fmtInt(g.served)),
      el('td', { class: 'num', dataset: { field: 'rate' } }, g.rate === null || g.rate === undefined ? '—' : `${fmtDec(g.rate * 100, 1)}%`));
    this.coverageBody.replaceChildren(
      row('coverage.anyGroup', c, 'coverage-row'),
      ...(c.groups || []).map((g) => row(`label.${g.group}`, g, 'coverage-row')));
    this.coverageOverdue.textContent = t('coverage.overdue', { n: fmtInt(c.assessmentsOverdue ?? 0), registered: fmtInt(c.registered ?? 0) });
  }

  render() {
    this.renderCoverage();
    const d = this.data;
    if (!d) {
      this.summary.textContent = t('people.pickHint');
      this.body.replaceChildren();
      this.more.hidden = true;
      return;
    }
    const rate = d.entitled ? (100 * d.served) / d.entitled : null;
    this.summary.replaceChildren(
      el('span', { dataset: { testid: 'people-entitled', value: d.entitled } }, t('people.entitled', { n: fmtInt(d.entitled) })),
      el('span', { dataset: { testid: 'people-served', value: d.served } }, t('people.served', { n: fmtInt(d.served), days: d.windowDays })),
      el('span', { dataset: { testid: 'people-unserved', value: d.unserved } }, t('people.unserved', { n: fmtInt(d.unserved) })),
      el('span', { dataset: { testid: 'people-coverage' } }, t('people.coverage', { pct: rate === null ? '—' : `${fmtDec(rate, 1)}%` })));
    this.body.replaceChildren(...(d.items.length
      ? d.items.map((p) => this.row(p))
      : [el('tr', { class: 'empty' }, el('td', { colspan: 6 }, t('people.none')))]));
    this.more.hidden = d.items.length >= d.total;
  }

  row(p) {
    return el('tr', { dataset: { testid: 'person-row', personId: p.personId, served: String(p.servedInWindow) } },
      el('td', {},
        el('span', { class: 'person-name', dataset: { field: 'nameMasked' } }, p.nameMasked || '—'),
        el('span', { class: 'ids' },
          p.idNumberMasked ? el('span', { dataset: { field: 'idNumberMasked' } }, p.idNumberMasked) : null,
          p.phoneMasked ? el('span', { dataset: { field: 'phoneMasked' } }, p.phoneMasked) : null)),
      el('td', { class: 'num', dataset: { field: 'age' } }, p.age ?? '—'),
      el('td', {}, el('ul', { class: 'labels' },
        ...(p.labels || []).map((l) => el('li', { class: `label label-${l.label.toLowerCase()}`, title: l.evidence, dataset: { field: 'label', value: l.label } }, t(`label.${l.label}`))))),
      el('td', {}, (p.entitlements || []).map((s) => t(`entitlement.${s}`)).join(t('people.sep'))),
      el('td', { dataset: { field: 'served' } }, p.servedInWindow ? t('people.lastServed', { time: fmtTime(p.lastServedAt) }) : el('strong', { class: 'unserved' }, t('people.notServed'))),
      el('td', { dataset: { field: 'nearestFacilities' } }, (p.nearestFacilities || []).length
        ? el('ul', { class: 'nearest' }, ...p.nearestFacilities.map((f) => el('li', { dataset: { facilityId: f.facilityId } },
          `${f.name}（${kindLabel(f.kind)}，${fmtDec(f.distanceKm, 1)} km）`)))
        : t('people.noFacility')));
  }

  rerender() {
    this.fillGroups();
    if (this.regions) fillStreetSelect(this.street, this.regions, 'people.pickStreet');
    this.render();
  }
}
