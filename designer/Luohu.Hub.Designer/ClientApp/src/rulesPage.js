import { api } from './api.js';
import { loadRulesDraft, saveRulesDraft, downloadText } from './rulesEditor.js';
import { format, h, onReady } from './dom.js';
import { createRuleForms } from './rulesForms.js';
import * as model from './rulesModel.js';
import { createTestPanel } from './rulesTestPanel.js';
import './styles/rules.css';

// The Rules page of the designer: a workflow as a tree, the selected rule's form beside it, expressions in
// CodeMirror, validation through POST /api/v1/rules/validate as the user types (debounced), and a test panel
// running POST /api/v1/rules/evaluate. The page (Pages/Rules.razor) renders the frame and a mount element carrying
// the strings of the current language (data-strings) and whether the user may change and run rules (data-can-edit);
// everything the user does here goes through the hub's API with the session cookie.

const storageKey = 'luohu.designer.rules.draft.v1';
const validateDelayMs = 500;

// Starts the editor in `element`. The Rules page passes nothing: strings and rights come from the element's data
// attributes and the draft from localStorage. Another page embedding it (a flow's rule node) passes `options`:
// { workflow, onChange(workflowJson), strings, canEdit, storageKey } — storageKey null keeps nothing in the browser.
// Returns { getWorkflow() } (the RulesEngine JSON), or null when the element already holds an editor.
export function mountRulesEditor(element, options) {
  if (!element || element.dataset.mounted === 'true') {
    return null;
  }
  element.dataset.mounted = 'true';
  const o = options ?? {};
  const strings = o.strings ?? JSON.parse(element.dataset.strings || '{}');
  const t = (key, ...args) => format(strings[key] ?? key, ...args);
  const canEdit = o.canEdit ?? element.dataset.canEdit === 'true';
  const readOnly = !canEdit;
  const keptAt = o.storageKey === undefined ? element.dataset.storageKey || storageKey : o.storageKey;

  const state = {
    workflow: model.newWorkflow(),
    cases: [{ name: t('TestCaseNew', 1), text: '{\n}' }],
    selectedCase: 0,
    selected: null,
    problems: [],
    validation: 'none',
    samples: [],
    kept: true,
  };
  const given = o.workflow ? model.readWorkflow(o.workflow) : null;
  const stored = given || !keptAt ? null : readStored(loadRulesDraft(keptAt));
  if (given) {
    state.workflow = given;
  } else if (stored) {
    Object.assign(state, stored);
  }

  let validateTimer = null;
  let validateCall = 0;

  const toolbar = h('div', { className: 'rules-toolbar', testid: 'rules-toolbar' });
  const banners = h('div', { className: 'rules-banners' });
  const treePanel = h('aside', { className: 'rules-card tree-panel', testid: 'rule-tree' });
  const formPanel = h('div', { className: 'rules-card form-panel' });
  const testPanel = h('section', { className: 'rules-card test-panel', testid: 'test-panel' });
  element.replaceChildren(toolbar, banners, h('div', { className: 'editor-grid' }, treePanel, formPanel), testPanel);

  // ---- storage, validation --------------------------------------------------------------------------------------

  function readStored(text) {
    try {
      const value = text ? JSON.parse(text) : null;
      const workflow = value ? model.readWorkflow(value.workflow) : null;
      if (!workflow) {
        return null;
      }
      const cases = Array.isArray(value.cases) && value.cases.length
        ? value.cases.map((c) => ({ name: String(c.name ?? ''), text: String(c.text ?? '{}') }))
        : [{ name: t('TestCaseNew', 1), text: '{\n}' }];
      return { workflow, cases, selectedCase: Math.min(Math.max(Number(value.selectedCase) || 0, 0), cases.length - 1) };
    } catch {
      return null;
    }
  }

  function save() {
    if (typeof o.onChange === 'function') {
      o.onChange(model.writeWorkflow(state.workflow));
    }
    if (!keptAt) {
      return;
    }
    const kept = saveRulesDraft(keptAt, JSON.stringify({ workflow: model.writeWorkflow(state.workflow), cases: state.cases, selectedCase: state.selectedCase }));
    if (kept !== state.kept) {
      state.kept = kept;
      renderTree();
    }
  }

  // A text edit: keep it, and ask the hub once the user pauses.
  function changed() {
    save();
    tests.markStale();
    if (!canEdit) {
      return;
    }
    state.validation = 'checking';
    renderStatus();
    clearTimeout(validateTimer);
    validateTimer = setTimeout(validate, validateDelayMs);
  }

  // A change of the tree: old problems would point at the wrong rules, so they go until the check answers.
  function restructured() {
    state.problems = [];
    renderAll();
    changed();
  }

  async function validate() {
    if (!canEdit) {
      return;
    }
    const call = ++validateCall;
    const response = await api('POST', '/api/v1/rules/validate', model.writeWorkflow(state.workflow));
    if (call !== validateCall) {
      return;
    }
    state.problems = response.ok && Array.isArray(response.body?.problems) ? response.body.problems : [];
    state.validation = !response.ok ? 'failed' : state.problems.length ? 'invalid' : 'valid';
    state.validationMessage = response.ok ? '' : response.problem?.title ?? '';
    renderTree();
    renderStatus();
    forms.showProblems();
  }

  function problemsOf(rulePath) {
    return state.problems.filter((p) => model.ownerOf(p.path).rule === rulePath);
  }

  // ---- toolbar and banners --------------------------------------------------------------------------------------

  const status = h('span', { className: 'status', testid: 'rules-status', 'aria-live': 'polite' });
  const sampleSelect = h('select', { className: 'text-input', testid: 'rules-sample', 'aria-label': t('ChooseSample') });
  const openSample = h('button', { type: 'button', className: 'button-quiet', testid: 'rules-open-sample', onclick: openChosenSample }, t('OpenSample'));
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', testid: 'rules-import-file', onchange: importFile });
  toolbar.append(
    h('button', { type: 'button', className: 'button-quiet', testid: 'rules-new', onclick: () => load(model.newWorkflow(), [{ name: t('TestCaseNew', 1), text: '{\n}' }], t('NewStarted')) }, t('New')),
    h('span', { className: 'toolbar-group' }, sampleSelect, openSample),
    h('label', { className: 'button-quiet file-button', testid: 'rules-import' }, t('Import'), fileInput),
    h('button', { type: 'button', className: 'button-quiet', testid: 'rules-export', onclick: exportFile }, t('Export')),
    h('span', { className: 'toolbar-spacer' }),
    status,
  );

  function renderSamples() {
    sampleSelect.replaceChildren(h('option', { value: '' }, t('ChooseSample')),
      ...state.samples.map((s) => h('option', { value: s.name }, strings[`Sample_${s.name}`] ?? s.name)));
    sampleSelect.disabled = state.samples.length === 0;
  }

  function renderStatus() {
    const text = { checking: t('StatusChecking'), valid: t('StatusValid'), invalid: t('StatusProblems', state.problems.length), failed: `${t('StatusCheckFailed')} ${state.validationMessage ?? ''}` }[state.validation] ?? '';
    const css = { checking: 'badge-neutral', valid: 'badge-good', invalid: 'badge-bad', failed: 'badge-bad' }[state.validation];
    status.textContent = text;
    status.className = css ? `status badge ${css}` : 'status';
  }

  // A message over the editor; `undo` (optional) puts back what the action replaced, since nothing here asks first.
  function banner(kind, message, undo) {
    const box = h('div', { className: `banner banner-${kind}`, role: kind === 'bad' ? 'alert' : 'status', testid: kind === 'bad' ? 'rules-import-error' : 'rules-notice' },
      h('span', { className: 'banner-text' }, message),
      h('span', { className: 'banner-actions' },
        undo ? h('button', { type: 'button', className: 'button-quiet', testid: 'rules-undo', onclick: () => { banners.replaceChildren(); undo(); } }, t('Undo')) : null,
        h('button', { type: 'button', className: 'button-quiet', onclick: () => box.remove() }, t('Dismiss'))));
    banners.replaceChildren(box);
  }

  function snapshot() {
    const before = JSON.stringify({ workflow: model.writeWorkflow(state.workflow), cases: state.cases, selectedCase: state.selectedCase, selected: state.selected });
    return () => {
      const back = JSON.parse(before);
      state.workflow = model.readWorkflow(back.workflow);
      state.cases = back.cases;
      state.selectedCase = back.selectedCase;
      state.selected = back.selected;
      state.problems = [];
      state.result = null;
      renderAll();
      tests.render();
      save();
      validate();
    };
  }

  function deleteRule(path) {
    const undo = snapshot();
    const name = model.ruleAt(state.workflow, path)?.RuleName ?? '';
    state.selected = model.remove(state.workflow, path);
    restructured();
    banner('note', t('DeletedRule', name), undo);
  }

  function load(workflow, cases, notice) {
    const undo = snapshot();
    state.workflow = workflow;
    state.cases = cases.length ? cases : [{ name: t('TestCaseNew', 1), text: '{\n}' }];
    state.selectedCase = 0;
    state.selected = null;
    state.problems = [];
    state.result = null;
    banners.replaceChildren();
    if (notice) {
      banner('note', notice, undo);
    }
    renderAll();
    tests.render();
    save();
    validate();
  }

  function openChosenSample() {
    const sample = state.samples.find((s) => s.name === sampleSelect.value);
    const workflow = sample ? model.readWorkflow(sample.workflow) : null;
    if (workflow) {
      load(workflow, model.casesOf(sample.inputs), t('LoadedSample', strings[`Sample_${sample.name}`] ?? sample.name));
    }
  }

  async function importFile() {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) {
      return;
    }
    if (file.size > 1024 * 1024) {
      banner('bad', t('ImportTooLarge', file.name, 1024));
      return;
    }
    let value;
    try {
      value = JSON.parse(await file.text());
    } catch (error) {
      banner('bad', `${t('ImportNotJson', file.name)} ${error.message}`);
      return;
    }
    const workflow = model.readWorkflow(value);
    if (!workflow) {
      banner('bad', t('ImportNotWorkflow', file.name));
      return;
    }
    // The test cases stay: an imported workflow is usually a new version of the one being tested.
    load(workflow, state.cases, t('Imported', file.name));
  }

  function exportFile() {
    const name = state.workflow.WorkflowName.trim() || 'workflow';
    downloadText(`${name}.json`, JSON.stringify(model.writeWorkflow(state.workflow), null, 2), 'application/json');
  }

  // ---- tree -----------------------------------------------------------------------------------------------------

  function select(path) {
    state.selected = path;
    renderTree();
    renderForm();
  }

  function treeNode(rule, path) {
    const own = problemsOf(model.pathText(path));
    const selected = state.selected && model.pathText(state.selected) === model.pathText(path);
    const button = h('button', {
      type: 'button',
      className: `tree-node${selected ? ' selected' : ''}${own.length ? ' has-problem' : ''}`,
      testid: 'rule-node',
      'aria-current': selected ? 'true' : null,
      onclick: () => select(path),
    },
    h('span', { className: 'node-name' }, rule.RuleName.trim() || t('Unnamed')),
    rule.Operator ? h('span', { className: 'node-operator' }, rule.Operator) : null,
    rule.Enabled ? null : h('span', { className: 'badge badge-neutral' }, t('Disabled')),
    own.length ? h('span', { className: 'badge badge-bad', testid: 'rule-node-problems', title: own.map((p) => `${p.path}: ${p.message}`).join('\n') }, t('ProblemCount', own.length)) : null);
    return h('li', { className: 'tree-item', 'data-rule-name': rule.RuleName, 'data-rule-path': model.pathText(path) }, button,
      rule.Rules.length ? h('ul', { className: 'tree' }, rule.Rules.map((child, i) => treeNode(child, [...path, i]))) : null);
  }

  function renderTree() {
    const sel = state.selected;
    const tool = (label, testid, onclick, disabled, extra) => h('button', { type: 'button', className: `button-quiet${extra ?? ''}`, testid, onclick, disabled: readOnly || disabled, title: label }, label);
    const own = problemsOf('');
    treePanel.replaceChildren(
      h('div', { className: 'tree-tools' },
        tool(`+ ${t('AddRule')}`, 'tree-add-rule', () => { state.selected = model.addSibling(state.workflow, sel); restructured(); }),
        tool(`+ ${t('AddChild')}`, 'tree-add-child', () => { state.selected = model.addChild(state.workflow, sel); restructured(); }, !sel),
        tool('↑', 'tree-up', () => { state.selected = model.move(state.workflow, sel, -1); restructured(); }, !sel, ' icon-button'),
        tool('↓', 'tree-down', () => { state.selected = model.move(state.workflow, sel, 1); restructured(); }, !sel, ' icon-button'),
        tool(t('Delete'), 'tree-delete', () => deleteRule(sel), !sel, ' danger')),
      h('button', { type: 'button', className: `tree-node root${sel ? '' : ' selected'}`, testid: 'workflow-node', onclick: () => select(null) },
        h('span', { className: 'node-name' }, state.workflow.WorkflowName.trim() || t('Unnamed')),
        h('span', { className: 'node-operator' }, t('WorkflowBadge')),
        own.length ? h('span', { className: 'badge badge-bad', testid: 'workflow-node-problems' }, t('ProblemCount', own.length)) : null),
      state.workflow.Rules.length
        ? h('ul', { className: 'tree' }, state.workflow.Rules.map((r, i) => treeNode(r, [i])))
        : h('p', { className: 'muted tree-empty' }, t('NoRules')),
      keptAt ? h('p', { className: 'draft-note', testid: 'rules-draft-note' }, state.kept ? t('DraftKept') : t('DraftNotKept')) : null);
    // Tool titles name the arrows for screen readers too.
    treePanel.querySelector('[data-testid=tree-up]').setAttribute('aria-label', t('MoveUp'));
    treePanel.querySelector('[data-testid=tree-down]').setAttribute('aria-label', t('MoveDown'));
  }

  let treeSoon = null;
  function renderTreeSoon() {
    clearTimeout(treeSoon);
    treeSoon = setTimeout(renderTree, 150);
  }

  const forms = createRuleForms(formPanel, { state, t, readOnly, changed, restructured, renderTree, renderTreeSoon, problemsOf });
  const tests = createTestPanel(testPanel, { state, t, canEdit, save });

  function renderForm() {
    forms.render();
  }

  function renderAll() {
    renderTree();
    renderForm();
    renderStatus();
  }

  // ---- start ----------------------------------------------------------------------------------------------------

  renderSamples();
  renderAll();
  tests.render();
  save();
  validate();
  api('GET', '/api/v1/rules/samples').then((response) => {
    state.samples = response.ok && Array.isArray(response.body) ? response.body : [];
    renderSamples();
  });
  return { getWorkflow: () => model.writeWorkflow(state.workflow) };
}

// The page is rendered on the server; the editor starts wherever its mount element is, once the DOM is there.
function mountAll() {
  document.querySelectorAll('[data-luohu-mount=rules]').forEach(mountRulesEditor);
}

onReady(mountAll);
