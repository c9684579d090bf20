/**
 * The portal's only door to the API (/api/v1). Sends the bearer token, parses JSON, and turns
 * errors into ApiError carrying the problem+json `detail` so views can show it as is.
 */
import { t } from './i18n.js';

export const API_BASE = '/api/v1';
const TOKEN_KEY = 'eldercare.token';
export const DEMO_TOKENS = ['demo-planner', 'demo-hotline', 'demo-admin', 'demo-operator-1'];

export function token() {
  return localStorage.getItem(TOKEN_KEY) || 'demo-planner';
}

export function setToken(value) {
  localStorage.setItem(TOKEN_KEY, value.trim());
}

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || t('error.generic', { status }));
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** Builds a query string, leaving out empty parameters. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  });
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function request(path, { method = 'GET', body, signal, contentType = 'application/json' } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token()}` };
  if (body !== undefined) headers['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, t('error.network'));
  }
  if (!response.ok) throw await problem(response);
  if (response.status === 204) return null;
  return response.json();
}

async function problem(response) {
  let title = null;
  let detail = null;
  try {
    const body = await response.json();
    title = body.title ?? null;
    detail = body.detail ?? null;
  } catch {
    // not JSON: fall through to the generic message
  }
  if (!detail && response.status === 401) detail = t('error.401');
  return new ApiError(response.status, title, detail || title || t('error.generic', { status: response.status }));
}

export const get = (path, opts) => request(path, opts);
export const post = (path, body, opts) => request(path, { ...opts, method: 'POST', body });

/** The SSE URL: EventSource cannot send headers, so the token travels as access_token. */
export function streamUrl(path) {
  return `${API_BASE}${path}${query({ access_token: token() })}`;
}
