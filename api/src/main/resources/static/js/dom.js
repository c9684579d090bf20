/** Small DOM and formatting helpers shared by the views. */
import { lang, t } from './i18n.js';

/** el('li', {class: 'x', dataset: {testid: 'y'}}, child, 'text') */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => {
    if (c === undefined || c === null || c === false) return;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return node;
}

export function showError(node, error) {
  if (!error) {
    node.hidden = true;
    node.textContent = '';
    return;
  }
  node.hidden = false;
  node.textContent = error.detail || error.message || String(error);
}

const locale = () => (lang() === 'en' ? 'en-GB' : 'zh-CN');

export function fmtInt(n) {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(locale()).format(Math.round(n));
}

export function fmtDec(n, digits = 1) {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** occupancyRate is a fraction (0–1); a value above 1 is taken as already a percentage. */
export function ratePercent(rate) {
  if (rate === null || rate === undefined) return null;
  return rate > 1 ? rate : rate * 100;
}

export function fmtPercent(rate) {
  const p = ratePercent(rate);
  return p === null ? '—' : `${fmtDec(p, 1)}%`;
}

export function fmtTime(iso, withDate = true) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts = withDate
    ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }
    : { hour: '2-digit', minute: '2-digit', second: '2-digit' };
  return new Intl.DateTimeFormat(locale(), { ...opts, timeZone: 'Asia/Shanghai', hour12: false }).format(d);
}

/** The day of an instant in Asia/Shanghai, for a time the server keeps only to the day. */
export function fmtDay(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Shanghai' }).format(d);
}

/** HH:mm in Asia/Shanghai, for chart axes. */
export function fmtClock(time) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai', hour12: false }).format(new Date(time));
}

export function comparatorSymbol(c) {
  return { '>=': '≥', '<=': '≤', '=': '=' }[c] ?? c;
}

export const kindLabel = (kind) => t(`kind.${kind}`);
export const statusLabel = (status) => t(`fstatus.${status}`);
