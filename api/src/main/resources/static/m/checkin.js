// The caregiver's check-in (docs/CONTRACT.md §10.5): one visit.completed (§9.3) with the phone's location, through
// the platform's own intake, so every rule and error of the intake applies. The token and operator id are typed in,
// kept in sessionStorage only (退出 clears them) and the token is sent only as Authorization: Bearer.
const SESSION = 'eldercare.checkin.session';
const FIELDS = {
  'data.facilityId': '服务站点编号',
  'data.caregiverId': '护理员编号',
  'data.personId': '老人编号',
  'data.visitId': '探访编号',
  'data.visitedAt': '探访时间',
  'data.durationMinutes': '服务时长',
  'data.location': '位置',
  'data.location.lat': '纬度',
  'data.location.lon': '经度',
  'data.confirmation': '确认方式',
  source: '服务商',
  time: '时间',
  type: '事件类型',
};
const STATUS = {
  400: ['请求无效', 'Bad request'],
  401: ['令牌无效', 'Token not valid'],
  403: ['无权提交', 'Not allowed'],
  413: ['请求过大', 'Too large'],
  429: ['请稍后再试', 'Try again later'],
  503: ['服务暂不可用', 'Unavailable'],
};
const LOCATION_TIMEOUT_MS = 20000;

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

function both(zh, en) {
  const span = el('span', {}, zh + ' ');
  span.append(el('span', { lang: 'en', text: en }));
  return span;
}

function say(cls, zh, en, ...lines) {
  const state = $('state');
  state.className = 'state ' + cls;
  state.replaceChildren(el('p', { 'data-testid': 'c-outcome' }, both(zh, en)),
    ...lines.map((line) => el('p', { 'data-testid': 'c-error' }, line)));
}

/** An intake error with its field's Chinese label first: 老人编号 personId — data.personId: must be … */
function explained(error) {
  const field = error.split(':')[0];
  const label = FIELDS[field];
  const span = el('span', {});
  if (label) span.append(label + ' ', el('span', { lang: 'en', text: field.replace(/^data\./, '') + ' — ' }));
  span.append(el('span', { lang: 'en', text: error }));
  return span;
}

function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  } catch (e) {
    return null;
  }
}

function showForms() {
  const s = session();
  $('session').hidden = !!s;
  $('visit').hidden = !s;
}

/**
 * v + the time in milliseconds in base 36 + 6 random base-36 characters: unique per operator without asking the
 * server, and no long run of digits on the screen (which would look like a phone or ID number).
 */
function visitId(now) {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('');
  return `v${now.getTime().toString(36)}${random}`;
}

/** RFC 3339 with the +08:00 offset, as the platform's own times. */
function shanghai(date) {
  const local = new Date(date.getTime() + 8 * 3600 * 1000);
  return local.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

function locate() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error('no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(resolve, reject,
      { enableHighAccuracy: true, timeout: LOCATION_TIMEOUT_MS, maximumAge: 0 });
  });
}

async function checkIn() {
  const s = session();
  if (!s) {
    showForms();
    return;
  }
  say('', '正在定位…', 'Locating…');
  let position;
  try {
    position = await locate();
  } catch (e) {
    say('error', '无法获取位置，未签到；请改用刷卡或签字', 'Location unavailable, nothing sent; use the card or a signature');
    return;
  }
  const now = new Date();
  const duration = Number($('duration').value);
  const id = visitId(now);
  const event = {
    specversion: '1.0',
    id: `visit-${id}`,
    source: `/operators/${s.operatorId}`,
    type: 'visit.completed',
    time: shanghai(now),
    datacontenttype: 'application/json',
    data: {
      visitId: id,
      facilityId: $('facility').value.trim(),
      caregiverId: $('caregiver').value.trim(),
      personId: $('person').value.trim(),
      visitedAt: shanghai(new Date(now.getTime() - (Number.isFinite(duration) ? duration : 0) * 60000)),
      durationMinutes: duration,
      location: {
        lat: Math.round(position.coords.latitude * 1e6) / 1e6,
        lon: Math.round(position.coords.longitude * 1e6) / 1e6,
      },
      confirmation: 'PHONE_LOCATION',
    },
  };
  say('', '正在提交…', 'Sending…');
  let response;
  try {
    response = await fetch('/api/v1/events', {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: {
        Authorization: `Bearer ${s.token}`,
        'Content-Type': 'application/cloudevents+json',
        Accept: 'application/json',
      },
      body: JSON.stringify(event),
    });
  } catch (e) {
    say('error', '网络不可用，未签到', 'Network unavailable, not checked in');
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 202) {
    const rejected = (body.rejected || []).flatMap((r) => r.errors || []);
    if (body.accepted === 1 || body.duplicates === 1) {
      const at = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })
        .format(now);
      say('done', `已签到 ${at}`, 'Checked in', el('span', { 'data-testid': 'c-visit-id', text: id }));
    } else {
      say('error', '签到被拒', 'Check-in rejected', ...rejected.map(explained));
    }
    return;
  }
  const [zh, en] = STATUS[response.status] || ['签到失败', 'Check-in failed'];
  say('error', `${zh}（${response.status}）`, en, ...(body.detail ? [explained(body.detail)] : []));
  if (response.status === 401) {
    sessionStorage.removeItem(SESSION);
    showForms();
  }
}

$('session').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  const operatorId = $('operator').value.trim();
  if (!token || !operatorId) return;
  sessionStorage.setItem(SESSION, JSON.stringify({ token, operatorId }));
  $('token').value = '';
  showForms();
  say('', '已开始本次签到会话', 'Session started');
});

$('visit').addEventListener('submit', (event) => {
  event.preventDefault();
  checkIn();
});

$('signout').addEventListener('click', () => {
  sessionStorage.removeItem(SESSION);
  showForms();
  say('', '已退出', 'Signed out');
});

showForms();
