/**
 * 通话记录 Call log (docs/CONTRACT.md §10.2): the hotline's newest calls from GET /calls, each with the orders
 * opened on it. Shows when the call came, the caller as the call names them (the recipientId pseudonym: the log holds
 * no name, ID number or phone), the reason, and each order's request type and state, Chinese first with English
 * beside. Read again every 30 s while the hotline view is shown, and a few times after the console takes a call
 * (the job indexes it a moment after the intake accepts it).
 */
import { get } from './api.js';
import { el, showError, fmtTime } from './dom.js';

const SHOWN = 20;
const EVERY_MS = 30_000;
/** After the console takes a call: the job writes the calls index within seconds. */
const AFTER_TAKING_MS = [1_000, 3_000, 8_000];

const REASONS = {
  REQUEST: ['服务申请', 'Request'],
  INQUIRY: ['咨询', 'Inquiry'],
  COMPLAINT: ['投诉', 'Complaint'],
  EMERGENCY: ['紧急求助', 'Emergency'],
  OTHER: ['其他', 'Other'],
};
export const REQUEST_TYPES = {
  MEAL: ['助餐', 'Meal'],
  BATHING: ['助浴', 'Bathing'],
  CLEANING: ['助洁', 'Cleaning'],
  MEDICAL_ESCORT: ['陪同就医', 'Medical escort'],
  HEALTH_CHECK: ['健康检查', 'Health check'],
  REHAB: ['康复', 'Rehabilitation'],
  COMPANIONSHIP: ['陪伴', 'Companionship'],
  DAY_CARE: ['日间照料', 'Day care'],
  OTHER: ['其他', 'Other'],
};
const ORDER_STATES = {
  OPEN: ['待派单', 'Open'],
  DISPATCHED: ['已派单', 'Dispatched'],
  CLOSED: ['已办结', 'Closed'],
};

const both = (pair, code) => (pair ? `${pair[0]} ${pair[1]}` : code);

export class CallLog {
  constructor(root) {
    this.root = root;
    this.body = root.querySelector('[data-testid="call-log-body"]');
    this.count = root.querySelector('[data-testid="call-log-count"]');
    this.errorBox = root.querySelector('[data-testid="call-log-error"]');
    this.timer = null;
    this.soon = [];
    this.calls = null;
    this.seq = 0;
  }

  /** Reads the log now and every 30 s until {@link stop}. */
  start() {
    this.stop();
    this.load();
    this.timer = setInterval(() => this.load(), EVERY_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
    this.soon.forEach(clearTimeout);
    this.soon = [];
  }

  /** The console took a call: read the log again as the job indexes it. */
  taken() {
    this.soon.forEach(clearTimeout);
    this.soon = AFTER_TAKING_MS.map((ms) => setTimeout(() => this.load(), ms));
  }

  async load() {
    // Reads may overlap (the interval and the reads after taking a call): only the latest one is shown.
    const seq = ++this.seq;
    try {
      const page = await get(`/calls?size=${SHOWN}`);
      if (seq !== this.seq) return;
      this.calls = page?.items || [];
      showError(this.errorBox, null);
    } catch (e) {
      if (seq === this.seq) showError(this.errorBox, e);
      return;
    }
    this.render();
  }

  render() {
    if (this.calls === null) return;
    this.count.textContent = `${this.calls.length} 通 calls`;
    this.body.replaceChildren(...(this.calls.length
      ? this.calls.map((c) => this.row(c))
      : [el('tr', { class: 'empty' }, el('td', { colspan: 5 }, '暂无来电 No calls yet'))]));
  }

  row(c) {
    const orders = c.workOrders || [];
    return el('tr', { dataset: { testid: 'call-row', callId: c.callId } },
      el('td', { dataset: { field: 'receivedAt', value: c.receivedAt } },
        el('time', { datetime: c.receivedAt }, fmtTime(c.receivedAt))),
      // The pseudonym the call carries, as the API gives it; who it is takes a recipient lookup (audited).
      el('td', { dataset: { field: 'caller', value: c.recipientId || '' } },
        c.recipientId || '未识别 Not identified'),
      el('td', { dataset: { field: 'reason', value: c.reason } }, both(REASONS[c.reason], c.reason)),
      el('td', { dataset: { field: 'requestType' } },
        orders.length ? orders.map((o) => el('span', { class: 'order', dataset: { value: o.requestType } },
          both(REQUEST_TYPES[o.requestType], o.requestType))) : '—'),
      el('td', { dataset: { field: 'orderState' } },
        orders.length ? orders.map((o) => el('span', { class: `order order-${(o.state || '').toLowerCase()}`,
          dataset: { value: o.state, workOrderId: o.workOrderId } }, both(ORDER_STATES[o.state], o.state)))
          : '无工单 No order'));
  }
}
