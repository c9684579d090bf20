/**
 * 事件队列 Incidents (docs/CONTRACT.md §9.7): the hotline's live incident queue. One EventSource on
 * /incidents/stream; the server pushes each incident's latest document when it changes (nothing is polled).
 * Shows the rule, state, next deadline and breached SLAs, the masked person and their labels, and lets the
 * operator acknowledge, dispatch and resolve through POST /events (the events of §9.5); the outcome comes
 * back on the stream. Only masks and the birth year are shown, as the documents hold.
 */
import { request, streamUrl } from './api.js';
import { t, tEn } from './i18n.js';
import { el, fmtTime } from './dom.js';
import { areaName } from './regions.js';

const RULES = {
  SOS: ['一键呼叫', 'SOS'],
  DEVICE_SILENT: ['设备失联', 'Device silent'],
  LOW_WATER: ['用水过低', 'Low water use'],
  MISSED_VISIT: ['漏访', 'Missed visit'],
};
const STATES = {
  OPEN: ['待受理', 'Open'],
  ACKNOWLEDGED: ['已受理', 'Acknowledged'],
  DISPATCHED: ['已派单', 'Dispatched'],
  RESOLVED: ['已办结', 'Resolved'],
};
const TIERS = {
  HOTLINE: ['12349热线', 'Hotline'],
  STREET_OFFICE: ['街道', 'Street office'],
  COMMUNITY: ['社区居委会', 'Community'],
  OPERATOR: ['服务商', 'Operator'],
};
const BREACHES = { ACKNOWLEDGE: ['受理超时', 'Acknowledge late'], DISPATCH: ['派单超时', 'Dispatch late'], RESOLVE: ['办结超时', 'Resolve late'] };
const DISPATCH_TO = [
  ['COMMUNITY', '社区居委会', 'Community'],
  ['STREET_OFFICE', '街道', 'Street office'],
  ['EMERGENCY_120', '120急救', 'Emergency 120'],
  ['FAMILY', '家属', 'Family'],
];
const OUTCOMES = [
  ['ASSISTED', '已处置', 'Assisted'],
  ['HOSPITALISED', '送医', 'Hospitalised'],
  ['FALSE_ALARM', '误报', 'False alarm'],
  ['NO_ACTION_NEEDED', '无需处置', 'No action needed'],
  ['DEVICE_FIXED', '设备已修复', 'Device fixed'],
];
/** The desk this console sends as (docs/CONTRACT.md §9.1: /hotline/<desk>). */
const SOURCE = '/hotline/portal';
const SHOWN_RESOLVED = 20;

const both = (pair, code) => (pair ? `${pair[0]} ${pair[1]}` : code);

/** The deadline that counts now: acknowledge while open, dispatch once acknowledged, resolve once dispatched. */
export function nextDeadline(i) {
  if (i.state === 'OPEN') return i.acknowledgeBy;
  if (i.state === 'ACKNOWLEDGED') return i.dispatchBy;
  if (i.state === 'DISPATCHED') return i.resolveBy;
  return null;
}

/** Open ones first by next deadline, then the resolved ones, last resolved first (the list's order, §9.7). */
function queueOrder(a, b) {
  const ra = a.state === 'RESOLVED' ? 1 : 0;
  const rb = b.state === 'RESOLVED' ? 1 : 0;
  if (ra !== rb) return ra - rb;
  const ka = ra ? -Date.parse(a.resolvedAt || 0) : Date.parse(nextDeadline(a));
  const kb = rb ? -Date.parse(b.resolvedAt || 0) : Date.parse(nextDeadline(b));
  return ka - kb || (a.incidentId < b.incidentId ? -1 : 1);
}

export class IncidentQueue {
  constructor(root, regionsOf) {
    this.root = root;
    this.regionsOf = regionsOf;
    this.list = root.querySelector('[data-testid="incident-list"]');
    this.stateBox = root.querySelector('[data-testid="incident-live"]');
    this.errorBox = root.querySelector('[data-testid="incident-error"]');
    this.incidents = new Map();
    this.source = null;
  }

  /** Opens the stream (again, e.g. after the token changed). */
  connect() {
    this.close();
    if (typeof EventSource === 'undefined') return;
    this.setLive('connecting');
    this.incidents.clear();
    this.source = new EventSource(streamUrl('/incidents/stream'));
    this.source.addEventListener('incident', (e) => {
      let doc;
      try {
        doc = JSON.parse(e.data);
      } catch {
        return;
      }
      if (!doc?.incidentId) return;
      const known = this.incidents.get(doc.incidentId);
      // A document never moves back: keep the one with the longer history.
      if (known && (known.transitions?.length || 0) > (doc.transitions?.length || 0)) return;
      this.incidents.set(doc.incidentId, doc);
      this.setLive('open');
      this.render();
    });
    this.source.addEventListener('unavailable', () => this.setLive('unavailable'));
    // Reading works again (§9.7): the open incidents this stream missed, if any, follow as `incident` events.
    this.source.addEventListener('available', () => this.setLive('open'));
    this.source.onopen = () => this.setLive('open');
    this.source.onerror = () => this.setLive(this.source.readyState === EventSource.CLOSED ? 'error' : 'connecting');
  }

  close() {
    if (this.source) this.source.close();
    this.source = null;
  }

  setLive(state) {
    const text = {
      connecting: '连接中 Connecting',
      open: '实时 Live',
      unavailable: '暂不可读 Unavailable',
      error: '已断开 Disconnected',
    }[state];
    this.stateBox.textContent = text;
    this.stateBox.dataset.state = state;
  }

  render() {
    const all = [...this.incidents.values()].sort(queueOrder);
    const open = all.filter((i) => i.state !== 'RESOLVED');
    const resolved = all.filter((i) => i.state === 'RESOLVED').slice(0, SHOWN_RESOLVED);
    const items = [...open, ...resolved];
    this.root.querySelector('[data-testid="incident-count"]').textContent = `${open.length} 待办 open`;
    this.list.replaceChildren(...(items.length
      ? items.map((i) => this.item(i))
      : [el('li', { class: 'empty' }, '暂无事件 No incidents')]));
  }

  item(i) {
    const deadline = nextDeadline(i);
    const late = deadline && Date.parse(deadline) < Date.now();
    const p = i.person;
    const regions = this.regionsOf();
    return el('li', { class: `incident incident-${i.state.toLowerCase()}`, dataset: { testid: 'incident', incidentId: i.incidentId, state: i.state } },
      el('div', { class: 'incident-head' },
        el('span', { class: 'incident-rule', dataset: { field: 'rule', value: i.rule } }, both(RULES[i.rule], i.rule)),
        el('span', { class: `incident-state state-${i.state.toLowerCase()}`, dataset: { field: 'state', value: i.state } }, both(STATES[i.state], i.state)),
        el('span', { class: 'incident-tier', dataset: { field: 'assignedTo', value: i.assignedTo } }, both(TIERS[i.assignedTo], i.assignedTo))),
      el('div', { class: 'incident-when' },
        deadline
          ? el('span', { class: late ? 'deadline late' : 'deadline', dataset: { field: 'deadline' } },
            `时限 Due ${fmtTime(deadline)}`)
          : el('span', { class: 'deadline', dataset: { field: 'resolvedAt' } }, `办结 Resolved ${fmtTime(i.resolvedAt)}`),
        ...(i.breached || []).map((b) => el('span', { class: 'breach', dataset: { field: 'breached', value: b } }, both(BREACHES[b], b)))),
      el('div', { class: 'incident-person', dataset: { field: 'person' } },
        p
          ? [el('b', { dataset: { field: 'nameMasked' } }, p.nameMasked || ''),
            p.idNumberMasked ? el('span', { dataset: { field: 'idNumberMasked' } }, p.idNumberMasked) : null,
            p.phoneMasked ? el('span', { dataset: { field: 'phoneMasked' } }, p.phoneMasked) : null,
            // Birth year only: beside the masked ID a date would give the whole number (docs/CONTRACT.md §6.2).
            p.birthYear ? el('span', { dataset: { field: 'birthYear' } }, `${p.birthYear}年生 born ${p.birthYear}`) : null,
            ...(p.labels || []).map((l) => el('span', { class: 'label', dataset: { field: 'label', value: l } },
              t(`label.${l}`) === `label.${l}` ? l : `${t(`label.${l}`)} ${tEn(`label.${l}`)}`))]
          : el('span', { class: 'hint' }, '未登记的老人 Person not registered')),
      el('div', { class: 'incident-where' },
        regions ? areaName(regions, i.districtCode, i.streetCode) : i.streetCode,
        i.deviceId ? ` · ${i.deviceKind || ''} ${i.deviceId}` : '',
        i.evidence ? ` · ${i.evidence}` : ''),
      this.actions(i));
  }

  actions(i) {
    if (i.state === 'RESOLVED') return el('div', { class: 'incident-actions' });
    const result = el('span', { class: 'hint', role: 'status', dataset: { testid: 'incident-result' } });
    const to = el('select', { 'aria-label': '派往 Dispatch to', dataset: { testid: 'incident-dispatch-to' } },
      ...DISPATCH_TO.map(([code, zh, en]) => el('option', { value: code }, `${zh} ${en}`)));
    const outcome = el('select', { 'aria-label': '办结结果 Outcome', dataset: { testid: 'incident-outcome' } },
      ...OUTCOMES.map(([code, zh, en]) => el('option', { value: code }, `${zh} ${en}`)));
    const button = (testid, text, onclick) => el('button', { type: 'button', dataset: { testid }, onclick }, text);
    return el('div', { class: 'incident-actions' },
      i.state === 'OPEN'
        ? button('incident-acknowledge', '受理 Acknowledge', () => this.send(i, 'incident.acknowledged', {}, result))
        : null,
      i.state === 'OPEN' || i.state === 'ACKNOWLEDGED'
        ? [to, button('incident-dispatch', '派单 Dispatch', () => this.send(i, 'incident.dispatched', { dispatchedTo: { kind: to.value } }, result))]
        : null,
      outcome,
      button('incident-resolve', '办结 Resolve', () => this.send(i, 'incident.resolved', { outcome: outcome.value }, result)),
      result);
  }

  /** One hotline step as an event of §9.5; the stream shows when the job has applied it. */
  async send(incident, type, data, result) {
    const time = new Date().toISOString();
    const id = `${incident.incidentId}-${type.slice('incident.'.length)}-${Date.now().toString(36)}`;
    try {
      const answer = await request('/events', {
        method: 'POST',
        contentType: 'application/cloudevents-batch+json',
        body: [{ specversion: '1.0', id, source: SOURCE, type, time, data: { incidentId: incident.incidentId, ...data } }],
      });
      result.textContent = answer.rejected?.length
        ? answer.rejected.flatMap((r) => r.errors).join('; ')
        : '已发送，等待确认 Sent, waiting for the job';
    } catch (e) {
      result.textContent = e.message;
    }
  }
}
