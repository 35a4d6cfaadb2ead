import { api } from './api.js';
import { downloadText } from './rulesEditor.js';
import { format, h, onReady } from './dom.js';
import { createRuleForms } from './rulesForms.js';
import { createLibraryPanel } from './rulesLibrary.js';
import * as model from './rulesModel.js';
import { createTestPanel } from './rulesTestPanel.js';
import './styles/rules.css';

// The Rules page of the designer: the department's rules library beside a workflow editor — the workflow as a tree,
// the selected rule's form, expressions in CodeMirror, validation through POST /api/v1/rules/validate as the user
// types (debounced), and a test panel running POST /api/v1/rules/evaluate. Save keeps the draft and its test cases
// in the library (PUT /api/v1/rules/library/{department}/{name}); Publish makes it the next version, live in every
// flow that follows it. The page (Pages/Rules.razor) renders the frame and a mount element carrying the strings of
// the current language (data-strings), whether the user may change and run rules (data-can-edit), the departments
// they work for (data-departments) and the workflow to open (data-open, from ?department=&name=).

const validateDelayMs = 500;
const importLimitKb = 1024;

// Starts the editor in `element`. The Rules page passes nothing: everything comes from the element's data
// attributes and the library. A flow's rule node embeds it with `options`: { workflow, onChange(workflowJson),
// strings, canEdit } — no library, nothing kept; the node keeps the workflow in its config.
// Returns { getWorkflow() } (the RulesEngine JSON), or null when the element already holds an editor.
export function mountRulesEditor(element, options) {
  if (!element || element.dataset.mounted === 'true') {
    return null;
  }
  element.dataset.mounted = 'true';
  const o = options ?? {};
  const embedded = o.workflow !== undefined || typeof o.onChange === 'function';
  const strings = o.strings ?? JSON.parse(element.dataset.strings || '{}');
  const t = (key, ...args) => format(strings[key] ?? key, ...args);
  const canEdit = o.canEdit ?? element.dataset.canEdit === 'true';
  const readOnly = !canEdit;
  const departments = embedded ? [] : JSON.parse(element.dataset.departments || '[]');
  const opening = embedded ? null : JSON.parse(element.dataset.open || 'null');
  const firstCase = () => [{ name: t('TestCaseNew', 1), text: '{\n}' }];

  const state = {
    workflow: model.readWorkflow(o.workflow) ?? model.newWorkflow(),
    cases: firstCase(),
    selectedCase: 0,
    selected: null,
    problems: [],
    validation: 'none',
    // The library workflow being edited: { department, name (null until first saved), description, detail }.
    library: null,
    saved: null,
    busy: false,
  };

  let validateTimer = null;
  let validateCall = 0;

  const toolbar = h('div', { className: 'rules-toolbar', testid: 'rules-toolbar' });
  const banners = h('div', { className: 'rules-banners' });
  const treePanel = h('aside', { className: 'rules-card tree-panel', testid: 'rule-tree' });
  const formPanel = h('div', { className: 'rules-card form-panel' });
  const testPanel = h('section', { className: 'rules-card test-panel', testid: 'test-panel' });
  const libraryHost = h('aside', { className: 'rules-card library-panel', testid: 'rules-library' });
  const editorParts = [h('div', { className: 'editor-grid' }, treePanel, formPanel), testPanel];
  element.replaceChildren(toolbar, banners, embedded
    ? h('div', { className: 'rules-main' }, ...editorParts)
    : h('div', { className: 'rules-layout' }, libraryHost, h('div', { className: 'rules-main' }, ...editorParts)));

  // ---- what is saved, validation ---------------------------------------------------------------------------------

  // What Save would store, to tell saved from unsaved.
  function current() {
    return JSON.stringify({ workflow: model.writeWorkflow(state.workflow), cases: state.cases.map((c) => [c.name, c.text]), description: state.library?.description ?? '' });
  }

  function isDirty() {
    return !!state.library && (state.library.name === null || current() !== state.saved);
  }

  // Anything on screen changed: tell an embedding page, and show whether it is saved.
  function touched() {
    if (typeof o.onChange === 'function') {
      o.onChange(model.writeWorkflow(state.workflow));
    }
    renderSaveState();
  }

  // A text edit: note it, and ask the hub once the user pauses.
  function changed() {
    touched();
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
    const cases = casesObject();
    const first = cases.ok ? Object.values(cases.value)[0] : undefined;
    // With the first test case as inputs, lambda expressions are also checked against the inputs' types.
    const body = first ? { workflow: model.writeWorkflow(state.workflow), inputs: first } : model.writeWorkflow(state.workflow);
    const response = await api('POST', '/api/v1/rules/validate', body);
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

  // The test cases as the library keeps them: { "case name": { input: value } }; a case that is not a JSON object
  // stops the save (nothing is half-saved) and says which.
  function casesObject() {
    const value = {};
    for (let i = 0; i < state.cases.length; i++) {
      const c = state.cases[i];
      let inputs;
      try {
        inputs = JSON.parse(c.text);
      } catch {
        return { ok: false, index: i, name: c.name };
      }
      if (!inputs || typeof inputs !== 'object' || Array.isArray(inputs)) {
        return { ok: false, index: i, name: c.name };
      }
      value[c.name] = inputs;
    }
    return { ok: true, value };
  }

  // ---- toolbar and banners --------------------------------------------------------------------------------------

  const status = h('span', { className: 'status', testid: 'rules-status', 'aria-live': 'polite' });
  const saveState = h('span', { className: 'status', testid: 'rules-save-state', 'aria-live': 'polite' });
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', testid: 'rules-import-file', disabled: readOnly && !embedded, onchange: importFile });
  const saveButton = h('button', { type: 'button', className: 'button-primary', testid: 'rules-save', disabled: readOnly, onclick: () => saveToLibrary() }, t('Save'));
  const publishButton = h('button', { type: 'button', className: 'button-quiet', testid: 'rules-publish', disabled: readOnly, onclick: askPublish }, t('Publish'));
  toolbar.append(...[
    embedded ? null : saveButton,
    embedded ? null : publishButton,
    h('label', { className: `button-quiet file-button${readOnly && !embedded ? ' disabled' : ''}`, testid: 'rules-import' }, t(embedded ? 'Import' : 'ImportToLibrary'), fileInput),
    h('button', { type: 'button', className: 'button-quiet', testid: 'rules-export', onclick: exportFile }, t('Export')),
    embedded ? null : h('button', { type: 'button', className: 'button-quiet', testid: 'rules-export-department', onclick: exportDepartment }, t('ExportDepartment')),
    h('span', { className: 'toolbar-spacer' }),
    embedded ? null : saveState,
    status,
  ].filter(Boolean));

  function renderStatus() {
    const text = { checking: t('StatusChecking'), valid: t('StatusValid'), invalid: t('StatusProblems', state.problems.length), failed: `${t('StatusCheckFailed')} ${state.validationMessage ?? ''}` }[state.validation] ?? '';
    const css = { checking: 'badge-neutral', valid: 'badge-good', invalid: 'badge-bad', failed: 'badge-bad' }[state.validation];
    status.textContent = text;
    status.className = css ? `status badge ${css}` : 'status';
  }

  function renderSaveState() {
    if (embedded || !state.library) {
      return;
    }
    const lib = state.library;
    const [text, css] = state.busy ? [t('Saving'), 'badge-neutral']
      : lib.name === null ? [t('NotSavedYet'), 'badge-warn']
        : isDirty() ? [t('UnsavedChanges'), 'badge-warn']
          : lib.detail?.latestVersion && lib.detail.hasUnpublishedChanges ? [t('SavedNotPublished', lib.detail.latestVersion), 'badge-neutral']
            : lib.detail?.latestVersion ? [t('SavedAndLive', lib.detail.latestVersion), 'badge-good']
              : [t('SavedNeverPublished'), 'badge-neutral'];
    saveState.textContent = text;
    saveState.className = `status badge ${css}`;
    saveButton.disabled = readOnly || state.busy;
    publishButton.disabled = readOnly || state.busy;
  }

  // A message over the editor; `undo` (optional) puts back what the action replaced, since nothing here asks first.
  function banner(kind, message, undo, ...extra) {
    const box = h('div', { className: `banner banner-${kind}`, role: kind === 'bad' ? 'alert' : 'status', testid: kind === 'bad' ? 'rules-error' : 'rules-notice' },
      h('span', { className: 'banner-text' }, message),
      h('span', { className: 'banner-actions' },
        ...extra,
        undo ? h('button', { type: 'button', className: 'button-quiet', testid: 'rules-undo', onclick: () => { banners.replaceChildren(); undo(); } }, t('Undo')) : null,
        h('button', { type: 'button', className: 'button-quiet', onclick: () => box.remove() }, t('Dismiss'))));
    banners.replaceChildren(box);
    return box;
  }

  function problemText(response) {
    return [response.problem?.title, response.problem?.detail].filter(Boolean).join(': ');
  }

  function snapshot() {
    const before = JSON.stringify({ workflow: model.writeWorkflow(state.workflow), cases: state.cases, selectedCase: state.selectedCase, selected: state.selected, library: state.library, saved: state.saved });
    return () => {
      const back = JSON.parse(before);
      state.workflow = model.readWorkflow(back.workflow);
      state.cases = back.cases;
      state.selectedCase = back.selectedCase;
      state.selected = back.selected;
      state.library = back.library;
      state.saved = back.saved;
      state.problems = [];
      state.result = null;
      afterLoad();
    };
  }

  function deleteRule(path) {
    const undo = snapshot();
    const name = model.ruleAt(state.workflow, path)?.RuleName ?? '';
    state.selected = model.remove(state.workflow, path);
    restructured();
    banner('note', t('DeletedRule', name), undo);
  }

  // Shows a workflow (and its cases, and which library workflow it is) as the one being edited.
  function load(workflow, cases, library) {
    state.workflow = workflow;
    state.cases = cases.length ? cases : firstCase();
    state.selectedCase = 0;
    state.selected = null;
    state.problems = [];
    state.result = null;
    if (library !== undefined) {
      state.library = library;
    }
    banners.replaceChildren();
    afterLoad();
  }

  function afterLoad() {
    renderAll();
    tests.render();
    touched();
    validate();
    if (!embedded) {
      library.showDetail(state.library?.detail ?? null);
      library.renderList();
      remember();
    }
  }

  // The address names the open workflow, so a reload or a language switch comes back to it.
  function remember() {
    const url = new URL(window.location.href);
    url.search = '';
    if (state.library?.name) {
      url.searchParams.set('department', state.library.department);
      url.searchParams.set('name', state.library.name);
    }
    window.history.replaceState(null, '', url);
    const back = document.querySelector('form[data-testid=language-switch] input[name=returnUrl]');
    if (back) {
      back.value = url.pathname + url.search;
    }
  }

  // ---- the library -----------------------------------------------------------------------------------------------

  // Leaves what is on screen for something else; unsaved changes can be had back with Undo.
  function leaving() {
    if (!isDirty()) {
      return null;
    }
    const name = state.library.name ?? state.workflow.WorkflowName;
    const undo = snapshot();
    return () => banner('note', t('LeftUnsaved', name), undo);
  }

  async function openWorkflow(department, name) {
    const response = await api('GET', `/api/v1/rules/library/${encodeURIComponent(department)}/${encodeURIComponent(name)}`);
    if (!response.ok) {
      banner('bad', t('OpenFailed', name, problemText(response)));
      return false;
    }
    const left = leaving();
    const d = response.body;
    load(model.readWorkflow(d.draft) ?? model.newWorkflow(), model.casesOf(d.testCases), { department, name, description: d.description ?? '', detail: d });
    state.saved = current();
    renderSaveState();
    left?.();
    return true;
  }

  function startNew(department) {
    const left = leaving();
    load(model.newWorkflow(), firstCase(), { department, name: null, description: '', detail: null });
    state.saved = null;
    renderSaveState();
    if (left) {
      left();
    } else {
      banner('note', t('NewStarted'));
    }
  }

  async function reloadDetail() {
    const lib = state.library;
    const response = await api('GET', `/api/v1/rules/library/${encodeURIComponent(lib.department)}/${encodeURIComponent(lib.name)}`);
    if (response.ok) {
      lib.detail = response.body;
      library.showDetail(lib.detail);
    }
    await library.refresh();
    renderSaveState();
  }

  // Saves the draft and its test cases; resolves true when the library has exactly what is on screen.
  async function saveToLibrary() {
    const lib = state.library;
    if (!lib || readOnly || state.busy) {
      return false;
    }
    const cases = casesObject();
    if (!cases.ok) {
      state.selectedCase = cases.index;
      tests.render();
      banner('bad', t('SaveCaseNotJson', cases.name));
      return false;
    }
    const name = lib.name ?? state.workflow.WorkflowName;
    const body = { name, description: lib.description || null, workflow: model.writeWorkflow(state.workflow), testCases: cases.value };
    const sent = current();
    state.busy = true;
    renderSaveState();
    const response = lib.name === null
      ? await api('POST', `/api/v1/rules/library/${encodeURIComponent(lib.department)}`, body)
      : await api('PUT', `/api/v1/rules/library/${encodeURIComponent(lib.department)}/${encodeURIComponent(lib.name)}`, body);
    state.busy = false;
    if (!response.ok) {
      renderSaveState();
      banner('bad', t('SaveFailed', problemText(response)));
      return false;
    }
    lib.name = name;
    state.saved = sent;
    state.problems = Array.isArray(response.body?.problems) ? response.body.problems : state.problems;
    await reloadDetail();
    remember();
    renderAll();
    banner('note', state.problems.length ? t('SavedWithProblems', state.problems.length) : t('Saved', name));
    return true;
  }

  function askPublish() {
    if (!state.library || readOnly) {
      return;
    }
    const comment = h('input', { className: 'text-input publish-comment', testid: 'publish-comment', placeholder: t('PublishCommentPlaceholder'), 'aria-label': t('PublishComment') });
    const next = (state.library.detail?.latestVersion ?? 0) + 1;
    const go = h('button', { type: 'button', className: 'button-primary', testid: 'publish-confirm', onclick: () => publish(comment.value.trim()) }, t('PublishVersion', next));
    comment.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        go.click();
      }
    });
    banner('publish', isDirty() ? t('PublishSavesFirst') : t('PublishExplain'), null, comment, go);
    comment.focus();
  }

  async function publish(comment) {
    if (isDirty() && !(await saveToLibrary())) {
      return;
    }
    const lib = state.library;
    state.busy = true;
    renderSaveState();
    const response = await api('POST', `/api/v1/rules/library/${encodeURIComponent(lib.department)}/${encodeURIComponent(lib.name)}/publish`, comment ? { comment } : undefined);
    state.busy = false;
    if (!response.ok) {
      const problems = Array.isArray(response.body?.problems) ? response.body.problems : [];
      if (problems.length) {
        state.problems = problems;
        state.validation = 'invalid';
        renderAll();
      }
      renderSaveState();
      banner('bad', t('PublishFailed', problemText(response)));
      return;
    }
    await reloadDetail();
    banner('note', t('Published', lib.name, response.body.version));
  }

  async function rollback(version) {
    const lib = state.library;
    const response = await api('POST', `/api/v1/rules/library/${encodeURIComponent(lib.department)}/${encodeURIComponent(lib.name)}/rollback/${version}`);
    if (!response.ok) {
      banner('bad', t('RollbackFailed', problemText(response)));
      return;
    }
    await reloadDetail();
    banner('note', t('RolledBack', version, response.body.version));
  }

  // An earlier version into the editor, as unsaved changes of the draft (Save keeps them, Undo puts the draft back).
  function loadVersion(document) {
    const undo = snapshot();
    state.workflow = model.readWorkflow(document.workflow) ?? state.workflow;
    state.selected = null;
    state.problems = [];
    state.result = null;
    afterLoad();
    banner('note', t('LoadedVersion', document.version), undo);
  }

  // ---- files ----------------------------------------------------------------------------------------------------

  async function importFile() {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) {
      return;
    }
    if (file.size > importLimitKb * 1024) {
      banner('bad', t('ImportTooLarge', file.name, importLimitKb));
      return;
    }
    let value;
    try {
      value = JSON.parse(await file.text());
    } catch (error) {
      banner('bad', `${t('ImportNotJson', file.name)} ${error.message}`);
      return;
    }
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0 || list.some((w) => !model.readWorkflow(w))) {
      banner('bad', t('ImportNotWorkflow', file.name));
      return;
    }
    if (embedded) {
      // The test cases stay: an imported workflow is usually a new version of the one being tested.
      const undo = snapshot();
      load(model.readWorkflow(list[0]), state.cases);
      banner('note', t('Imported', file.name), undo);
      return;
    }
    // Into the library: each workflow by its WorkflowName, as a draft (publishing stays a separate step).
    const department = library.department;
    const response = await api('POST', `/api/v1/rules/import/${encodeURIComponent(department)}`, value);
    if (!response.ok) {
      banner('bad', t('ImportFailed', file.name, problemText(response)));
      return;
    }
    const results = response.body ?? [];
    await library.refresh();
    if (results.length) {
      await openWorkflow(department, results[0].name);
    }
    banner('note', t('ImportedToLibrary', file.name, results.map((r) => r.name).join(', ')));
  }

  function exportFile() {
    const name = state.workflow.WorkflowName.trim() || 'workflow';
    downloadText(`${name}.json`, JSON.stringify(model.writeWorkflow(state.workflow), null, 2), 'application/json');
  }

  async function exportDepartment() {
    const department = library.department;
    const response = await api('GET', `/api/v1/rules/export/${encodeURIComponent(department)}`);
    if (!response.ok) {
      banner('bad', problemText(response));
      return;
    }
    downloadText(`${department}-rules.json`, JSON.stringify(response.body, null, 2), 'application/json');
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
        : h('p', { className: 'muted tree-empty' }, t('NoRules')));
    // Tool titles name the arrows for screen readers too.
    treePanel.querySelector('[data-testid=tree-up]').setAttribute('aria-label', t('MoveUp'));
    treePanel.querySelector('[data-testid=tree-down]').setAttribute('aria-label', t('MoveDown'));
  }

  let treeSoon = null;
  function renderTreeSoon() {
    clearTimeout(treeSoon);
    treeSoon = setTimeout(renderTree, 150);
  }

  const forms = createRuleForms(formPanel, { state, t, readOnly, changed, restructured, renderTree, renderTreeSoon, problemsOf, nameLocked: () => !!state.library?.name });
  const tests = createTestPanel(testPanel, { state, t, canEdit, save: () => { touched(); tests.markStale(); } });
  const library = embedded ? null : createLibraryPanel(libraryHost, {
    t, canEdit, departments,
    current: () => ({ department: state.library?.department, name: state.library?.name }),
    onOpen: openWorkflow,
    onNew: startNew,
    onRollback: rollback,
    onLoadVersion: loadVersion,
    onDepartment: (department, workflows) => (workflows.length ? openWorkflow(department, workflows[0].name) : startNew(department)),
  });

  function renderForm() {
    forms.render();
  }

  function renderAll() {
    renderTree();
    renderForm();
    renderStatus();
    renderSaveState();
  }

  // ---- start ----------------------------------------------------------------------------------------------------

  renderAll();
  tests.render();
  if (embedded) {
    validate();
  } else {
    window.addEventListener('beforeunload', (e) => {
      if (isDirty() && canEdit) {
        e.preventDefault();
        e.returnValue = '';
      }
    });
    start();
  }

  // Opens what the address names, else the department's first workflow, else a new one.
  async function start() {
    if (departments.length === 0) {
      banner('bad', t('NoDepartment'));
      return;
    }
    library.setDepartment(opening?.department ?? departments[0].id);
    const workflows = await library.refresh();
    const wanted = opening?.name && workflows.find((w) => w.name === opening.name) ? opening.name : workflows[0]?.name;
    if (!wanted || !(await openWorkflow(library.department, wanted))) {
      startNew(library.department);
    }
  }

  return { getWorkflow: () => model.writeWorkflow(state.workflow) };
}

// The page is rendered on the server; the editor starts wherever its mount element is, once the DOM is there.
function mountAll() {
  document.querySelectorAll('[data-luohu-mount=rules]').forEach((element) => mountRulesEditor(element));
}

onReady(mountAll);
