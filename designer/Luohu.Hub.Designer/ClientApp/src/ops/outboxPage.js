// The Outbox page: calls that change the world through GET /api/v1/outbox (ops and admins; the API decides), one
// state at a time (pending and failed first), with Retry (POST …/retry) and Resolve with a note (POST …/resolve).
import { api } from '../api.js';
import { format, h } from '../dom.js';
import { pageLanguage, problemNote, readStrings, startOnce, text } from './dom.js';

const states = ['pending', 'failed', 'completed', 'resolved', ''];
const stateLabel = { pending: 'OutboxPending', failed: 'OutboxFailed', completed: 'OutboxCompleted', resolved: 'OutboxResolved', '': 'OutboxAll' };
const stateCss = { pending: 'badge badge-warn', failed: 'badge badge-bad', completed: 'badge badge-good', resolved: 'badge badge-neutral' };

export function outboxPath(state) {
  const query = new URLSearchParams({ take: '200' });
  if (state) {
    query.set('state', state);
  }
  return `/api/v1/outbox?${query}`;
}

export function startOutboxPage(root) {
  startOnce(root, (element) => new OutboxPage(element).start());
}

class OutboxPage {
  constructor(root) {
    this.root = root;
    this.strings = readStrings(root);
    this.state = 'pending';
    this.time = new Intl.DateTimeFormat(pageLanguage(), { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' });
  }

  t(key, ...args) {
    return args.length ? format(text(this.strings, key), ...args) : text(this.strings, key);
  }

  start() {
    this.counts = h('div', { class: 'lh-outbox-counts', testid: 'outbox-counts' });
    this.tabs = h('div', { class: 'lh-filters lh-outbox-tabs', role: 'tablist', testid: 'outbox-tabs' },
      states.map((state) => h('button', {
        type: 'button', role: 'tab', class: 'button-quiet', 'data-state': state || 'all', testid: `outbox-tab-${state || 'all'}`,
        onclick: () => this.show(state),
      }, this.t(stateLabel[state]))));
    this.refreshButton = h('button', { type: 'button', class: 'button-quiet', testid: 'outbox-refresh', onclick: () => this.load() }, this.t('OutboxRefresh'));
    this.note = h('div', { role: 'status', testid: 'outbox-note' });
    this.problem = h('div');
    this.body = h('div', {}, h('div', { class: 'empty muted' }, this.t('Loading')));
    const slot = this.root.querySelector('[data-lh-slot="head-actions"]');
    if (slot) {
      slot.append(this.counts, this.refreshButton);
    }
    this.root.append(...[slot ? null : this.counts, this.tabs, this.note, this.problem, this.body].filter(Boolean));
    this.show('pending');
  }

  show(state) {
    this.state = state;
    for (const tab of this.tabs.children) {
      tab.setAttribute('aria-selected', String(tab.dataset.state === (state || 'all')));
      tab.className = tab.dataset.state === (state || 'all') ? 'button-primary' : 'button-quiet';
    }
    this.load();
  }

  async load() {
    this.problem.replaceChildren();
    const [result, status] = await Promise.all([api('GET', outboxPath(this.state)), api('GET', '/api/v1/outbox/status')]);
    if (status.ok && status.body) {
      this.counts.replaceChildren(
        h('span', { class: status.body.pending > 0 ? 'badge badge-warn' : 'badge badge-neutral', testid: 'outbox-count-pending' }, this.t('OutboxCountPending', status.body.pending)),
        ' ',
        h('span', { class: status.body.failed > 0 ? 'badge badge-bad' : 'badge badge-neutral', testid: 'outbox-count-failed' }, this.t('OutboxCountFailed', status.body.failed)));
    }
    if (!result.ok || !Array.isArray(result.body)) {
      this.problem.replaceChildren(problemNote(this.strings, result, null, 'outbox-problem'));
      return;
    }
    this.render(result.body);
  }

  render(entries) {
    if (entries.length === 0) {
      this.body.replaceChildren(h('div', { class: 'empty', testid: 'outbox-empty' }, this.t('OutboxEmpty')));
      return;
    }
    const headings = ['OutboxColTime', 'OutboxColCall', 'OutboxColFlow', 'OutboxColState', 'OutboxColAttempts', 'OutboxColDetail', 'OutboxColActions'];
    this.body.replaceChildren(h('table', { class: 'grid lh-outbox', testid: 'outbox-table' },
      h('thead', {}, h('tr', {}, headings.map((key) => h('th', {}, this.t(key))))),
      h('tbody', {}, entries.map((entry) => this.row(entry)))));
  }

  row(entry) {
    const open = entry.state === 'pending' || entry.state === 'failed';
    const actions = h('td', { class: 'lh-actions' });
    if (open) {
      actions.append(
        h('button', { type: 'button', class: 'button-quiet', testid: 'outbox-retry', onclick: (e) => this.retry(entry, e.currentTarget) }, this.t('OutboxRetry')),
        h('button', { type: 'button', class: 'button-quiet', testid: 'outbox-resolve', onclick: () => this.askNote(entry, actions) }, this.t('OutboxResolve')));
    }
    const details = h('details', { testid: 'outbox-details' },
      h('summary', {}, this.t('OutboxInput')),
      h('div', { class: 'lh-change' },
        h('div', {}, h('div', { class: 'lh-change-label' }, this.t('OutboxInput')), h('pre', {}, JSON.stringify(entry.input, null, 2))),
        h('div', {}, h('div', { class: 'lh-change-label' }, this.t('OutboxResult')), h('pre', {}, entry.result ? JSON.stringify(entry.result, null, 2) : '—'))));
    return h('tr', { 'data-outbox-key': entry.key, 'data-outbox-state': entry.state, testid: 'outbox-entry' },
      h('td', { class: 'lh-time' }, h('div', {}, this.time.format(new Date(entry.createdAt))), h('div', { class: 'cell-sub mono' }, entry.key)),
      h('td', {}, h('div', { class: 'cell-title mono' }, entry.capability), h('div', { class: 'cell-sub' }, entry.department ?? '—')),
      h('td', {}, h('div', { class: 'mono' }, `${entry.flowId} v${entry.flowVersion}`), h('div', { class: 'cell-sub mono' }, entry.nodeId)),
      h('td', {}, h('span', { class: stateCss[entry.state] ?? 'badge badge-neutral', testid: 'outbox-state' }, this.t(stateLabel[entry.state] ?? entry.state))),
      h('td', { class: 'mono' }, String(entry.attempts)),
      h('td', { class: 'lh-detail' },
        h('div', { class: 'lh-detail-text' }, entry.state === 'resolved' ? `${entry.resolvedBy}: ${entry.resolutionNote}` : (entry.lastError ?? '—')),
        details),
      actions);
  }

  async retry(entry, button) {
    button.disabled = true;
    const result = await api('POST', `/api/v1/outbox/${encodeURIComponent(entry.key)}/retry`, {});
    if (!result.ok) {
      button.disabled = false;
      this.problem.replaceChildren(problemNote(this.strings, result, null, 'outbox-problem'));
      return;
    }
    this.note.textContent = this.t('OutboxRetried', this.t(stateLabel[result.body.state] ?? result.body.state));
    this.load();
  }

  askNote(entry, cell) {
    const note = h('textarea', { rows: 2, placeholder: this.t('OutboxResolveNote'), testid: 'outbox-note-input' });
    const confirm = h('button', { type: 'button', class: 'button-primary', testid: 'outbox-resolve-confirm', onclick: () => this.resolve(entry, note.value) }, this.t('OutboxResolveConfirm'));
    const cancel = h('button', { type: 'button', class: 'button-quiet', onclick: () => this.load() }, this.t('OutboxCancel'));
    cell.replaceChildren(h('div', { class: 'lh-outbox-resolve' }, note, h('div', {}, confirm, cancel)));
    note.focus();
  }

  async resolve(entry, note) {
    const result = await api('POST', `/api/v1/outbox/${encodeURIComponent(entry.key)}/resolve`, { note: note.trim() });
    if (!result.ok) {
      this.problem.replaceChildren(problemNote(this.strings, result, null, 'outbox-problem'));
      return;
    }
    this.note.textContent = this.t('OutboxResolvedNote', note.trim());
    this.load();
  }
}
