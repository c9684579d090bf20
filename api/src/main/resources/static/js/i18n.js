/**
 * Language choice (zh-CN first, English second), kept in localStorage. `t(key, params)` looks a
 * key up in the current dictionary, falls back to Chinese, then to the key itself.
 */
import zh from './i18n/zh-CN.js';
import en from './i18n/en.js';

const DICTIONARIES = { 'zh-CN': zh, en };
const STORAGE_KEY = 'eldercare.lang';
const listeners = new Set();

let current = DICTIONARIES[localStorage.getItem(STORAGE_KEY)] ? localStorage.getItem(STORAGE_KEY) : 'zh-CN';

export function lang() {
  return current;
}

export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** The English text of a key, to stand beside the Chinese in the zh-CN view. */
export function tEn(key, params = {}) {
  const text = en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** A district's display name: the data's Chinese name, or the English one when English is on. */
export function districtName(code, chineseName) {
  return current === 'en' && en[`district.${code}`] ? en[`district.${code}`] : chineseName;
}

export function setLang(next) {
  current = DICTIONARIES[next] ? next : 'zh-CN';
  localStorage.setItem(STORAGE_KEY, current);
  applyStatic(document);
  listeners.forEach((fn) => fn(current));
}

export function toggleLang() {
  setLang(current === 'en' ? 'zh-CN' : 'en');
}

export function onLangChange(fn) {
  listeners.add(fn);
}

/** Translates the static markup: data-i18n (text), data-i18n-placeholder, data-i18n-aria-label. */
export function applyStatic(root) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  });
  document.title = `${t('app.title')} · ${t('app.subtitle')}`;
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.textContent = current === 'en' ? '中文' : 'English';
    toggle.lang = current === 'en' ? 'zh-CN' : 'en';
  }
}
