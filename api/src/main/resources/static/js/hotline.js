/**
 * Hotline console (热线坐席): the live incident queue (事件队列, incidents.js), identify a caller with
 * POST /recipients/match, explain each candidate in words, open the chosen person's service history, take the call
 * as a work order, and the call log (通话记录, calls.js).
 * Only masked identifiers are ever shown; nothing typed here is stored in the browser.
 */
import { get, post, request } from './api.js';
import { t, onLangChange } from './i18n.js';
import { el, showError, fmtInt, fmtTime, fmtDay } from './dom.js';
import { loadRegions, fillStreetSelect, areaName } from './regions.js';
import { IncidentQueue } from './incidents.js';
import { CallLog, REQUEST_TYPES } from './calls.js';

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
    this.queue = new IncidentQueue(document.getElementById('incident-queue'), () => this.regions);
    this.calls = new CallLog(document.getElementById('call-log'));
    /** When the operator began identifying the caller: the call's receivedAt when it becomes an order. */
    this.callStartedAt = null;

    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.match();
    });
    this.form.addEventListener('reset', () => {
      this.candidates = null;
      this.selected = null;
      this.callStartedAt = null;
      this.list.replaceChildren();
      this.count.textContent = '';
      this.clearHistory();
      showError(this.errorBox, null);
    });
    onLangChange(() => this.rerender());
  }

  async show() {
    if (!this.regions) await this.reload();
    if (!this.queue.source) this.queue.connect();
    this.calls.start();
    if (!this.selected) this.clearHistory();
  }

  /** The queue's stream counts against the token's open streams (§6.3): closed while another view is shown. */
  hide() {
    this.queue.close();
    this.calls.stop();
  }

  async reload() {
    // A new token: the queue is opened again with it.
    this.queue.close();
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
    if (!this.callStartedAt) this.callStartedAt = Date.now();
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
        // The day only: the recipients index is rewritten at a person's first service of a day, not at each
        // (docs/CONTRACT.md §4), so the time of day may be an earlier service's; the history shows each one.
        c.lastServiceAt ? ` · ${t('hotline.lastService', { time: fmtDay(c.lastServiceAt) })}` : ''));
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
    this.person.append(this.workOrderForm(p));
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

  /**
   * A request from this caller becomes a work order (docs/CONTRACT.md §10.2): the call is logged, and the order
   * opened on it where the person lives (the centre of their street: no home location is kept) and dispatched to the
   * nearest facility able to serve it.
   */
  workOrderForm(p) {
    const type = el('select', { dataset: { testid: 'wo-type' }, 'aria-label': '服务类型 Request' },
      ...Object.entries(REQUEST_TYPES).map(([code, [zh, en]]) => el('option', { value: code }, `${zh} ${en}`)));
    const result = el('p', { class: 'hint', dataset: { testid: 'wo-result' }, role: 'status' });
    const button = el('button', { type: 'button', class: 'primary', dataset: { testid: 'wo-dispatch' },
      onclick: () => this.dispatch(p, type.value, result) }, '开工单并派单 Open and dispatch');
    return el('div', { class: 'work-order' }, el('h4', {}, '工单 Work order'), type, button, result);
  }

  async dispatch(p, requestType, result) {
    const centre = this.regions?.streets.get(p.streetCode)?.centroid;
    if (!centre) {
      result.textContent = '未知街道，无法派单 Unknown street, cannot dispatch';
      return;
    }
    try {
      const options = await get(`/workorders/dispatch-options?requestType=${requestType}&lat=${centre.lat}&lon=${centre.lon}`);
      if (!options.length) {
        result.textContent = '20公里内没有可承接的设施 No facility within 20 km can serve it';
        return;
      }
      const chosen = options[0];
      const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const workOrderId = `wo-${suffix}`;
      const callId = `call-${suffix}`;
      const now = Date.now();
      const began = Math.min(this.callStartedAt || now, now);
      const time = new Date(now).toISOString();
      const event = (type, data) => ({ specversion: '1.0', id: `${workOrderId}-${type}`, source: '/hotline/portal', type, time, data });
      const answer = await request('/events', {
        method: 'POST',
        contentType: 'application/cloudevents-batch+json',
        body: [
          event('call.logged', { callId, receivedAt: new Date(began).toISOString(),
            durationSeconds: Math.min(14_400, Math.round((now - began) / 1000)), streetCode: p.streetCode,
            reason: 'REQUEST', recipientId: p.recipientId }),
          event('workorder.opened', { workOrderId, callId, requestType, districtCode: p.districtCode, streetCode: p.streetCode,
            location: centre, recipientId: p.recipientId }),
          event('workorder.dispatched', { workOrderId, requestType, facilityId: chosen.facilityId, distanceKm: chosen.distanceKm }),
        ],
      });
      result.textContent = answer.rejected?.length
        ? answer.rejected.flatMap((r) => r.errors).join('; ')
        : `已派单至 ${chosen.name}（${chosen.distanceKm} 公里） Dispatched to ${chosen.name} (${chosen.distanceKm} km) · ${workOrderId}`;
      result.dataset.workOrderId = workOrderId;
      if (answer.accepted) {
        // The call is over; the next identification begins the next one.
        this.callStartedAt = null;
        this.calls.taken();
      }
    } catch (e) {
      result.textContent = e.message;
    }
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
    this.queue.render();
    this.calls.render();
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
