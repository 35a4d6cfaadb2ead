import { api } from '../api.js';
import { mountRulesEditor } from '../rulesPage.js';
import { renderSchemaForm, el } from './forms.js';

// The settings of a `rule` node: where its workflow comes from — the department's rules library (following the
// latest published version, or pinned to one) or embedded in the node, edited in the rules editor opened over the
// canvas — and the result field. Config: { library, version } or { workflow }, and resultField.
//
// ctx: { t, readOnly, department, rulesStrings, current(), update(changes), rerender }
// Returns the form contract of settingsPanel: { showProblems(problems), focus(field), dispose() }.
export function renderRuleSettings(host, config, ctx) {
  const { t } = ctx;
  const source = config.workflow !== undefined ? 'embedded' : 'library';
  const configOf = () => ctx.current().config ?? {};
  const set = (changes) => ctx.update({ config: { ...configOf(), ...changes } });
  const errors = new Map();
  const errorBox = (field) => {
    const box = el('div', { class: 'fe-error', 'data-error-for': field, 'data-testid': `field-error-${field}`, role: 'alert' });
    errors.set(field, box);
    return box;
  };

  const choice = (value, label) => {
    const input = el('input', { type: 'radio', name: 'rule-source', value, 'data-testid': `rule-source-${value}`, disabled: ctx.readOnly });
    input.checked = source === value;
    input.addEventListener('change', () => {
      if (value === 'library') {
        set({ workflow: undefined });
      } else {
        set({ library: undefined, version: undefined, workflow: configOf().workflow ?? starter(ctx.current().id) });
      }
      ctx.rerender();
    });
    return el('label', { class: 'fe-check' }, input, document.createTextNode(label));
  };
  host.append(el('div', { class: 'fe-field', 'data-field-wrap': 'source' },
    el('span', { class: 'fe-label', text: t('RuleSource') }),
    el('div', { class: 'fe-choices' }, choice('library', t('RuleSourceLibrary')), choice('embedded', t('RuleSourceEmbedded')))));

  let dialog = null;
  if (source === 'library') {
    renderLibrary();
  } else {
    renderEmbedded();
  }

  const restHost = el('div');
  host.append(restHost);
  const rest = renderSchemaForm(restHost, { type: 'object', properties: { resultField: { type: 'string', title: 'Result field', default: 'rule' } } }, config, {
    t, readOnly: ctx.readOnly, rerender: ctx.rerender, onChange: (value) => set({ resultField: value.resultField }),
  });

  function renderLibrary() {
    const select = el('select', { 'data-testid': 'field-library', 'data-field': 'library', disabled: ctx.readOnly }, el('option', { value: '', text: t('Loading') }));
    const version = el('select', { 'data-testid': 'field-version', 'data-field': 'version', disabled: ctx.readOnly });
    const open = el('a', { class: 'fe-link', 'data-testid': 'rule-open-library', target: '_blank', rel: 'noopener', text: t('RuleOpenInLibrary') });
    const hint = el('div', { class: 'fe-hint', 'data-testid': 'rule-library-hint' });
    host.append(
      el('div', { class: 'fe-field', 'data-field-wrap': 'library' },
        el('label', { class: 'fe-label' }, document.createTextNode(t('Field_library')), el('span', { class: 'fe-required', text: ' *' })),
        select, hint, errorBox('library')),
      el('div', { class: 'fe-field', 'data-field-wrap': 'version' },
        el('label', { class: 'fe-label', text: t('Field_version') }), version, el('div', { class: 'fe-hint', text: t('RuleVersionHint') }), errorBox('version')),
      el('p', { class: 'fe-hint' }, open));

    const showVersions = async (name) => {
      open.hidden = !name;
      open.href = name ? `/rules?department=${encodeURIComponent(ctx.department)}&name=${encodeURIComponent(name)}` : '#';
      version.replaceChildren(el('option', { value: '', text: t('RuleFollowLatest') }));
      if (!name) {
        return;
      }
      const response = await api('GET', `/api/v1/rules/library/${encodeURIComponent(ctx.department)}/${encodeURIComponent(name)}/versions`);
      const versions = response.ok && Array.isArray(response.body) ? response.body : [];
      const latest = versions.length ? versions[versions.length - 1].version : null;
      version.replaceChildren(
        el('option', { value: '', text: latest ? t('RuleFollowLatestIs', latest) : t('RuleFollowLatest') }),
        ...[...versions].reverse().map((v) => el('option', { value: String(v.version), text: t('RulePinned', v.version, v.comment ?? '') })));
      const pinned = configOf().version;
      if (pinned !== undefined && !versions.some((v) => v.version === pinned)) {
        version.append(el('option', { value: String(pinned), text: t('RulePinned', pinned, '?') }));
      }
      version.value = pinned === undefined ? '' : String(pinned);
    };

    api('GET', `/api/v1/rules/library?department=${encodeURIComponent(ctx.department)}`).then((response) => {
      const workflows = response.ok && Array.isArray(response.body) ? response.body : [];
      const chosen = configOf().library;
      select.replaceChildren(el('option', { value: '', text: t('RulePickWorkflow') }),
        ...workflows.map((w) => el('option', { value: w.name, text: w.latestVersion ? `${w.name} (v${w.latestVersion})` : `${w.name} (${t('RuleUnpublished')})` })));
      if (chosen && !workflows.some((w) => w.name === chosen)) {
        select.append(el('option', { value: chosen, text: t('RuleMissing', chosen) }));
      }
      select.value = chosen ?? '';
      hint.textContent = workflows.length ? t('RuleLibraryHint', ctx.department) : t('RuleLibraryEmpty', ctx.department);
      showVersions(chosen);
    });
    select.addEventListener('change', () => {
      set({ library: select.value || undefined, version: undefined });
      showVersions(select.value);
    });
    version.addEventListener('change', () => set({ version: version.value === '' ? undefined : Number(version.value) }));
  }

  function renderEmbedded() {
    const summary = el('div', { class: 'fe-hint', 'data-testid': 'rule-embedded-summary' });
    const describe = () => {
      const workflow = configOf().workflow ?? {};
      const rules = Array.isArray(workflow.Rules) ? workflow.Rules.length : 0;
      summary.textContent = t('RuleEmbeddedSummary', workflow.WorkflowName ?? '', rules);
    };
    describe();
    const edit = el('button', { type: 'button', class: 'button-quiet', 'data-testid': 'rule-edit-embedded', text: ctx.readOnly ? t('RuleViewEmbedded') : t('RuleEditEmbedded') });
    edit.addEventListener('click', () => {
      // The whole rules editor needs the width of the page: it opens over the canvas, and every change goes straight
      // into the node's config (undo on the canvas takes it back).
      dialog = el('dialog', { class: 'fe-rules-dialog', 'data-testid': 'rule-editor-dialog' });
      const body = el('div', { class: 'rules-app' });
      const done = el('button', { type: 'button', class: 'button-primary', 'data-testid': 'rule-editor-done', text: t('Done') });
      done.addEventListener('click', () => dialog.close());
      dialog.append(el('div', { class: 'fe-rules-dialog-head' }, el('h3', { text: t('RuleEmbeddedTitle', ctx.current().id) }), done), body);
      dialog.addEventListener('close', () => {
        dialog.remove();
        dialog = null;
        describe();
      });
      document.body.append(dialog);
      mountRulesEditor(body, {
        workflow: configOf().workflow ?? starter(ctx.current().id),
        strings: ctx.rulesStrings,
        canEdit: !ctx.readOnly,
        onChange: (workflow) => set({ workflow }),
      });
      dialog.showModal();
    });
    host.append(el('div', { class: 'fe-field', 'data-field-wrap': 'workflow' },
      el('span', { class: 'fe-label', text: t('Field_workflow') }), summary, edit, errorBox('workflow')));
  }

  return {
    showProblems(problems) {
      for (const box of errors.values()) {
        box.textContent = '';
      }
      const workflowProblems = [];
      for (const p of problems) {
        if ((p.field === 'library' || p.field === 'version') && errors.has(p.field)) {
          errors.get(p.field).textContent = p.message;
        } else if (p.field?.startsWith('workflow')) {
          workflowProblems.push(`${p.field.slice('workflow.'.length) || 'workflow'}: ${p.message}`);
        }
      }
      if (errors.has('workflow')) {
        errors.get('workflow').textContent = workflowProblems.join('\n');
      }
      rest.showProblems(problems.filter((p) => p.field === 'resultField'));
    },
    focus(field) {
      host.querySelector(`[data-field="${CSS.escape(field)}"]`)?.focus();
    },
    dispose() {
      dialog?.close();
      rest.dispose();
    },
  };
}

// A first workflow for a node that embeds one: one JavaScript rule on the message.
function starter(nodeId) {
  return { WorkflowName: nodeId || 'rule', RuleExpressionType: 'JavaScript', Rules: [{ RuleName: 'Rule1', Expression: 'msg.payload != null' }] };
}
