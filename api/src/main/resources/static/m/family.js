// The family view (docs/CONTRACT.md §10.4). The access code is the relative's only credential: it is typed in, kept
// in sessionStorage at most (gone with the tab; 退出 clears it), never put in a URL, localStorage or a cookie, and sent
// only in the body of POST /api/v1/family/view.
const KEY = 'eldercare.family.code';
const RULES = {
  SOS: ['紧急呼叫', 'SOS'],
  DEVICE_SILENT: ['设备未上报', 'Device silent'],
  LOW_WATER: ['用水过少', 'Low water use'],
  MISSED_VISIT: ['未按期探访', 'Missed visit'],
};
const STATES = {
  OPEN: ['待受理', 'Open'],
  ACKNOWLEDGED: ['已受理', 'Acknowledged'],
  DISPATCHED: ['已派单', 'Dispatched'],
  RESOLVED: ['已办结', 'Resolved'],
};
const OUTCOMES = {
  ASSISTED: ['已处置', 'Assisted'],
  HOSPITALISED: ['送医', 'Taken to hospital'],
  FALSE_ALARM: ['误报', 'False alarm'],
  NO_ACTION_NEEDED: ['无需处置', 'No action needed'],
  DEVICE_FIXED: ['设备已修复', 'Device fixed'],
};
const DEVICES = {
  SOS_BUTTON: ['一键呼叫器', 'SOS button'],
  SMART_WATCH: ['智能手表', 'Smart watch'],
  WATER_METER: ['智能水表', 'Water meter'],
  DOOR_SENSOR: ['门磁', 'Door sensor'],
};
const CONFIRMATIONS = {
  CARD_SWIPE: ['门口刷卡', 'Card swipe'],
  PHONE_LOCATION: ['手机定位签到', 'Phone check-in'],
  SIGNATURE: ['签字确认', 'Signature'],
  FACE: ['人脸识别', 'Face check'],
};
// A device's status (docs/CONTRACT.md §9.9, §10.4): from the devices index, an SOS being handled first.
const DEVICE_STATUS = {
  SOS: ['呼叫处理中', 'SOS being handled'],
  SILENT: ['未上报', 'Silent'],
  ONLINE: ['在线', 'Online'],
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

/** Chinese first, the English beside it. */
function both(zh, en) {
  const span = el('span', {}, zh + ' ');
  span.append(el('span', { lang: 'en', text: en }));
  return span;
}

function named(table, value) {
  const [zh, en] = table[value] || [value, value];
  return both(zh, en);
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

function when(text) {
  return text ? TIME.format(new Date(text)) : '';
}

function say(zh, en, detail) {
  const state = $('state');
  state.replaceChildren(both(zh, en));
  if (detail) state.append(el('br'), el('span', { lang: 'en', 'data-testid': 'f-detail', text: detail }));
}

async function open(code) {
  say('正在查询…', 'Loading…');
  let response;
  try {
    response = await fetch('/api/v1/family/view', {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ code }),
    });
  } catch (e) {
    say('网络不可用，请稍后再试', 'Network unavailable, try again later');
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) {
    sessionStorage.removeItem(KEY);
    $('view').hidden = true;
    say('查询码无效、已撤销或已过期', 'The code is wrong, revoked or expired', body.detail);
    return;
  }
  if (response.status === 429) {
    say('尝试过于频繁，请稍后再试', 'Too many tries, wait a moment', body.detail);
    return;
  }
  if (!response.ok) {
    say('服务暂不可用，请稍后再试', 'Unavailable, try again shortly', body.detail);
    return;
  }
  sessionStorage.setItem(KEY, code);
  $('code').value = '';
  show(body);
}

function show(view) {
  const person = view.person || {};
  $('person-name').textContent = person.nameMasked || '';
  $('person-facts').replaceChildren(
    both(`${person.birthYear || '—'} 年出生`, `born ${person.birthYear || '—'}`),
    el('br'),
    both(`${person.districtName || ''} ${person.streetName || ''}`, 'District, street'),
  );
  $('incidents').replaceChildren(...(view.incidents.length ? view.incidents.map(incident)
    : [el('li', { class: 'facility' }, both('暂无事件', 'No incidents'))]));
  $('devices').replaceChildren(...(view.devices.length ? view.devices.map(device)
    : [el('li', { class: 'facility' }, both('暂无设备', 'No device bound'))]));
  const visits = view.visits || [];
  $('visits').replaceChildren(...(visits.length ? visits.map(visit)
    : [el('li', { class: 'facility' }, both('暂无探访记录', 'No visits recorded'))]));
  $('view').hidden = false;
  say('查询码有效期至 ' + when(view.codeExpiresAt), 'The code is valid until then');
}

function visit(v) {
  const item = el('li', { class: 'facility', 'data-testid': 'f-visit' });
  item.append(
    el('h2', {}, both('探访 ' + when(v.visitedAt), 'visited')),
    el('p', { 'data-field': 'confirmation', 'data-value': v.confirmation }, named(CONFIRMATIONS, v.confirmation)),
  );
  if (v.durationMinutes) item.append(el('p', {}, both(`${v.durationMinutes} 分钟`, `${v.durationMinutes} min`)));
  if (v.facilityName) item.append(el('p', {}, both(v.facilityName, 'from the station')));
  return item;
}

function incident(i) {
  const item = el('li', { class: 'facility', 'data-testid': 'f-incident' });
  item.append(
    el('h2', {}, named(RULES, i.rule)),
    el('p', { 'data-field': 'state', 'data-value': i.state }, named(STATES, i.state)),
    el('p', {}, both('发生 ' + when(i.openedAt), 'opened')),
  );
  if (i.deviceKind) item.append(el('p', {}, named(DEVICES, i.deviceKind)));
  if (i.resolvedAt) item.append(el('p', {}, both('办结 ' + when(i.resolvedAt), 'resolved')));
  if (i.outcome) item.append(el('p', {}, named(OUTCOMES, i.outcome)));
  return item;
}

function device(d) {
  return el('li', { class: 'facility', 'data-testid': 'f-device' },
    el('h2', {}, named(DEVICES, d.deviceKind)),
    el('p', { 'data-field': 'status', 'data-value': d.status }, named(DEVICE_STATUS, d.status)),
    el('p', {}, both('自 ' + when(d.since), 'since')));
}

$('open').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = $('code').value.trim();
  if (!code) {
    say('请输入查询码', 'Enter the access code');
    return;
  }
  open(code);
});

$('signout').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  $('view').hidden = true;
  $('incidents').replaceChildren();
  $('devices').replaceChildren();
  say('已退出', 'Signed out');
});

const kept = sessionStorage.getItem(KEY);
if (kept) open(kept);
