import { h } from '../dom.js';

// Small DOM helpers shared by the ops pages (Plugins, Audit). The pages build their DOM here rather than in Razor so
// they work on a server-rendered page without a Blazor circuit, and talk to the hub only through /api/v1.

export function pageLanguage() {
  return document.documentElement.lang || 'zh-Hans';
}

// The strings a page hands over in data-strings (its resx tables in the page's language).
export function readStrings(root) {
  try {
    return JSON.parse(root.dataset.strings ?? '{}');
  } catch {
    return {};
  }
}

export function text(strings, key) {
  return strings[key] ?? key;
}

// The resource key of a plain sentence for a failed call; the API's own words (English, technical) go under it.
export function problemKey(status) {
  if (status === 0) return 'ProblemNetwork';
  if (status >= 500) return 'ProblemServer';
  return { 400: 'ProblemBadRequest', 401: 'ProblemSignedOut', 403: 'ProblemForbidden', 404: 'ProblemNotFound',
    409: 'ProblemConflict', 413: 'UploadTooLarge', 429: 'ProblemTooMany' }[status] ?? 'ProblemOther';
}

export function problemNote(strings, result, key, testid) {
  const said = result.problem ? (result.problem.detail || result.problem.title) : '';
  return h('div', { class: 'lh-problem', role: 'alert', testid },
    h('div', { class: 'lh-problem-lead' }, text(strings, key ?? problemKey(result.status))),
    said ? h('div', { class: 'lh-problem-said' }, h('span', { class: 'lh-problem-label' }, text(strings, 'ProblemDetailLabel')), ' ', said) : null);
}

// An in-page confirmation. Resolves true on Confirm, false on Cancel, Esc or a click beside the dialog. Focus starts
// on Cancel so an Enter pressed by habit changes nothing, and returns to where it was.
export function confirmDialog({ title, body, confirmLabel, cancelLabel, danger }) {
  return new Promise((resolve) => {
    const before = document.activeElement;
    let backdrop;
    const close = (answer) => {
      backdrop.remove();
      if (before instanceof HTMLElement && before.isConnected) {
        before.focus();
      }
      resolve(answer);
    };
    const cancel = h('button', { type: 'button', class: 'button-quiet', testid: 'confirm-cancel', onclick: () => close(false) }, cancelLabel);
    const ok = h('button', { type: 'button', class: danger ? 'lh-button-danger' : 'button-primary', testid: 'confirm-ok', onclick: () => close(true) }, confirmLabel);
    const dialog = h('div', { class: 'lh-dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'lh-confirm-title', 'aria-describedby': 'lh-confirm-body' },
      h('h2', { id: 'lh-confirm-title' }, title),
      h('p', { id: 'lh-confirm-body' }, body),
      h('div', { class: 'lh-dialog-buttons' }, cancel, ok));
    dialog.addEventListener('click', (e) => e.stopPropagation());
    backdrop = h('div', { class: 'lh-backdrop', testid: 'confirm-dialog', onclick: () => close(false) }, dialog);
    backdrop.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(false);
      } else if (e.key === 'Tab') {
        // Keep Tab inside the dialog while it is open.
        e.preventDefault();
        (document.activeElement === cancel ? ok : cancel).focus();
      }
    });
    document.body.append(backdrop);
    cancel.focus();
  });
}

// Starts fn on element unless it has started already: a page's module is started at page load (server-rendered page)
// and again by a Blazor circuit after it renders, which must not build the page twice.
export function startOnce(element, fn) {
  if (!element || element.dataset.lhStarted === 'true') {
    return;
  }
  element.dataset.lhStarted = 'true';
  fn(element);
}

