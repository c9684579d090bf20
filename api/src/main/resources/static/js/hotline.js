/**
 * Hotline console (热线坐席): identify a caller with POST /recipients/match, explain each
 * candidate in words, and open the chosen person's service history. Only masked identifiers
 * are ever shown; nothing typed here is stored in the browser.
 */
import { get, post } from './api.js';
import { t, onLangChange } from './i18n.js';
import { el, showError, fmtInt, fmtTime } from './dom.js';
import { loadRegions, fillStreetSelect, areaName } from './regions.js';

export class Hotline {
  constructor() {
    this.form = document.getElementById('hotline-form');
    this.street = document.getElementById('hl-street');
    this.list = document.getElementById('candidates');
    this.count = document.getElementById('cand-count');
    this.person = document.getElementById('person');
    this.services = document.getElementById('services');
    this.servicesBody = document.getElementById('services-body');
    this.errorBox = document.getElementById('hotline-error');
    this.facilityNames = new Map();
    this.candidates = null;
    this.selected = null;

    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.match();
    });
    this.form.addEventListener('reset', () => {
      this.candidates = null;
      this.selected = null;
      this.list.replaceChildren();
      this.count.textContent = '';
      this.clearHistory();
      showError(this.errorBox, null);
    });
    onLangChange(() => this.rerender());
  }

  async show() {
    if (!this.regions) await this.reload();
    if (!this.selected) this.clearHistory();
  }

  hide() {}

  async reload() {
    try {
      this.regions = await loadRegions();
      fillStreetSelect(this.street, this.regions, 'hotline.anyStreet');
      showError(this.errorBox, null);
    } catch (e) {
      showError(this.errorBox, e);
    }
  }

  /** The match request body: only the fields the operator filled in. */
  body() {
    const f = new FormData(this.form);
    const value = (k) => (f.get(k) || '').toString().trim();
    const street = this.regions?.streets.get(value('street'));
    const address = [street?.name, value('address')].filter(Boolean).join(' ');
    const body = { name: value('name') };
    if (value('idNumber')) body.idNumber = value('idNumber').toUpperCase();
    if (value('phone')) body.phone = value('phone').replace(/[\s-]/g, '');
    if (value('birthDate')) body.birthDate = value('birthDate');
    if (address) body.address = address;
    if (street?.centroid) body.location = street.centroid;
    return body;
  }

  async match() {
    const body = this.body();
    if (!body.name) {
      showError(this.errorBox, new Error(t('hotline.nameRequired')));
      return;
    }
    this.selected = null;
    this.clearHistory();
    try {
      const response = await post('/recipients/match', body);
      this.candidates = response?.candidates || [];
      showError(this.errorBox, null);
    } catch (e) {
      this.candidates = null;
      this.list.replaceChildren();
      this.count.textContent = '';
      showError(this.errorBox, e);
      return;
    }
    this.renderCandidates();
  }

  renderCandidates() {
    if (this.candidates === null) return;
    const list = this.candidates;
    this.count.textContent = t('hotline.count', { n: list.length });
    this.list.replaceChildren(...(list.length ? list.map((c) => this.candidate(c)) : [el('li', { class: 'empty' }, t('hotline.none'))]));
  }

  candidate(c) {
    const fields = matchedFields(c.matchedOn);
    const pct = `${Math.round((c.score ?? 0) * 100)}%`;
    const selected = c.recipientId === this.selected?.recipientId;
    return el('li', { class: `candidate ${selected ? 'selected' : ''}`, dataset: { testid: 'candidate', recipientId: c.recipientId, decision: c.decision } },
      el('button', { type: 'button', class: 'candidate-main', 'aria-pressed': String(selected), onclick: () => this.open(c) },
        el('span', { class: 'candidate-name' }, c.name),
        el('span', { class: `decision decision-${(c.decision || '').toLowerCase()}`, title: c.decision, dataset: { field: 'decision', value: c.decision } }, t(`decision.${c.decision}`)),
        el('span', { class: 'score', dataset: { field: 'score', value: c.score } }, t('hotline.score', { pct }))),
      el('span', { class: 'matched-on', dataset: { field: 'matchedOn' } },
        fields.length ? t('hotline.matchedOn', { fields: fields.map((f) => t(`match.${f}`) === `match.${f}` ? f : t(`match.${f}`)).join(sep()) }) : t('hotline.matchedNothing')),
      el('span', { class: 'ids' },
        c.idNumberMasked ? el('span', { dataset: { field: 'idNumberMasked' } }, c.idNumberMasked) : null,
        c.phoneMasked ? el('span', { dataset: { field: 'phoneMasked' } }, c.phoneMasked) : null,
        // Birth year only: beside the masked ID a date would give the whole number (docs/CONTRACT.md §6.2).
        c.birthYear ? el('span', { dataset: { field: 'birthYear' } }, t('person.bornIn', { year: c.birthYear })) : null),
      el('span', { class: 'candidate-area' }, areaName(this.regions, c.districtCode, c.streetCode)),
      el('span', { class: 'candidate-services' },
        t('hotline.servicesCount', { n: fmtInt(c.servicesCount ?? 0) }),
        c.lastServiceAt ? ` · ${t('hotline.lastService', { time: fmtTime(c.lastServiceAt) })}` : ''));
  }

  async open(candidate) {
    this.selected = candidate;
    this.renderCandidates();
    try {
      const [person, services] = await Promise.all([
        get(`/recipients/${encodeURIComponent(candidate.recipientId)}`),
        get(`/recipients/${encodeURIComponent(candidate.recipientId)}/services`),
      ]);
      if (this.selected !== candidate) return;
      this.personData = { ...candidate, ...person };
      this.serviceData = (services || []).sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
      showError(this.errorBox, null);
      this.renderHistory();
      this.resolveFacilities();
    } catch (e) {
      showError(this.errorBox, e);
    }
  }

  clearHistory() {
    this.personData = null;
    this.serviceData = null;
    this.person.replaceChildren(el('p', { class: 'hint' }, t('hotline.pick')));
    this.services.hidden = true;
    this.servicesBody.replaceChildren();
  }

  renderHistory() {
    const p = this.personData;
    if (!p) return this.clearHistory();
    const item = (key, value, field) => (value ? [el('dt', {}, t(key)), el('dd', { dataset: { field } }, value)] : []);
    this.person.replaceChildren(
      el('h3', { class: 'person-name' }, p.name),
      el('dl', { class: 'person-facts' },
        ...item('person.id', p.recipientId, 'recipientId'),
        ...item('person.idNumber', p.idNumberMasked, 'idNumberMasked'),
        ...item('person.phone', p.phoneMasked, 'phoneMasked'),
        ...item('person.birthYear', p.birthYear ? String(p.birthYear) : null, 'birthYear'),
        ...item('person.area', areaName(this.regions, p.districtCode, p.streetCode), 'area')),
    );
    const rows = this.serviceData || [];
    this.services.hidden = false;
    this.servicesBody.replaceChildren(...(rows.length
      ? rows.map((r) => el('tr', { dataset: { testid: 'service-row', recordId: r.recordId } },
        el('td', {}, el('time', { datetime: r.startedAt }, fmtTime(r.startedAt))),
        el('td', { dataset: { field: 'serviceType', value: r.serviceType } }, t(`svc.${r.serviceType}`)),
        el('td', { class: 'num', dataset: { field: 'durationMinutes' } }, fmtInt(r.durationMinutes)),
        el('td', { dataset: { field: 'facilityId', value: r.facilityId } }, this.facilityNames.get(r.facilityId) || r.facilityId),
        el('td', {}, r.operatorId || '')))
      : [el('tr', { class: 'empty' }, el('td', { colspan: 5 }, t('hotline.noServices')))]));
  }

  /** Facility names for the history table, best effort: the id stays if a lookup fails. */
  async resolveFacilities() {
    const missing = [...new Set((this.serviceData || []).map((r) => r.facilityId))].filter((id) => id && !this.facilityNames.has(id));
    if (!missing.length) return;
    await Promise.all(missing.slice(0, 20).map((id) => get(`/facilities/${encodeURIComponent(id)}`)
      .then((f) => this.facilityNames.set(id, f.name || id))
      .catch(() => this.facilityNames.set(id, id))));
    this.renderHistory();
  }

  rerender() {
    if (this.regions) fillStreetSelect(this.street, this.regions, 'hotline.anyStreet');
    this.renderCandidates();
    if (this.personData) this.renderHistory();
    else this.clearHistory();
  }
}

/** matchedOn may be a list of field names or one comma-separated string. */
function matchedFields(matchedOn) {
  if (!matchedOn) return [];
  return (Array.isArray(matchedOn) ? matchedOn : String(matchedOn).split(/[,\s]+/)).filter(Boolean);
}

const sep = () => (document.documentElement.lang === 'en' ? ', ' : '、');
