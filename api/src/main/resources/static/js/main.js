/**
 * Entry point of the portal (一网一线一手机): token box, language toggle, tabs and the live
 * feed. Each view is created once and told when it is shown or the token changed.
 */
import { token, setToken } from './api.js';
import { applyStatic, toggleLang } from './i18n.js';
import { connectLive } from './live.js';
import { startStatus } from './status.js';
import { Dashboard } from './dashboard.js';
import { Finder } from './finder.js';
import { Hotline } from './hotline.js';
import { People } from './people.js';
import { Review } from './review.js';

const views = { dashboard: new Dashboard(), finder: new Finder(), hotline: new Hotline(), people: new People(), review: new Review() };
let current = null;

function showView(name) {
  const next = views[name] ? name : 'dashboard';
  document.querySelectorAll('[role="tab"]').forEach((tab) => {
    const on = tab.dataset.view === next;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  });
  Object.keys(views).forEach((v) => {
    document.getElementById(`view-${v}`).hidden = v !== next;
  });
  if (current && current !== next) views[current].hide();
  current = next;
  views[next].show();
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => {
      location.hash = tab.dataset.view;
    });
    tab.addEventListener('keydown', (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const target = tabs[(i + step + tabs.length) % tabs.length];
      target.focus();
      location.hash = target.dataset.view;
    });
  });
  window.addEventListener('hashchange', () => showView(location.hash.slice(1)));
}

function setupToken() {
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  const select = document.getElementById('token-select');
  input.value = token();
  select.value = [...select.options].some((o) => o.value === input.value) ? input.value : '';
  select.addEventListener('change', () => {
    if (!select.value) return;
    input.value = select.value;
    form.requestSubmit();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    setToken(input.value);
    connectLive();
    // Every view reloads with the new token; hidden ones reload when shown.
    Object.values(views).forEach((v) => {
      v.regions = null;
    });
    views[current].show();
  });
}

applyStatic(document);
document.getElementById('lang-toggle').addEventListener('click', toggleLang);
setupToken();
setupTabs();
connectLive();
startStatus();
showView(location.hash.slice(1));
