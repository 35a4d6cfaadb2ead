// The Audit page: the hash-chained log through GET /api/v1/audit (ops and admins; the API decides), newest first,
// filtered by the API's query, older entries appended with `before`, and Verify (GET /api/v1/audit/verify).
import { api } from '../api.js';
import { format, h } from '../dom.js';
import { pageLanguage, problemNote, readStrings, startOnce, text } from './dom.js';

const pageSize = 50;
const outcomeCss = { ok: 'badge badge-good', denied: 'badge badge-warn', 'locked-out': 'badge badge-warn', failed: 'badge badge-bad' };

// The API query for the filters. Dates are whole days on the user's clock: from the start of `from` to the last
// millisecond of `to` (the API's `to` is inclusive).
export function auditPath(filters, before) {
  const query = new URLSearchParams({ limit: String(pageSize) });
  for (const name of ['actor', 'action', 'target']) {
    const value = (filters[name] ?? '').trim();
    if (value) {
      query.set(name, value);
    }
  }
  if (filters.from) {
    query.set('from', new Date(`${filters.from}T00:00:00`).toISOString());
  }
  if (filters.to) {
    const end = new Date(`${filters.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    query.set('to', new Date(end.getTime() - 1).toISOString());
  }
  if (before !== null && before !== undefined) {
    query.set('before', String(before));
  }
  return `/api/v1/audit?${query}`;
}

function pretty(json) {
  if (!json) {
    return '—';
  }
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function capitalized(words) {
  return words.split('-').filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

export function startAuditPage(root) {
  startOnce(root, (element) => new AuditPage(element).start());
}

class AuditPage {
  constructor(root) {
    this.root = root;
    this.strings = readStrings(root);
    this.actions = JSON.parse(root.dataset.actions ?? '[]');
    this.entries = [];
    this.next = null;
    this.time = new Intl.DateTimeFormat(pageLanguage(), { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' });
  }

  t(key, ...args) {
    return args.length ? format(text(this.strings, key), ...args) : text(this.strings, key);
  }

  actionName(action) {
    return this.strings[`Action:${action}`] ?? action;
  }

  start() {
    const field = (name, label, input) => h('label', {}, h('span', {}, this.t(label)), input);
    this.inputs = {
      actor: h('input', { type: 'text', placeholder: this.t('FilterActorHint'), testid: 'audit-filter-actor' }),
      action: h('input', { type: 'text', list: 'lh-audit-actions', placeholder: this.t('FilterActionHint'), testid: 'audit-filter-action' }),
      target: h('input', { type: 'text', placeholder: this.t('FilterTargetHint'), testid: 'audit-filter-target' }),
      from: h('input', { type: 'date', testid: 'audit-filter-from' }),
      to: h('input', { type: 'date', testid: 'audit-filter-to' }),
    };
    const prefixes = [...new Set(this.actions.map((a) => `${a.split('.')[0]}.*`))];
    const datalist = h('datalist', { id: 'lh-audit-actions' },
      this.actions.map((a) => h('option', { value: a }, this.actionName(a))),
      prefixes.map((p) => h('option', { value: p })));
    this.applyButton = h('button', { type: 'submit', class: 'button-primary', testid: 'audit-filter-apply' }, this.t('FilterApply'));
    this.clearButton = h('button', { type: 'button', class: 'button-quiet', testid: 'audit-filter-clear', onclick: () => this.clear() }, this.t('FilterClear'));
    const form = h('form', { class: 'lh-filters', testid: 'audit-filters' },
      field('actor', 'FilterActor', this.inputs.actor),
      field('action', 'FilterAction', this.inputs.action), datalist,
      field('target', 'FilterTarget', this.inputs.target),
      field('from', 'FilterFrom', this.inputs.from),
      field('to', 'FilterTo', this.inputs.to),
      h('div', { class: 'lh-filter-buttons' }, this.applyButton, this.clearButton));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.load(null);
    });

    this.verifyButton = h('button', { type: 'button', class: 'button-quiet lh-verify', testid: 'audit-verify', onclick: () => this.verify() }, this.t('AuditVerify'));
    this.verification = h('div', { hidden: true, role: 'status', testid: 'audit-verify-result' });
    this.problem = h('div');
    this.body = h('div', {}, h('div', { class: 'empty muted' }, this.t('Loading')));
    // The page's head holds a slot for Verify, beside the title; without it the button leads the page.
    const slot = this.root.querySelector('[data-lh-slot="head-actions"]');
    if (slot) {
      slot.append(this.verifyButton);
    }
    this.root.append(...[slot ? null : this.verifyButton, this.verification, form, this.problem, this.body].filter(Boolean));
    this.load(null);
  }

  filters() {
    return Object.fromEntries(Object.entries(this.inputs).map(([name, input]) => [name, input.value]));
  }

  clear() {
    for (const input of Object.values(this.inputs)) {
      input.value = '';
    }
    this.load(null);
  }

  busy(on) {
    this.applyButton.disabled = on;
    this.clearButton.disabled = on;
    if (this.olderButton) {
      this.olderButton.disabled = on;
    }
  }

  async load(before) {
    this.busy(true);
    this.problem.replaceChildren();
    const result = await api('GET', auditPath(this.filters(), before));
    this.busy(false);
    if (!result.ok || !Array.isArray(result.body?.entries)) {
      this.problem.replaceChildren(problemNote(this.strings, result, null, 'audit-problem'));
      return;
    }
    // "Older" appends below what is shown; a new filter starts over.
    this.entries = before === null ? result.body.entries : [...this.entries, ...result.body.entries];
    this.next = result.body.next ?? null;
    this.render();
  }

  async verify() {
    this.verifyButton.disabled = true;
    this.verifyButton.textContent = this.t('AuditVerifying');
    this.verification.hidden = true;
    const result = await api('GET', '/api/v1/audit/verify');
    this.verifyButton.disabled = false;
    this.verifyButton.textContent = this.t('AuditVerify');
    if (!result.ok || !result.body) {
      this.problem.replaceChildren(problemNote(this.strings, result, null, 'audit-problem'));
      return;
    }
    const v = result.body;
    this.verification.className = v.ok ? 'lh-verified lh-ok' : 'lh-verified lh-broken';
    this.verification.textContent = v.ok
      ? this.t('AuditVerifyOk', v.entries)
      : this.t('AuditVerifyBroken', v.firstBrokenSequence ?? 0, v.reason ?? '');
    this.verification.hidden = false;
  }

  render() {
    if (this.entries.length === 0) {
      this.olderButton = null;
      this.body.replaceChildren(h('div', { class: 'empty', testid: 'audit-empty' }, this.t('AuditEmpty')));
      return;
    }
    const headings = ['AuditColTime', 'AuditColActor', 'AuditColFrom', 'AuditColAction', 'AuditColTarget', 'AuditColOutcome', 'AuditColDetail'];
    const table = h('table', { class: 'grid lh-audit', testid: 'audit-table' },
      h('thead', {}, h('tr', {}, headings.map((key) => h('th', {}, this.t(key))))),
      h('tbody', {}, this.entries.map((entry) => this.row(entry))));
    this.olderButton = this.next === null ? null
      : h('button', { type: 'button', class: 'button-quiet', testid: 'audit-older', onclick: () => this.load(this.next) }, this.t('AuditOlder'));
    const paging = h('div', { class: 'lh-paging' }, this.olderButton ?? h('span', { class: 'muted', testid: 'audit-end' }, this.t('AuditEnd')));
    this.body.replaceChildren(table, paging);
  }

  row(entry) {
    const changes = entry.before || entry.after
      ? h('details', { testid: 'audit-before-after' },
        h('summary', {}, this.t('AuditBeforeAfter')),
        h('div', { class: 'lh-change' },
          h('div', {}, h('div', { class: 'lh-change-label' }, this.t('AuditBefore')), h('pre', {}, pretty(entry.before))),
          h('div', {}, h('div', { class: 'lh-change-label' }, this.t('AuditAfter')), h('pre', {}, pretty(entry.after)))))
      : null;
    return h('tr', { 'data-audit-sequence': entry.sequence, 'data-audit-action': entry.action, testid: 'audit-entry' },
      h('td', { class: 'lh-time' }, h('div', {}, this.time.format(new Date(entry.at))), h('div', { class: 'cell-sub mono' }, `#${entry.sequence}`)),
      h('td', {}, h('div', { class: 'cell-title' }, entry.actor), h('div', { class: 'cell-sub' }, this.t(`ActorKind${capitalized(entry.actorKind || 'user')}`))),
      entry.remoteIp ? h('td', { class: 'mono' }, entry.remoteIp) : h('td', { class: 'muted' }, this.t('AuditFromLocal')),
      h('td', {}, h('div', {}, this.actionName(entry.action)), h('div', { class: 'cell-sub mono' }, entry.action)),
      h('td', { class: 'mono lh-target' }, entry.target ?? '—'),
      h('td', {}, h('span', { class: outcomeCss[entry.outcome] ?? 'badge badge-neutral', testid: 'audit-outcome' }, this.t(`Outcome${capitalized(entry.outcome)}`))),
      h('td', { class: 'lh-detail' },
        entry.detail ? h('div', { class: 'lh-detail-text' }, entry.detail) : null,
        changes,
        !entry.detail && !changes ? h('span', { class: 'muted' }, '—') : null));
  }
}
