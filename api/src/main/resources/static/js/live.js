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

/**
 * fn(state) with state one of 'connecting' (no bytes yet, or the browser is reconnecting), 'open' (the
 * server committed the stream), 'unavailable' (the stream is open but the server cannot read the
 * indicators; it says so and recovers by itself) and 'error' (the stream was refused or closed for good).
 */
export function onLiveState(fn) {
  stateListeners.add(fn);
}

let current = null;

function setState(state) {
  current = state;
  stateListeners.forEach((fn) => fn(state));
}

function dispatch(event) {
  let indicator;
  try {
    indicator = JSON.parse(event.data);
  } catch {
    return; // a heartbeat or comment, not an indicator
  }
  if (indicator && indicator.code) {
    if (current !== 'open') setState('open');
    listeners.forEach((fn) => fn(indicator));
  }
}

/** (Re)connects, e.g. after the token changed. */
export function connectLive() {
  if (source) source.close();
  if (typeof EventSource === 'undefined') return;
  setState('connecting');
  source = new EventSource(streamUrl('/indicators/stream'));
  source.addEventListener('indicator', dispatch);
  source.onmessage = dispatch; // servers that send unnamed events
  // The server's own word that it cannot read the indicators right now (docs/CONTRACT.md §6.1).
  source.addEventListener('unavailable', () => setState('unavailable'));
  source.onopen = () => setState('open');
  source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'error' : 'connecting');
}
