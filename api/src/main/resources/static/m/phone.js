// The phone finder (docs/CONTRACT.md §10.1). It calls the public endpoints only and never holds a token: no
// Authorization header, no cookies (credentials: 'omit'), nothing in storage.
const KINDS = {
  INSTITUTION: ['养老机构', 'Care home'],
  CARE_CENTER: ['养老照料中心', 'Care centre'],
  CARE_STATION: ['养老驿站', 'Community station'],
  MEAL_TABLE: ['老年餐桌', 'Meal table'],
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

/** Chinese first, the English beside it, as the rest of the portal. */
function both(zh, en) {
  const span = el('span', {}, zh + ' ');
  span.append(el('span', { lang: 'en', text: en }));
  return span;
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'omit', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.detail || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

function say(zh, en) {
  const state = $('state');
  state.replaceChildren(both(zh, en));
}

let districts = [];

async function loadStreets() {
  try {
    districts = (await getJson('/api/v1/public/streets')).districts;
  } catch (e) {
    say('街道列表暂不可用', 'The list of streets is unavailable');
    return;
  }
  const district = $('district');
  district.replaceChildren(...districts.map((d) => el('option', { value: d.code, text: d.name })));
  const preferred = districts.find((d) => d.code === '110109') || districts[0];
  if (preferred) district.value = preferred.code;
  fillStreets();
}

function fillStreets() {
  const d = districts.find((x) => x.code === $('district').value);
  const streets = d ? d.streets : [];
  $('street').replaceChildren(
    ...streets.map((s) => el('option', { value: s.code, 'data-lat': s.centre.lat, 'data-lon': s.centre.lon, text: s.name })));
}

function streetCentre() {
  const option = $('street').selectedOptions[0];
  return option ? { lat: Number(option.dataset.lat), lon: Number(option.dataset.lon) } : null;
}

async function search(at) {
  if (!at) {
    say('请先选择街道', 'Pick a street first');
    return;
  }
  const params = new URLSearchParams({ lat: at.lat.toFixed(5), lon: at.lon.toFixed(5), radiusKm: '10', limit: '20' });
  if ($('kind').value) params.set('kind', $('kind').value);
  if ($('available').checked) params.set('available', 'true');
  say('正在查找…', 'Searching…');
  try {
    const { facilities } = await getJson('/api/v1/public/facilities/nearby?' + params);
    render(facilities);
    if (facilities.length === 0) say('10 公里内没有找到', 'Nothing found within 10 km');
    else say(`找到 ${facilities.length} 处`, `${facilities.length} found`);
  } catch (e) {
    $('results').replaceChildren();
    if (e.status === 429) say('查询太频繁，请稍后再试', 'Too many searches, try again shortly');
    else say('暂时无法查询，请稍后再试', 'The finder is unavailable, try again shortly');
  }
}

function render(facilities) {
  $('results').replaceChildren(...facilities.map((f) => {
    const [kindZh, kindEn] = KINDS[f.kind] || [f.kind, f.kind];
    const facts = el('p', { class: 'facts' });
    facts.append(el('span', { 'data-field': 'distanceKm', 'data-value': String(f.distanceKm) },
      both(`距离 ${formatDistance(f.distanceKm)}`, 'away')));
    if (f.freeBeds !== undefined && f.freeBeds !== null) {
      facts.append(el('span', { class: f.freeBeds > 0 ? 'free' : '', 'data-field': 'freeBeds', 'data-value': String(f.freeBeds) },
        both(`空床 ${f.freeBeds} 张`, `${f.freeBeds} free beds`)));
    }
    if (f.mealTableOpen) {
      facts.append(el('span', { class: 'free', 'data-field': 'mealTableOpen', 'data-value': 'true' },
        both('餐桌开放', 'Meal table open')));
    }
    const go = el('a', { class: 'go', href: f.directionsUrl, target: '_blank', rel: 'noopener', 'data-testid': 'm-directions' },
      '导航', el('span', { lang: 'en', text: 'Directions' }));
    return el('li', { class: 'facility', 'data-testid': 'm-result', 'data-kind': f.kind },
      el('h2', { 'data-field': 'name', text: f.name }),
      el('p', {}, both(kindZh, kindEn)),
      el('p', { 'data-field': 'place', text: [f.districtName, f.streetName].filter(Boolean).join(' · ') }),
      facts,
      go);
  }));
}

function formatDistance(km) {
  return km < 1 ? `${Math.round(km * 1000)} 米` : `${km.toFixed(1)} 公里`;
}

$('district').addEventListener('change', fillStreets);
$('where').addEventListener('submit', (event) => {
  event.preventDefault();
  search(streetCentre());
});
$('locate').addEventListener('click', () => {
  if (!navigator.geolocation) {
    say('此手机无法定位，请选择街道', 'No location on this phone; pick a street');
    return;
  }
  say('正在定位…', 'Locating…');
  navigator.geolocation.getCurrentPosition(
    (p) => search({ lat: p.coords.latitude, lon: p.coords.longitude }),
    () => say('无法获取位置，请选择街道', 'Location unavailable; pick a street'),
    { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
});
loadStreets();
