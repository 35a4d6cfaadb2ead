// The test panel's result tree: what POST /api/v1/rules/evaluate answered, one collapsible node per rule with its
// outcome, why it failed (message or exception), the params it saw, its action's output and its child rules.

import { h as el } from './dom.js';

function h(tag, className, ...children) {
  return el(tag, { className }, ...children);
}

function tid(node, testid) {
  node.dataset.testid = testid;
  return node;
}

// 0.023999999999999993 reads as 0.024: twelve significant digits hide binary floating-point noise, not the value.
function readable(value) {
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value;
}

function outcome(result, t) {
  if (result.isSkipped) {
    return { icon: '–', css: 'skipped', badge: 'badge-neutral', text: t('OutcomeSkipped') };
  }
  return result.isSuccess
    ? { icon: '✔', css: 'success', badge: 'badge-good', text: t('OutcomeSuccess') }
    : { icon: '✘', css: 'failure', badge: 'badge-bad', text: t('OutcomeFailure') };
}

function ruleResult(result, t) {
  const o = outcome(result, t);
  const summary = tid(h('summary', `result-summary ${o.css}`,
    h('span', 'result-icon', o.icon),
    h('span', 'node-name', result.ruleName),
    tid(h('span', `badge ${o.badge}`, o.text), 'result-outcome'),
    result.successEvent ? h('span', 'chip mono', result.successEvent) : null), 'result-node');
  const body = h('div', 'result-body');
  if (result.isSkipped && result.skipReason) {
    body.append(h('div', 'result-line muted', result.skipReason));
  }
  if (result.errorMessage) {
    body.append(tid(h('div', 'result-line', result.errorMessage), 'result-error'));
  }
  if (result.exceptionMessage) {
    body.append(tid(h('div', 'result-line text-bad', `${t('ResultException')}: ${result.exceptionMessage}`), 'result-exception'));
  }
  const params = Object.entries(result.params ?? {});
  if (params.length) {
    body.append(h('div', 'result-line', h('span', 'field-hint', t('ResultParams')), ' ',
      params.map(([name, value]) => h('span', 'chip mono', `${name} = ${JSON.stringify(readable(value))}`))));
  }
  if (result.actionResult) {
    const action = result.actionResult;
    body.append(tid(h('div', 'result-action',
      h('span', 'field-hint', t('ResultAction', action.actionName)),
      action.exception
        ? tid(h('div', 'text-bad', action.exception), 'result-action-error')
        : tid(h('pre', 'result-output mono', JSON.stringify(action.output ?? null, null, 2)), 'result-output')), 'result-action'));
  }
  if (result.childResults?.length) {
    body.append(h('ul', 'result-tree', result.childResults.map((child) => ruleResult(child, t))));
  }
  const details = h('details', null, summary, body);
  details.open = true;
  const item = h('li', 'result-item', details);
  item.dataset.resultRule = result.ruleName;
  return item;
}

// `response` is what api() resolved to; a refused run (invalid workflow, no role) shows the API's words instead.
export function renderResults(container, response, t) {
  if (!response.ok) {
    const problem = response.problem ?? { title: '', detail: '' };
    const lines = problem.errors && typeof problem.errors === 'object'
      ? Object.entries(problem.errors).flatMap(([path, messages]) => (Array.isArray(messages) ? messages : [messages]).map((m) => `${path}: ${m}`))
      : [];
    const head = response.status === 403 ? t('TestForbidden') : [problem.title, problem.detail].filter(Boolean).join(': ');
    container.replaceChildren(tid(h('div', 'field-problem', head), 'test-run-problem'), ...lines.map((line) => h('div', 'field-problem mono', line)));
    return;
  }
  const result = response.body ?? {};
  const events = result.successEvents ?? [];
  const head = tid(h('div', `result-head ${result.isSuccess ? 'success' : 'failure'}`,
    h('span', 'result-icon', result.isSuccess ? '✔' : '✘'),
    t(result.isSuccess ? 'WorkflowSucceeded' : 'WorkflowFailed', result.workflowName),
    events.length ? [h('span', 'muted', `· ${t('SuccessEvents')}:`), events.map((e) => h('span', 'chip mono', e))] : null), 'test-outcome');
  container.replaceChildren(head, tid(h('ul', 'result-tree', (result.results ?? []).map((r) => ruleResult(r, t))), 'result-tree'));
}
