import { api } from './api.js';
import { createExpressionEditor, loadRulesDraft, saveRulesDraft, downloadText } from './rulesEditor.js';
import * as model from './rulesModel.js';
import { renderResults } from './rulesResults.js';
import './styles/rules.css';

// The Rules page of the designer: a workflow as a tree, the selected rule's form beside it, expressions in
// CodeMirror, validation through POST /api/v1/rules/validate as the user types (debounced), and a test panel
// running POST /api/v1/rules/evaluate. The page (Pages/Rules.razor) renders the frame and a mount element carrying
// the strings of the current language (data-strings) and whether the user may change and run rules (data-can-edit);
// everything the user does here goes through the hub's API with the session cookie.

const storageKey = 'luohu.designer.rules.draft.v1';
const validateDelayMs = 500;

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on')) {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'className') {
      el.className = value;
    } else if (key === 'testid') {
      el.dataset.testid = value;
    } else if (key === 'value') {
      el.value = value;
    } else if (key === 'checked') {
      el.checked = !!value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

export function mountRulesEditor(element) {
  if (!element || element.dataset.mounted === 'true') {
    return;
  }
  element.dataset.mounted = 'true';
  const strings = JSON.parse(element.dataset.strings || '{}');
  const t = (key, ...args) => (strings[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
  const canEdit = element.dataset.canEdit === 'true';
  const readOnly = !canEdit;

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
  const stored = readStored(loadRulesDraft(storageKey));
  if (stored) {
    Object.assign(state, stored);
  }

  let fields = new Map();
  let editors = [];
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
    const kept = saveRulesDraft(storageKey, JSON.stringify({ workflow: model.writeWorkflow(state.workflow), cases: state.cases, selectedCase: state.selectedCase }));
    if (kept !== state.kept) {
      state.kept = kept;
      renderTree();
    }
  }

  // A text edit: keep it, and ask the hub once the user pauses.
  function changed() {
    save();
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
    showProblems();
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
    h('button', { type: 'button', className: 'button-quiet', testid: 'rules-new', onclick: () => load(model.newWorkflow(), [{ name: t('TestCaseNew', 1), text: '{\n}' }], null) }, t('New')),
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

  function banner(kind, message) {
    const close = h('button', { type: 'button', className: 'button-quiet', onclick: () => box.remove() }, t('Dismiss'));
    const box = h('div', { className: `banner banner-${kind}`, role: kind === 'bad' ? 'alert' : 'status', testid: kind === 'bad' ? 'rules-import-error' : 'rules-notice' }, h('span', {}, message), close);
    banners.replaceChildren(box);
  }

  function load(workflow, cases, notice) {
    state.workflow = workflow;
    state.cases = cases.length ? cases : [{ name: t('TestCaseNew', 1), text: '{\n}' }];
    state.selectedCase = 0;
    state.selected = null;
    state.problems = [];
    state.result = null;
    banners.replaceChildren();
    if (notice) {
      banner('note', notice);
    }
    renderAll();
    renderTestPanel();
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
        tool(t('Delete'), 'tree-delete', () => { state.selected = model.remove(state.workflow, sel); restructured(); }, !sel, ' danger')),
      h('button', { type: 'button', className: `tree-node root${sel ? '' : ' selected'}`, testid: 'workflow-node', onclick: () => select(null) },
        h('span', { className: 'node-name' }, state.workflow.WorkflowName.trim() || t('Unnamed')),
        h('span', { className: 'node-operator' }, t('WorkflowBadge')),
        own.length ? h('span', { className: 'badge badge-bad', testid: 'workflow-node-problems' }, t('ProblemCount', own.length)) : null),
      state.workflow.Rules.length
        ? h('ul', { className: 'tree' }, state.workflow.Rules.map((r, i) => treeNode(r, [i])))
        : h('p', { className: 'muted tree-empty' }, t('NoRules')),
      h('p', { className: 'draft-note', testid: 'rules-draft-note' }, state.kept ? t('DraftKept') : t('DraftNotKept')));
    // Tool titles name the arrows for screen readers too.
    treePanel.querySelector('[data-testid=tree-up]').setAttribute('aria-label', t('MoveUp'));
    treePanel.querySelector('[data-testid=tree-down]').setAttribute('aria-label', t('MoveDown'));
  }

  // ---- forms ----------------------------------------------------------------------------------------------------

  function problemBox(path) {
    const box = h('div', { className: 'field-problems', testid: 'field-problems', 'data-path': path });
    fields.set(path, { ...(fields.get(path) ?? {}), box });
    return box;
  }

  function input(path, value, onValue, attrs) {
    const el = h('input', { className: 'text-input', value, disabled: readOnly, ...attrs, oninput: (e) => { onValue(e.target.value); changed(); } });
    fields.set(path, { ...(fields.get(path) ?? {}), input: el });
    return el;
  }

  function expression(path, value, onValue, testid) {
    const host = h('div', { className: 'lh-expression', testid: `${testid}-editor` });
    const editor = createExpressionEditor(host, value, (text) => { onValue(text); changed(); }, readOnly);
    editors.push(editor);
    fields.set(path, { ...(fields.get(path) ?? {}), editor, host });
    return h('div', { className: 'expression-field', testid }, host, problemBox(path));
  }

  function field(label, hint, ...content) {
    return h('div', { className: 'field' }, h('span', { className: 'field-label' }, label), hint ? h('span', { className: 'field-hint' }, hint) : null, ...content);
  }

  function paramsEditor(list, prefix, testid) {
    const wrap = h('div', { className: 'params', testid });
    list.forEach((p, i) => {
      wrap.append(h('div', { className: 'param' },
        h('div', { className: 'param-name' },
          input(`${prefix}[${i}].Name`, p.Name, (v) => { p.Name = v.trim(); }, { placeholder: t('ParamNamePlaceholder'), testid: `${testid}-name-${i}`, 'aria-label': t('ParamNamePlaceholder') }),
          problemBox(`${prefix}[${i}].Name`)),
        h('div', { className: 'param-expression' }, expression(`${prefix}[${i}].Expression`, p.Expression, (v) => { p.Expression = v; }, `${testid}-expression-${i}`)),
        readOnly ? null : h('button', { type: 'button', className: 'button-quiet icon-button', title: t('RemoveParam'), 'aria-label': t('RemoveParam'), onclick: () => { list.splice(i, 1); restructured(); } }, '✕')));
    });
    if (!readOnly) {
      wrap.append(h('button', { type: 'button', className: 'button-quiet', testid: `${testid}-add`, onclick: () => { list.push({ Name: `p${list.length + 1}`, Expression: '0' }); restructured(); } }, `+ ${t('AddParam')}`));
    } else if (!list.length) {
      wrap.append(h('span', { className: 'muted' }, t('NoParams')));
    }
    return wrap;
  }

  function actionEditor(rule, which, label, prefix, testid) {
    const current = rule[which];
    const kinds = [['', t('ActionNone')], [model.outputExpression, t('ActionOutputExpression')], [model.evaluateRule, t('ActionEvaluateRule')]];
    if (current && !kinds.some(([k]) => k === current.Name)) {
      kinds.push([current.Name, current.Name]);
    }
    const select = h('select', { className: 'text-input', disabled: readOnly, testid: `${testid}-kind`, 'aria-label': label, onchange: (e) => {
      const kind = e.target.value;
      rule[which] = kind ? { Name: kind, Context: kind === model.outputExpression ? { Expression: '({ })' } : { RuleName: '' } } : null;
      restructured();
    } }, kinds.map(([k, text]) => h('option', { value: k, selected: (current?.Name ?? '') === k }, text)));
    const box = h('div', { className: 'action', testid }, h('span', { className: 'field-label' }, label), select, problemBox(`${prefix}.Name`));
    if (current?.Name === model.outputExpression) {
      box.append(h('span', { className: 'field-hint' }, t('OutputExpressionHint')),
        expression(`${prefix}.Context.Expression`, current.Context.Expression ?? '', (v) => { current.Context.Expression = v; }, `${testid}-expression`));
    } else if (current?.Name === model.evaluateRule) {
      box.append(h('div', { className: 'action-chain' },
        h('label', {}, h('span', { className: 'field-hint' }, t('ChainRuleName')),
          input(`${prefix}.Context.RuleName`, current.Context.RuleName ?? '', (v) => { current.Context.RuleName = v.trim(); }, { testid: `${testid}-rule` })),
        h('label', {}, h('span', { className: 'field-hint' }, t('ChainWorkflowName')),
          input(`${prefix}.Context.WorkflowName`, current.Context.WorkflowName ?? '', (v) => { current.Context.WorkflowName = v.trim(); }, {}))),
      problemBox(`${prefix}.Context.RuleName`));
    }
    return box;
  }

  function ruleForm(rule, path) {
    const at = model.pathText(path);
    const form = h('section', { className: 'form', testid: 'rule-form' },
      h('div', { className: 'form-head' }, h('h2', {}, t('RuleTitle')), h('span', { className: 'mono muted' }, at)),
      problemBox(`${at}.*`),
      h('div', { className: 'field-row' },
        h('label', { className: 'field grow' }, h('span', { className: 'field-label' }, t('RuleName')),
          input(`${at}.RuleName`, rule.RuleName, (v) => { rule.RuleName = v.trim(); renderTreeSoon(); }, { testid: 'rule-name' }), problemBox(`${at}.RuleName`)),
        h('label', { className: 'field check' },
          h('input', { type: 'checkbox', checked: rule.Enabled, disabled: readOnly, testid: 'rule-enabled', onchange: (e) => { rule.Enabled = e.target.checked; renderTree(); changed(); } }),
          h('span', {}, t('RuleEnabled')))));
    if (rule.Rules.length || rule.Operator) {
      const select = h('select', { className: 'text-input', disabled: readOnly, testid: 'rule-operator', onchange: (e) => { rule.Operator = e.target.value; renderTree(); changed(); } },
        h('option', { value: '', selected: !rule.Operator }, t('OperatorNone')),
        model.operators.map((op) => h('option', { value: op, selected: rule.Operator === op }, t(`Operator${op}`))));
      fields.set(`${at}.Operator`, { input: select });
      form.append(field(t('RuleOperator'), t('OperatorHint'), select, problemBox(`${at}.Operator`)));
    }
    if (!rule.Rules.length || rule.Expression.trim()) {
      form.append(field(t('RuleExpression'), t('ExpressionHint'), expression(`${at}.Expression`, rule.Expression, (v) => { rule.Expression = v; }, 'rule-expression')));
    }
    form.append(
      field(t('LocalParams'), t('LocalParamsHint'), paramsEditor(rule.LocalParams, `${at}.LocalParams`, 'local-params')),
      h('div', { className: 'field-row' },
        h('label', { className: 'field grow' }, h('span', { className: 'field-label' }, t('SuccessEvent')),
          input(`${at}.SuccessEvent`, rule.SuccessEvent, (v) => { rule.SuccessEvent = v.trim(); }, { testid: 'rule-success-event', placeholder: 'parking.nearly-full' })),
        h('label', { className: 'field grow' }, h('span', { className: 'field-label' }, t('ErrorMessage')),
          input(`${at}.ErrorMessage`, rule.ErrorMessage, (v) => { rule.ErrorMessage = v; }, { testid: 'rule-error-message' }))),
      actionEditor(rule, 'OnSuccess', t('OnSuccess'), `${at}.Actions.OnSuccess`, 'on-success'),
      actionEditor(rule, 'OnFailure', t('OnFailure'), `${at}.Actions.OnFailure`, 'on-failure'));
    return form;
  }

  function workflowForm() {
    return h('section', { className: 'form', testid: 'workflow-form' },
      h('div', { className: 'form-head' }, h('h2', {}, t('WorkflowTitle'))),
      problemBox('*'),
      h('label', { className: 'field' }, h('span', { className: 'field-label' }, t('WorkflowName')),
        input('WorkflowName', state.workflow.WorkflowName, (v) => { state.workflow.WorkflowName = v.trim(); renderTreeSoon(); }, { testid: 'workflow-name' }), problemBox('WorkflowName')),
      field(t('GlobalParams'), t('GlobalParamsHint'), paramsEditor(state.workflow.GlobalParams, 'GlobalParams', 'global-params')),
      h('p', { className: 'field-hint' }, t('WorkflowFormHint')));
  }

  let treeSoon = null;
  function renderTreeSoon() {
    clearTimeout(treeSoon);
    treeSoon = setTimeout(renderTree, 150);
  }

  function renderForm() {
    editors.forEach((e) => e.dispose());
    editors = [];
    fields = new Map();
    const rule = state.selected ? model.ruleAt(state.workflow, state.selected) : null;
    if (!rule) {
      state.selected = null;
    }
    formPanel.replaceChildren(rule ? ruleForm(rule, state.selected) : workflowForm());
    showProblems();
  }

  // The validator's problems at their fields; those of the shown rule (or workflow) without a field go on top ('*').
  function showProblems() {
    const shown = new Set();
    for (const [path, f] of fields) {
      if (path.endsWith('*')) {
        continue;
      }
      const list = state.problems.filter((p) => p.path === path);
      list.forEach((p) => shown.add(p));
      f.box?.replaceChildren(...list.map(problemLine));
      f.host?.classList.toggle('lh-has-problem', list.length > 0);
      f.input?.classList.toggle('has-problem', list.length > 0);
      f.editor?.setProblems(list.map((p) => ({ ...model.positionOf(p.message), message: p.message })));
    }
    const rulePath = state.selected ? model.pathText(state.selected) : '';
    const rest = problemsOf(rulePath).filter((p) => !shown.has(p));
    fields.get(rulePath ? `${rulePath}.*` : '*')?.box?.replaceChildren(...rest.map((p) => problemLine(p, true)));
  }

  function problemLine(p, withPath) {
    const pos = model.positionOf(p.message);
    return h('div', { className: 'field-problem', testid: 'field-problem' },
      withPath ? h('span', { className: 'mono problem-where' }, model.ownerOf(p.path).field || p.path) : null,
      pos.line ? h('span', { className: 'problem-where' }, t('AtLineColumn', pos.line, pos.column)) : null,
      h('span', {}, p.message));
  }

  function renderAll() {
    renderTree();
    renderForm();
    renderStatus();
  }

  // ---- test panel -----------------------------------------------------------------------------------------------

  const results = h('div', { className: 'test-results', testid: 'test-results' });

  function renderTestPanel() {
    const current = state.cases[state.selectedCase];
    const caseSelect = h('select', { id: 'rules-test-case', className: 'text-input', testid: 'test-case', onchange: (e) => { state.selectedCase = Number(e.target.value); save(); renderTestPanel(); } },
      state.cases.map((c, i) => h('option', { value: String(i), selected: i === state.selectedCase }, c.name)));
    const inputsProblem = h('div', { className: 'field-problems', testid: 'test-inputs-problem-box' });
    const textarea = h('textarea', { className: 'text-input inputs-text', spellcheck: 'false', testid: 'test-inputs', 'aria-label': t('TestInputs'),
      oninput: (e) => { current.text = e.target.value; inputsProblem.replaceChildren(); textarea.classList.remove('has-problem'); save(); } });
    textarea.value = current.text;
    const run = h('button', { type: 'button', className: 'button-primary', testid: 'test-run', disabled: !canEdit, onclick: async () => {
      let inputs;
      try {
        inputs = JSON.parse(current.text);
      } catch (error) {
        inputsProblem.replaceChildren(h('div', { className: 'field-problem', testid: 'test-inputs-problem' }, `${t('InputsNotJson')} ${error.message}`));
        textarea.classList.add('has-problem');
        return;
      }
      if (!inputs || typeof inputs !== 'object' || Array.isArray(inputs)) {
        inputsProblem.replaceChildren(h('div', { className: 'field-problem', testid: 'test-inputs-problem' }, t('InputsNotObject')));
        textarea.classList.add('has-problem');
        return;
      }
      run.disabled = true;
      run.textContent = t('TestRunning');
      const response = await api('POST', '/api/v1/rules/evaluate', { workflow: model.writeWorkflow(state.workflow), inputs });
      run.disabled = false;
      run.textContent = t('TestRun');
      state.result = response;
      renderResults(results, response, t);
    } }, t('TestRun'));
    testPanel.replaceChildren(
      h('div', { className: 'form-head' }, h('h2', {}, t('TestTitle')), h('span', { className: 'field-hint' }, t('TestHint'))),
      h('div', { className: 'test-grid' },
        h('div', { className: 'test-inputs' },
          h('div', { className: 'case-bar' },
            h('label', { className: 'field-label', for: 'rules-test-case' }, t('TestCase')), caseSelect,
            h('button', { type: 'button', className: 'button-quiet', testid: 'test-case-add', onclick: () => {
              state.cases.push({ name: t('TestCaseNew', state.cases.length + 1), text: current.text });
              state.selectedCase = state.cases.length - 1;
              save();
              renderTestPanel();
            } }, `+ ${t('TestCaseAdd')}`),
            state.cases.length > 1 ? h('button', { type: 'button', className: 'button-quiet', testid: 'test-case-delete', onclick: () => {
              state.cases.splice(state.selectedCase, 1);
              state.selectedCase = Math.max(0, state.selectedCase - 1);
              save();
              renderTestPanel();
            } }, t('TestCaseDelete')) : null),
          h('label', { className: 'field' }, h('span', { className: 'field-label' }, t('TestCaseName')),
            h('input', { className: 'text-input', value: current.name, testid: 'test-case-name', onchange: (e) => { current.name = e.target.value.trim() || current.name; save(); renderTestPanel(); } })),
          h('div', { className: 'field' }, h('span', { className: 'field-label' }, t('TestInputs')), h('span', { className: 'field-hint' }, t('TestInputsHint')), textarea, inputsProblem),
          h('div', { className: 'run-bar' }, run, canEdit ? null : h('span', { className: 'field-hint' }, t('TestNeedsRole')))),
        results));
    if (!state.result) {
      results.replaceChildren(h('p', { className: 'muted' }, t('TestNoResult')));
    }
  }

  // ---- start ----------------------------------------------------------------------------------------------------

  renderSamples();
  renderAll();
  renderTestPanel();
  save();
  validate();
  api('GET', '/api/v1/rules/samples').then((response) => {
    state.samples = response.ok && Array.isArray(response.body) ? response.body : [];
    renderSamples();
  });
}

// The page is rendered on the server; the editor starts wherever its mount element is, once the DOM is there.
function mountAll() {
  document.querySelectorAll('[data-luohu-mount=rules]').forEach(mountRulesEditor);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', mountAll);
} else {
  mountAll();
}
