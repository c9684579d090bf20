/**
 * 身份复核 (identity review): the queue of recipient pairs the resolution would not decide alone, entitled people
 * first; one case side by side, masked, with the evidence per field; and the reviewer's decision, same person or
 * two people (docs/CONTRACT.md §7.6). Only masks, the birth year and counts are shown; every view and decision is
 * audited by the API. Needs a CIVIL_AFFAIRS or ADMIN token.
 */
import { get, post, query } from './api.js';
import { t, onLangChange } from './i18n.js';
import { el, showError, fmtInt, fmtDec } from './dom.js';

const PAGE_SIZE = 50;
const FIELDS = ['idNumber', 'phone', 'name', 'birthDate', 'gender', 'address', 'location'];

export class Review {
  constructor() {
    this.form = document.getElementById('review-form');
    this.status = document.getElementById('review-status');
    this.summary = document.getElementById('review-summary');
    this.list = document.getElementById('review-list');
    this.more = document.getElementById('review-more');
    this.errorBox = document.getElementById('review-error');
    this.caseBox = document.getElementById('review-case');
    this.sides = document.getElementById('review-sides-body');
    this.reason = document.getElementById('review-reason');
    this.outcome = document.getElementById('review-outcome');
    this.data = null;
    this.current = null;
    this.page = 0;

    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.load(0);
    });
    this.status.addEventListener('change', () => this.load(0));
    this.more.addEventListener('click', () => this.load(this.page + 1));
    document.getElementById('review-confirm').addEventListener('click', () => this.decide('CONFIRM'));
    document.getElementById('review-split').addEventListener('click', () => this.decide('SPLIT'));
    onLangChange(() => this.render());
  }

  show() {
    this.load(0);
  }

  hide() {}

  async load(page) {
    try {
      const list = await get(`/identity-reviews${query({ status: this.status.value, page, size: PAGE_SIZE })}`);
      this.data = page === 0 || !this.data ? list : { ...list, items: [...this.data.items, ...list.items] };
      this.page = page;
      showError(this.errorBox, null);
    } catch (e) {
      this.data = null;
      showError(this.errorBox, e);
    }
    this.render();
  }

  async open(caseId) {
    try {
      this.current = await get(`/identity-reviews/${encodeURIComponent(caseId)}`);
      this.outcome.textContent = '';
      showError(this.errorBox, null);
    } catch (e) {
      this.current = null;
      showError(this.errorBox, e);
    }
    this.renderCase();
  }

  async decide(decision) {
    if (!this.current) return;
    const reason = this.reason.value.trim();
    if (!reason) {
      this.outcome.textContent = t('review.needReason');
      this.reason.focus();
      return;
    }
    try {
      await post(`/identity-reviews/${encodeURIComponent(this.current.caseId)}/decision`, { decision, reason });
      this.outcome.textContent = t('review.sent', { decision: t(decision === 'CONFIRM' ? 'review.confirm' : 'review.split') });
      this.reason.value = '';
      showError(this.errorBox, null);
    } catch (e) {
      showError(this.errorBox, e);
    }
  }

  render() {
    const d = this.data;
    if (!d) {
      this.summary.textContent = '';
      this.list.replaceChildren();
      this.more.hidden = true;
    } else {
      this.summary.textContent = t('review.summary', { n: fmtInt(d.total) });
      this.list.replaceChildren(...(d.items.length
        ? d.items.map((c) => this.item(c))
        : [el('li', { class: 'empty' }, t('review.none'))]));
      this.more.hidden = d.items.length >= d.total;
    }
    this.renderCase();
  }

  item(c) {
    return el('li', { class: 'review-item', dataset: { testid: 'review-item', caseId: c.caseId, entitled: String(c.entitled) } },
      c.entitled ? el('strong', { class: 'label', dataset: { field: 'entitled' } }, t('review.entitled')) : null,
      el('span', { dataset: { field: 'names' } }, `${c.left?.nameMasked || '—'} ⇄ ${c.right?.nameMasked || '—'}`),
      el('span', { dataset: { field: 'reason' } }, t(`review.reason.${c.reason}`)),
      el('span', { dataset: { field: 'probability' } }, t('review.probability', { pct: `${fmtDec((c.probability ?? 0) * 100, 0)}%` })),
      el('button', { type: 'button', dataset: { testid: 'review-open' }, onclick: () => this.open(c.caseId) }, t('review.open')));
  }

  /** Two masked columns, one row per field, with what the comparison made of it. */
  renderCase() {
    const c = this.current;
    this.caseBox.hidden = !c;
    if (!c) {
      this.sides.replaceChildren();
      return;
    }
    const evidence = Object.fromEntries((c.evidence || []).map((e) => [e.field, e]));
    const value = (side, field) => ({
      name: side.nameMasked,
      idNumber: side.idNumberMasked,
      phone: side.phoneMasked,
      birthDate: side.birthYear,
      gender: side.gender,
      address: side.streetCode,
      location: null,
    })[field];
    const rows = ['name', ...FIELDS.filter((f) => f !== 'name')].map((field) => {
      const e = evidence[field];
      return el('tr', { dataset: { testid: 'review-field', field } },
        el('th', { scope: 'row' }, t(`review.field.${field}`)),
        el('td', { dataset: { side: 'left' } }, value(c.left || {}, field) ?? '—'),
        el('td', { dataset: { side: 'right' } }, value(c.right || {}, field) ?? '—'),
        el('td', { class: e ? `outcome-${e.outcome.toLowerCase()}` : '', dataset: { field: 'evidence' } },
          e ? `${t(`review.outcome.${e.outcome}`)} (${e.weight > 0 ? '+' : ''}${fmtDec(e.weight, 1)})` : '—'));
    });
    rows.push(el('tr', { dataset: { testid: 'review-field', field: 'services' } },
      el('th', { scope: 'row' }, t('review.field.services')),
      el('td', {}, fmtInt(c.left?.servicesCount)),
      el('td', {}, fmtInt(c.right?.servicesCount)),
      el('td', {}, '')));
    this.sides.replaceChildren(...rows);
  }
}
