// The REST API with the signed-in token; a 401 signs out.
const TOKEN = 'grid.token';
const signedOut = [];

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.field = this.body.field;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function keepToken(value) {
  sessionStorage.setItem(TOKEN, value);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  signedOut.forEach(fn => fn());
}

export function onSignedOut(fn) {
  signedOut.push(fn);
}

/** Calls the API; resolves to the parsed JSON (null for 204), rejects with a Problem. */
export async function api(path, { method = 'GET', body, anonymous = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (!anonymous && token()) {
    headers.Authorization = `Bearer ${token()}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401 && !anonymous) {
      signOut();
    }
    throw new Problem(response.status, json);
  }
  return json;
}

/** Signs in with the demo login; keeps the token. */
export async function login(user, password) {
  const answer = await api('/api/v1/auth/login', { method: 'POST', body: { user, password }, anonymous: true });
  keepToken(answer.token);
  return answer;
}
