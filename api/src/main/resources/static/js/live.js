/**
 * The live indicator feed: one EventSource on /indicators/stream (token as access_token, since
 * EventSource cannot send headers). Each event's data is one indicator object.
 */
import { streamUrl } from './api.js';

const listeners = new Set();
const stateListeners = new Set();
let source = null;

export function onIndicator(fn) {
  listeners.add(fn);
}

/** fn(state) with state one of 'connecting', 'open', 'error'. */
export function onLiveState(fn) {
  stateListeners.add(fn);
}

function setState(state) {
  stateListeners.forEach((fn) => fn(state));
}

function dispatch(event) {
  let indicator;
  try {
    indicator = JSON.parse(event.data);
  } catch {
    return; // a heartbeat or comment, not an indicator
  }
  if (indicator && indicator.code) listeners.forEach((fn) => fn(indicator));
}

/** (Re)connects, e.g. after the token changed. */
export function connectLive() {
  if (source) source.close();
  if (typeof EventSource === 'undefined') return;
  setState('connecting');
  source = new EventSource(streamUrl('/indicators/stream'));
  source.addEventListener('indicator', dispatch);
  source.onmessage = dispatch; // servers that send unnamed events
  source.onopen = () => setState('open');
  source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'error' : 'connecting');
}
