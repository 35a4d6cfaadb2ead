import { createExpressionEditor } from './rulesEditor.js';
import { h } from './dom.js';
import * as model from './rulesModel.js';

// The form beside the tree: the workflow's own fields or the selected rule's, every expression in CodeMirror, and the
// validator's problems at the field they name (validator paths such as Rules[0].LocalParams[1].Expression are the
// keys). A text edit changes the workflow in place and calls ctx.changed(); adding or removing a part of it calls
// ctx.restructured(), which renders the form again.
//
// ctx: { state, t, readOnly, changed, restructured, renderTree, renderTreeSoon, problemsOf, nameLocked() }
// A workflow saved in the library is known by its name, so its name field is locked (nameLocked() true).
export function createRuleForms(panel, ctx) {
  const { t, readOnly } = ctx;
  let fields = new Map();
  let editors = [];

  function problemBox(path) {
    const box = h('div', { className: 'field-problems', testid: 'field-problems', 'data-path': path });
    fields.set(path, { ...(fields.get(path) ?? {}), box });
    return box;
  }

  function input(path, value, onValue, attrs) {
    const el = h('input', { className: 'text-input', value, disabled: readOnly, ...attrs, oninput: (e) => { onValue(e.target.value); ctx.changed(); } });
    fields.set(path, { ...(fields.get(path) ?? {}), input: el });
    return el;
  }

  function expression(path, value, onValue, testid) {
    const host = h('div', { className: 'lh-expression', testid: `${testid}-editor` });
    const editor = createExpressionEditor(host, value, (text) => { onValue(text); ctx.changed(); }, readOnly);
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
        readOnly ? null : h('button', { type: 'button', className: 'button-quiet icon-button', title: t('RemoveParam'), 'aria-label': t('RemoveParam'), onclick: () => { list.splice(i, 1); ctx.restructured(); } }, '✕')));
    });
    if (!readOnly) {
      wrap.append(h('button', { type: 'button', className: 'button-quiet', testid: `${testid}-add`, onclick: () => { list.push({ Name: `p${list.length + 1}`, Expression: '0' }); ctx.restructured(); } }, `+ ${t('AddParam')}`));
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
      ctx.restructured();
    } }, kinds.map(([k, text]) => h('option', { value: k, selected: (current?.Name ?? '') === k }, text)));
    const box = h('div', { className: 'action', testid }, h('span', { className: 'field-label' }, label), select, problemBox(`${prefix}.Name`));
    if (current?.Name === model.outputExpression) {
      box.append(h('span', { className: 'field-hint' }, t('OutputExpressionHint')),
        expression(`${prefix}.Context.Expression`, current.Context.Expression ?? '', (v) => { current.Context.Expression = v; }, `${testid}-expression`));
    } else if (current?.Name === model.evaluateRule) {
      box.append(h('div', { className: 'action-chain' },
        h('label', {}, h('span', { className: 'field-hint' }, t('ChainRuleName')),
          input(`${prefix}.Context.RuleName`, current.Context.RuleName ?? '', (v) => { current.Context.RuleName = v.trim(); }, { testid: `${testid}-rule`, list: `${testid}-rule-names` }),
          h('datalist', { id: `${testid}-rule-names` }, model.allRules(ctx.state.workflow).map((x) => h('option', { value: x.rule.RuleName })))),
        h('span', { className: 'field-hint' }, t('ChainSameWorkflow'))),
      problemBox(`${prefix}.Context.RuleName`));
    }
    return box;
  }

  // The dialect of a workflow (RulesEngine's default when none is named) or of a rule (its parent's when none).
  function dialectSelect(owner, inherited, path) {
    const select = h('select', { className: 'text-input', disabled: readOnly, testid: 'dialect', onchange: (e) => { owner.RuleExpressionType = e.target.value; ctx.changed(); ctx.restructured(); } },
      inherited === null ? null : h('option', { value: '', selected: !owner.RuleExpressionType }, t('DialectInherited', t(`Dialect${inherited}`))),
      model.dialects.map((d) => h('option', { value: d, selected: owner.RuleExpressionType === d || (inherited === null && !owner.RuleExpressionType && d === model.lambda) }, t(`Dialect${d}`))));
    fields.set(path, { input: select });
    return h('label', { className: 'field' }, h('span', { className: 'field-label' }, t('Dialect')), select, problemBox(path));
  }

  function ruleForm(rule, path) {
    const at = model.pathText(path);
    const form = h('section', { className: 'form', testid: 'rule-form' },
      h('div', { className: 'form-head' }, h('h2', {}, t('RuleTitle')), h('span', { className: 'mono muted' }, at)),
      problemBox(`${at}.*`),
      h('div', { className: 'field-row' },
        h('label', { className: 'field grow' }, h('span', { className: 'field-label' }, t('RuleName')),
          input(`${at}.RuleName`, rule.RuleName, (v) => { rule.RuleName = v.trim(); ctx.renderTreeSoon(); }, { testid: 'rule-name' }), problemBox(`${at}.RuleName`)),
        h('label', { className: 'field check' },
          h('input', { type: 'checkbox', checked: rule.Enabled, disabled: readOnly, testid: 'rule-enabled', onchange: (e) => { rule.Enabled = e.target.checked; ctx.renderTree(); ctx.changed(); } }),
          h('span', {}, t('RuleEnabled')))),
      dialectSelect(rule, model.dialectOf(ctx.state.workflow, path.slice(0, -1)), `${at}.RuleExpressionType`));
    if (rule.Rules.length || rule.Operator) {
      const select = h('select', { className: 'text-input', disabled: readOnly, testid: 'rule-operator', onchange: (e) => { rule.Operator = e.target.value; ctx.renderTree(); ctx.changed(); } },
        h('option', { value: '', selected: !rule.Operator }, t('OperatorNone')),
        model.operators.map((op) => h('option', { value: op, selected: rule.Operator === op }, t(`Operator${op}`))));
      fields.set(`${at}.Operator`, { input: select });
      form.append(field(t('RuleOperator'), t('OperatorHint'), select, problemBox(`${at}.Operator`)));
    }
    if (!rule.Rules.length || rule.Expression.trim()) {
      const hint = model.dialectOf(ctx.state.workflow, path) === model.javaScript ? t('ExpressionHintJavaScript') : t('ExpressionHintLambda');
      form.append(field(t('RuleExpression'), hint, expression(`${at}.Expression`, rule.Expression, (v) => { rule.Expression = v; }, 'rule-expression')));
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
        input('WorkflowName', ctx.state.workflow.WorkflowName, (v) => { ctx.state.workflow.WorkflowName = v.trim(); ctx.renderTreeSoon(); },
          { testid: 'workflow-name', disabled: readOnly || !!ctx.nameLocked?.() }),
        ctx.nameLocked?.() ? h('span', { className: 'field-hint' }, t('WorkflowNameLocked')) : null,
        problemBox('WorkflowName')),
      dialectSelect(ctx.state.workflow, null, 'RuleExpressionType'),
      field(t('GlobalParams'), t('GlobalParamsHint'), paramsEditor(ctx.state.workflow.GlobalParams, 'GlobalParams', 'global-params')),
      h('p', { className: 'field-hint' }, t('WorkflowFormHint')));
  }

  function render() {
    editors.forEach((e) => e.dispose());
    editors = [];
    fields = new Map();
    const rule = ctx.state.selected ? model.ruleAt(ctx.state.workflow, ctx.state.selected) : null;
    if (!rule) {
      ctx.state.selected = null;
    }
    panel.replaceChildren(rule ? ruleForm(rule, ctx.state.selected) : workflowForm());
    showProblems();
  }

  // The validator's problems at their fields; those of the shown rule (or workflow) without a field go on top ('*').
  function showProblems() {
    const shown = new Set();
    for (const [path, f] of fields) {
      if (path.endsWith('*')) {
        continue;
      }
      const list = ctx.state.problems.filter((p) => p.path === path);
      list.forEach((p) => shown.add(p));
      f.box?.replaceChildren(...list.map((p) => problemLine(p, false)));
      f.host?.classList.toggle('lh-has-problem', list.length > 0);
      f.input?.classList.toggle('has-problem', list.length > 0);
      f.editor?.setProblems(list.map((p) => ({ ...model.positionOf(p.message), message: p.message })));
    }
    const rulePath = ctx.state.selected ? model.pathText(ctx.state.selected) : '';
    const rest = ctx.problemsOf(rulePath).filter((p) => !shown.has(p));
    fields.get(rulePath ? `${rulePath}.*` : '*')?.box?.replaceChildren(...rest.map((p) => problemLine(p, true)));
  }

  function problemLine(p, withPath) {
    const pos = model.positionOf(p.message);
    return h('div', { className: 'field-problem', testid: 'field-problem' },
      withPath ? h('span', { className: 'mono problem-where' }, model.ownerOf(p.path).field || p.path) : null,
      pos.line ? h('span', { className: 'problem-where' }, t('AtLineColumn', pos.line, pos.column)) : null,
      h('span', {}, p.message));
  }

  return { render, showProblems };
}
