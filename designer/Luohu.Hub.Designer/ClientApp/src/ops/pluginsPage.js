// The Plugins page: the catalogue, upload, and enable/disable/reload/uninstall behind a confirmation. Every read and
// change goes through /api/v1 with the user's session, so the API's roles and audit apply. State, health, error rate
// and latency are re-read every second while the page is visible, so another operator's change shows at once.
import { api } from '../api.js';
import { format, h } from '../dom.js';
import { confirmDialog, pageLanguage, problemNote, readStrings, startOnce, text } from './dom.js';
import { createUploadPanel } from './pluginUpload.js';
import { createVendorsPanel } from './vendorsPanel.js';

const pollMs = 1000;

// What a row offers in each state: a disabled plugin is enabled, never reloaded (the API answers 409).
export function offeredOperations(state) {
  switch (state) {
    case 'Disabled': return ['Enable', 'Uninstall'];
    case 'Faulted':
    case 'Quarantined': return ['Enable', 'Reload', 'Disable', 'Uninstall'];
    case 'Unloaded': return ['Uninstall'];
    default: return ['Reload', 'Disable', 'Uninstall'];
  }
}

function operationRequest(operation, id) {
  const path = `/api/v1/plugins/${encodeURIComponent(id)}`;
  return operation === 'Uninstall' ? ['DELETE', path] : ['POST', `${path}/${operation.toLowerCase()}`];
}

// The worst connector decides the error rate and latency: one failing action is what ops must notice. Latency counts
// only actions that were called.
function metrics(plugin) {
  const connectors = plugin.connectors ?? [];
  const called = connectors.filter((c) => c.kind !== 'EventSource' && (c.metrics?.calls ?? 0) > 0);
  return {
    errorRate: connectors.length === 0 ? 0 : Math.max(...connectors.map((c) => c.metrics?.errorRate ?? 0)),
    p50: called.length === 0 ? null : Math.max(...called.map((c) => c.metrics.latencyP50Ms)),
    p99: called.length === 0 ? null : Math.max(...called.map((c) => c.metrics.latencyP99Ms)),
    families: [...new Set(connectors.map((c) => c.family).filter(Boolean))].sort(),
  };
}

const stateCss = { Running: 'badge badge-good', Degraded: 'badge badge-warn', Loading: 'badge badge-warn', Faulted: 'badge badge-bad', Quarantined: 'badge badge-bad' };
const healthCss = { Healthy: 'dot dot-good', Degraded: 'dot dot-warn' };

export function startPluginsPage(root) {
  startOnce(root, (element) => new PluginsPage(element).start());
}

class PluginsPage {
  constructor(root) {
    this.root = root;
    this.strings = readStrings(root);
    this.canOperate = root.dataset.canOperate === 'true';
    this.canUpload = root.dataset.canUpload === 'true';
    this.plugins = null;
    this.rows = new Map();
    this.outcomes = new Map();
    this.running = new Set();
    this.highlighted = null;
    this.time = new Intl.DateTimeFormat(pageLanguage(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    this.dateTime = new Intl.DateTimeFormat(pageLanguage(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  t(key, ...args) {
    return args.length ? format(text(this.strings, key), ...args) : text(this.strings, key);
  }

  start() {
    if (this.canUpload) {
      this.root.append(createUploadPanel({
        strings: this.strings,
        installedVersions: () => new Map((this.plugins ?? []).map((p) => [p.id, p.version])),
        onInstalled: (id) => {
          this.highlighted = id;
          this.outcomes.delete(id);
          return this.refreshNow();
        },
      }));
    }
    this.notice = h('div', { class: 'lh-notice', role: 'status', testid: 'plugins-notice', hidden: true });
    this.body = h('div', { class: 'lh-plugins-body' }, h('div', { class: 'empty muted' }, this.t('Loading')));
    this.readProblem = h('div', { class: 'lh-read-problem' });
    this.vendors = createVendorsPanel({ strings: this.strings, canOperate: this.canOperate });
    this.root.append(this.notice, this.readProblem, this.body, this.vendors.element, h('p', { class: 'muted footnote' }, this.t('LiveNote')));
    this.refresh();
    this.timer = setInterval(() => {
      if (!this.root.isConnected) {
        clearInterval(this.timer);
      } else if (!document.hidden) {
        this.refresh();
      }
    }, pollMs);
  }

  async refresh() {
    if (this.loading) {
      return;
    }
    this.loading = true;
    try {
      const [result] = await Promise.all([api('GET', '/api/v1/plugins'), this.vendors.refresh()]);
      if (result.ok && Array.isArray(result.body)) {
        this.plugins = result.body;
        this.readProblem.replaceChildren();
        this.render();
      } else {
        // Signed out, or the hub unreachable: say so above the (now stale) list instead of freezing silently.
        this.readProblem.replaceChildren(problemNote(this.strings, result, null, 'plugins-problem'));
      }
    } finally {
      this.loading = false;
    }
  }

  showNotice(message) {
    this.notice.textContent = message ?? '';
    this.notice.hidden = !message;
  }

  render() {
    const plugins = [...this.plugins].sort((a, b) => a.name.localeCompare(b.name, pageLanguage()));
    if (plugins.length === 0) {
      this.table = null;
      this.rows.clear();
      this.body.replaceChildren(h('div', { class: 'empty', testid: 'plugins-empty' }, this.t('PluginsEmpty')));
      return;
    }
    if (!this.table) {
      this.tbody = h('tbody');
      const headings = ['ColPlugin', 'ColVendor', 'ColVersion', 'ColFamily', 'ColConnectors', 'ColState', 'ColHealth', 'ColErrorRate', 'ColLatency'];
      if (this.canOperate) {
        headings.push('ColActions');
      }
      this.table = h('table', { class: 'grid lh-plugins', testid: 'plugins-table' },
        h('thead', {}, h('tr', {}, headings.map((key) => h('th', { class: key === 'ColErrorRate' || key === 'ColLatency' ? 'num' : null }, this.t(key))))),
        this.tbody);
      this.body.replaceChildren(this.table);
    }
    const seen = new Set();
    plugins.forEach((plugin, index) => {
      seen.add(plugin.id);
      const signature = JSON.stringify([plugin, this.outcomes.get(plugin.id)?.key, this.running.has(plugin.id), this.highlighted === plugin.id]);
      let row = this.rows.get(plugin.id);
      if (!row) {
        row = { element: h('tr', { 'data-plugin-id': plugin.id }), signature: null };
        this.rows.set(plugin.id, row);
      }
      if (row.signature !== signature) {
        row.signature = signature;
        this.fillRow(row.element, plugin);
      }
      if (this.tbody.children[index] !== row.element) {
        this.tbody.insertBefore(row.element, this.tbody.children[index] ?? null);
      }
    });
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        row.element.remove();
        this.rows.delete(id);
      }
    }
  }

  fillRow(tr, plugin) {
    const m = metrics(plugin);
    const wasOpen = tr.querySelector('details')?.open ?? false;
    const changedAt = new Date(plugin.stateChangedAt);
    tr.classList.toggle('lh-highlighted', this.highlighted === plugin.id);
    const cells = [
      h('td', {},
        h('div', { class: 'cell-title' }, plugin.name,
          this.highlighted === plugin.id ? h('span', { class: 'badge badge-good lh-new', testid: 'plugin-new' }, this.t('JustInstalled')) : null),
        h('div', { class: 'cell-sub mono' }, plugin.id)),
      h('td', {}, plugin.vendor),
      h('td', { class: 'mono', testid: 'plugin-version' }, plugin.version),
      h('td', {}, m.families.length === 0 ? h('span', { class: 'muted' }, '—') : m.families.map((f) => h('span', { class: 'chip mono' }, f))),
      h('td', {}, h('details', { class: 'lh-connectors', open: wasOpen },
        h('summary', {}, this.t('ConnectorCount', (plugin.connectors ?? []).length)),
        h('ul', {}, (plugin.connectors ?? []).map((c) => h('li', { class: 'mono' }, c.id))))),
      h('td', { class: 'lh-state' },
        h('span', { class: stateCss[plugin.state] ?? 'badge badge-neutral', title: plugin.reason ?? null, testid: 'plugin-state' }, this.t(`PluginState${plugin.state}`)),
        h('div', { class: 'cell-sub', testid: 'plugin-since', 'data-changed-at': plugin.stateChangedAt }, this.t('StateSince', this.since(changedAt))),
        plugin.reason ? h('div', { class: 'lh-reason', testid: 'plugin-reason' }, plugin.reason) : null),
      h('td', { class: 'lh-health' }, h('span', { class: healthCss[plugin.health] ?? 'dot dot-bad' }, this.t(`Health${plugin.health}`))),
      h('td', { class: m.errorRate >= 0.5 ? 'num text-bad' : 'num' }, `${Math.round(m.errorRate * 100)}%`),
      h('td', { class: 'num' }, m.p50 === null ? '—' : this.t('LatencyValue', m.p50, m.p99 ?? m.p50)),
    ];
    if (this.canOperate) {
      cells.push(this.actionsCell(plugin));
    }
    tr.replaceChildren(...cells);
  }

  // Today's changes by the second (a reload is seconds ago); older ones with their day.
  since(at) {
    return at.toDateString() === new Date().toDateString() ? this.time.format(at) : this.dateTime.format(at);
  }

  actionsCell(plugin) {
    const running = this.running.has(plugin.id);
    const outcome = this.outcomes.get(plugin.id);
    return h('td', { class: 'lh-actions' },
      h('div', { class: 'lh-action-buttons' }, offeredOperations(plugin.state).map((operation) =>
        h('button', {
          type: 'button',
          class: operation === 'Uninstall' ? 'button-quiet lh-danger' : 'button-quiet',
          disabled: running,
          testid: `plugin-${operation.toLowerCase()}`,
          onclick: () => this.operate(plugin, operation),
        }, this.t(`Op${operation}`)))),
      running ? h('div', { class: 'lh-row-note muted', testid: 'plugin-working' }, this.t('OpRunning')) : null,
      !running && outcome?.done ? h('div', { class: 'lh-row-note lh-done', role: 'status', testid: 'plugin-result' }, outcome.done) : null,
      !running && outcome?.result ? problemNote(this.strings, outcome.result, null, 'plugin-problem') : null);
  }

  async operate(plugin, operation) {
    this.showNotice(null);
    const confirmed = await confirmDialog({
      title: this.t(`Confirm${operation}Title`, plugin.name),
      body: this.t(`Confirm${operation}Body`, plugin.name, plugin.version),
      confirmLabel: this.t(`Op${operation}`),
      cancelLabel: this.t('ConfirmCancel'),
      danger: operation === 'Uninstall' || operation === 'Disable',
    });
    if (!confirmed) {
      return;
    }
    this.running.add(plugin.id);
    this.outcomes.delete(plugin.id);
    this.render();
    const [method, path] = operationRequest(operation, plugin.id);
    const result = await api(method, path);
    this.running.delete(plugin.id);
    if (!result.ok) {
      this.outcomes.set(plugin.id, { key: `problem-${Date.now()}`, result });
    } else if (operation === 'Uninstall') {
      this.showNotice(this.t('DoneUninstall', plugin.name));
    } else {
      this.outcomes.set(plugin.id, { key: `done-${Date.now()}`, done: this.t(`Done${operation}`) });
    }
    await this.refreshNow();
  }

  // A refresh that waits for one already under way, so the page shows the state after the operation.
  async refreshNow() {
    while (this.loading) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.refresh();
  }
}
