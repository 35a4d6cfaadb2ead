// The designer changes nothing behind the API's back: every read or change it makes on the hub goes through
// /api/v1 from the browser, with the session cookie and the X-Requested-With header the API demands of cookie
// callers. Roles, department ownership, grants, body limits and the audit trail are therefore enforced by the
// same code for a department clicking in the designer as for a script calling the API.

const jsonType = 'application/json';

function problemOf(status, body, text) {
  if (body && typeof body === 'object' && (body.title || body.detail)) {
    return { title: body.title ?? '', detail: body.detail ?? '', errors: body.errors ?? null, status };
  }
  return { title: `HTTP ${status}`, detail: text ? text.slice(0, 500) : '', errors: null, status };
}

async function read(response) {
  const text = await response.text();
  let body = null;
  if (text && (response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return {
    status: response.status,
    ok: response.ok,
    body,
    problem: response.ok ? null : problemOf(response.status, body, text),
  };
}

function networkFailure(error) {
  return { status: 0, ok: false, body: null, problem: { title: 'Network error', detail: String(error?.message ?? error), errors: null, status: 0 } };
}

// method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: '/api/v1/...'; body: any JSON value (undefined for none).
// Resolves to { status, ok, body, problem } and never rejects: a failed call is data the page shows.
export async function api(method, path, body) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: `${jsonType}, application/problem+json` };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined && body !== null) {
    headers['Content-Type'] = jsonType;
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  try {
    return await read(await fetch(path, init));
  } catch (error) {
    return networkFailure(error);
  }
}

// Sends raw bytes (a plugin package) with their content type.
export async function apiUpload(path, bytes, contentType) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: `${jsonType}, application/problem+json`, 'Content-Type': contentType };
  try {
    return await read(await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: bytes }));
  } catch (error) {
    return networkFailure(error);
  }
}

// Sends the file an <input type=file> holds, read in the browser (it never passes through the circuit).
export async function apiUploadInput(path, input, contentType) {
  const file = input?.files?.[0];
  if (!file) {
    return { status: 0, ok: false, body: null, problem: { title: 'No file', detail: 'Choose a file first.', errors: null, status: 0 } };
  }
  return apiUpload(path, await file.arrayBuffer(), contentType ?? (file.type || 'application/octet-stream'));
}
