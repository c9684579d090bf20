/** The status bar: ingest counters and pipeline lag from GET /status, every few seconds. */
import { get } from './api.js';
import { t } from './i18n.js';
import { fmtInt } from './dom.js';

const EVERY_MS = 5_000;

export function startStatus() {
  const bar = document.getElementById('status-bar');
  const components = document.getElementById('status-components');
  const error = document.getElementById('status-error');
  const set = (field, value) => {
    const node = bar.querySelector(`[data-field="${field}"]`);
    node.textContent = fmtInt(value);
    node.dataset.value = value ?? '';
  };
  async function refresh() {
    try {
      const s = await get('/status');
      set('accepted', s.ingest?.accepted);
      set('rejected', s.ingest?.rejected);
      set('duplicates', s.ingest?.duplicates);
      set('pendingEvents', s.pipeline?.pendingEvents);
      bar.querySelector('[data-field="pendingEvents"]').classList.toggle('lagging', (s.pipeline?.pendingEvents ?? 0) > 0);
      components.replaceChildren(...Object.entries(s.components || {}).map(([name, state]) => {
        const text = typeof state === 'object' && state !== null ? state.status ?? state.state ?? JSON.stringify(state) : String(state);
        const span = document.createElement('span');
        span.className = `component ${/^(UP|OK|RUNNING|HEALTHY|GREEN)$/i.test(text) ? 'up' : 'down'}`;
        span.dataset.component = name;
        span.textContent = `${name}: ${text}`;
        return span;
      }));
      error.textContent = '';
    } catch (e) {
      error.textContent = t('status.unavailable', { detail: e.detail || e.message });
    }
  }
  refresh();
  return setInterval(refresh, EVERY_MS);
}
