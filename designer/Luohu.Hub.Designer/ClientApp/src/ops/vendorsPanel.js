// The Plugins page's vendors panel: for each capability more than one plugin offers, which vendor serves it and which
// runs in shadow (ops change both live through PUT /api/v1/vendors/{capability}, audited), and the shadow comparison —
// agreement and each vendor's latency side by side. Re-read with the page's catalogue.
import { api } from '../api.js';
import { format, h } from '../dom.js';
import { problemNote, text } from './dom.js';

export function createVendorsPanel({ strings, canOperate }) {
  return new VendorsPanel(strings, canOperate);
}

class VendorsPanel {
  constructor(strings, canOperate) {
    this.strings = strings;
    this.canOperate = canOperate;
    this.saving = new Set();
    this.outcomes = new Map();
    this.signature = null;
    this.body = h('div', { class: 'lh-vendors-body' });
    this.element = h('section', { class: 'lh-vendors', testid: 'vendors-panel' },
      h('h2', {}, this.t('VendorsTitle')),
      h('p', { class: 'muted' }, this.t('VendorsLead')),
      this.body);
  }

  t(key, ...args) {
    return args.length ? format(text(this.strings, key), ...args) : text(this.strings, key);
  }

  async refresh() {
    const result = await api('GET', '/api/v1/vendors');
    if (!result.ok || !Array.isArray(result.body)) {
      this.body.replaceChildren(problemNote(this.strings, result, null, 'vendors-problem'));
      this.signature = null;
      return;
    }
    const shared = result.body.filter((v) => v.providers.length > 1).sort((a, b) => a.capability.localeCompare(b.capability));
    const signature = JSON.stringify([shared, [...this.saving], [...this.outcomes]]);
    // An operator picking from a list keeps it open: the new numbers wait for the next read.
    const picking = document.activeElement?.tagName === 'SELECT' && this.body.contains(document.activeElement);
    if (signature !== this.signature && !picking) {
      this.signature = signature;
      this.render(shared);
    }
  }

  render(vendors) {
    if (vendors.length === 0) {
      this.body.replaceChildren(h('div', { class: 'empty muted', testid: 'vendors-empty' }, this.t('VendorsEmpty')));
      return;
    }
    const headings = ['ColCapability', 'ColServing', 'ColShadow', 'ColAgreement', 'ColServingSide', 'ColShadowSide'];
    this.body.replaceChildren(h('table', { class: 'grid lh-vendors-table', testid: 'vendors-table' },
      h('thead', {}, h('tr', {}, headings.map((key) => h('th', {}, this.t(key))))),
      h('tbody', {}, vendors.map((v) => this.row(v)))));
  }

  row(v) {
    const c = v.comparison;
    const outcome = this.outcomes.get(v.capability);
    return h('tr', { 'data-capability': v.capability },
      h('td', {}, h('div', { class: 'cell-title mono' }, v.capability), h('div', { class: 'cell-sub' }, v.title)),
      h('td', {}, this.choice(v, 'serving', v.chosen, v.providers, this.t('ServingDefault', v.serving ?? '—')),
        outcome ? (outcome.ok ? h('div', { class: 'lh-row-note lh-done', role: 'status', testid: 'vendor-saved' }, this.t('VendorSaved'))
          : problemNote(this.strings, outcome, null, 'vendor-problem')) : null),
      h('td', {}, this.choice(v, 'shadow', v.shadow, v.providers.filter((p) => p !== v.serving), this.t('ShadowNone'))),
      h('td', { class: 'num', testid: 'vendor-agreement' },
        c && c.compared > 0 ? this.t('AgreementValue', Math.round(c.agreement * 1000) / 10, c.compared) : '—',
        c ? h('div', { class: 'cell-sub' }, this.strings[`AgreementRule_${v.capability}`] ?? this.strings.AgreementRule_whole ?? c.agreementRule) : null),
      h('td', { class: 'num' }, c ? this.side(c.serving) : '—'),
      h('td', { class: 'num' }, c ? this.side(c.shadow) : '—'));
  }

  side(s) {
    return h('div', {},
      h('div', { class: 'mono' }, s.pluginId),
      h('div', {}, s.p50Milliseconds === null ? '—' : this.t('LatencyValue', s.p50Milliseconds, s.p99Milliseconds)),
      h('div', { class: s.failures > 0 ? 'cell-sub text-bad' : 'cell-sub' }, this.t('CallsFailures', s.calls, s.failures)));
  }

  choice(v, field, current, options, emptyLabel) {
    if (!this.canOperate) {
      return h('span', { class: 'mono' }, current ?? emptyLabel);
    }
    return h('select', {
      testid: `vendor-${field}`,
      disabled: this.saving.has(v.capability),
      onchange: (event) => this.save(v, field, event.target.value || null),
    },
    h('option', { value: '', selected: !current }, emptyLabel),
    options.map((p) => h('option', { value: p, selected: p === current }, p)));
  }

  async save(v, field, value) {
    const body = { serving: v.chosen, shadow: v.shadow, [field]: value };
    this.saving.add(v.capability);
    this.outcomes.delete(v.capability);
    this.signature = null;
    const result = await api('PUT', `/api/v1/vendors/${encodeURIComponent(v.capability)}`, body);
    this.saving.delete(v.capability);
    this.outcomes.set(v.capability, result);
    await this.refresh();
  }
}
