import { api } from './api.js';
import { h } from './dom.js';
import * as model from './rulesModel.js';
import { renderResults } from './rulesResults.js';

// The test panel: named input cases (JSON text, one property per input), several selectable; Run sends the workflow
// as it is now with the chosen case to POST /api/v1/rules/evaluate and shows the result tree. Inputs that are not a
// JSON object are refused at the field before anything is sent.
//
// ctx: { state (cases, selectedCase, workflow, result), t, canEdit, save }
export function createTestPanel(panel, ctx) {
  const { t, canEdit } = ctx;
  const results = h('div', { className: 'test-results', testid: 'test-results' });

  function render() {
    const current = ctx.state.cases[ctx.state.selectedCase];
    const caseSelect = h('select', { id: 'rules-test-case', className: 'text-input', testid: 'test-case', onchange: (e) => { ctx.state.selectedCase = Number(e.target.value); ctx.save(); render(); } },
      ctx.state.cases.map((c, i) => h('option', { value: String(i), selected: i === ctx.state.selectedCase }, c.name)));
    const inputsProblem = h('div', { className: 'field-problems', testid: 'test-inputs-problem-box' });
    const textarea = h('textarea', { className: 'text-input inputs-text', spellcheck: 'false', testid: 'test-inputs', 'aria-label': t('TestInputs'),
      oninput: (e) => { current.text = e.target.value; inputsProblem.replaceChildren(); textarea.classList.remove('has-problem'); ctx.save(); markStale(); },
      // Ctrl+Enter (⌘+Enter) runs, as in most editors with a run button.
      onkeydown: (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !run.disabled) { e.preventDefault(); run.click(); } } });
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
      const response = await api('POST', '/api/v1/rules/evaluate', { workflow: model.writeWorkflow(ctx.state.workflow), inputs });
      run.disabled = false;
      run.textContent = t('TestRun');
      ctx.state.result = response;
      renderResults(results, response, t);
    } }, t('TestRun'));
    panel.replaceChildren(
      h('div', { className: 'form-head' }, h('h2', {}, t('TestTitle')), h('span', { className: 'field-hint' }, t('TestHint'))),
      h('div', { className: 'test-grid' },
        h('div', { className: 'test-inputs' },
          h('div', { className: 'case-bar' },
            h('label', { className: 'field-label', for: 'rules-test-case' }, t('TestCase')), caseSelect,
            h('button', { type: 'button', className: 'button-quiet', testid: 'test-case-add', onclick: () => {
              ctx.state.cases.push({ name: t('TestCaseNew', ctx.state.cases.length + 1), text: current.text });
              ctx.state.selectedCase = ctx.state.cases.length - 1;
              ctx.save();
              render();
            } }, `+ ${t('TestCaseAdd')}`),
            ctx.state.cases.length > 1 ? h('button', { type: 'button', className: 'button-quiet', testid: 'test-case-delete', onclick: () => {
              ctx.state.cases.splice(ctx.state.selectedCase, 1);
              ctx.state.selectedCase = Math.max(0, ctx.state.selectedCase - 1);
              ctx.save();
              render();
            } }, t('TestCaseDelete')) : null),
          h('label', { className: 'field' }, h('span', { className: 'field-label' }, t('TestCaseName')),
            h('input', { className: 'text-input', value: current.name, testid: 'test-case-name', onchange: (e) => { current.name = e.target.value.trim() || current.name; ctx.save(); render(); } })),
          h('div', { className: 'field' }, h('span', { className: 'field-label' }, t('TestInputs')), h('span', { className: 'field-hint' }, t('TestInputsHint')), textarea, inputsProblem),
          h('div', { className: 'run-bar' }, run, canEdit ? null : h('span', { className: 'field-hint' }, t('TestNeedsRole')))),
        results));
    if (!ctx.state.result) {
      results.replaceChildren(h('p', { className: 'muted' }, t('TestNoResult')));
    } else {
      // Rendered again: another case was chosen, added or removed.
      markStale();
    }
  }

  // The shown result no longer matches what is on screen: say so instead of leaving it to look current.
  function markStale() {
    if (!ctx.state.result || results.querySelector('[data-testid=test-stale]')) {
      return;
    }
    results.prepend(h('div', { className: 'banner banner-stale', testid: 'test-stale' }, t('TestStale')));
  }

  return { render, markStale };
}
