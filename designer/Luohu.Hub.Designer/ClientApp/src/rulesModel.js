// The rule editor's data: a workflow in RulesEngine's JSON shape, kept with canonical property names so that what
// the page edits is exactly what it exports and what /api/v1/rules/validate reports paths on
// (Rules[2].Rules[0].Expression). A rule is addressed by its index path ([2, 0]); no ids are added to the file.

export const operators = ['And', 'AndAlso', 'Or', 'OrElse'];
// RuleExpressionType: RulesEngine's lambda (its default, when none is named) or the hub's JavaScript.
export const lambda = 'LambdaExpression';
export const javaScript = 'JavaScript';
export const dialects = [lambda, javaScript];
export const outputExpression = 'OutputExpression';
export const evaluateRule = 'EvaluateRule';

function pick(obj, name) {
  if (!obj || typeof obj !== 'object') {
    return undefined;
  }
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

function text(value) {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function params(list) {
  return Array.isArray(list) ? list.map((p) => ({ Name: text(pick(p, 'Name')), Expression: text(pick(p, 'Expression')) })) : [];
}

function action(value) {
  if (!value || typeof value !== 'object') {
    return null;
  }
  const context = pick(value, 'Context');
  return { Name: text(pick(value, 'Name')), Context: context && typeof context === 'object' && !Array.isArray(context) ? { ...context } : {} };
}

function rule(value) {
  const enabled = pick(value, 'Enabled');
  const actions = pick(value, 'Actions');
  return {
    RuleName: text(pick(value, 'RuleName')),
    RuleExpressionType: text(pick(value, 'RuleExpressionType')),
    Enabled: enabled !== false,
    Expression: text(pick(value, 'Expression')),
    Operator: text(pick(value, 'Operator')),
    SuccessEvent: text(pick(value, 'SuccessEvent')),
    ErrorMessage: text(pick(value, 'ErrorMessage')),
    LocalParams: params(pick(value, 'LocalParams')),
    Rules: (Array.isArray(pick(value, 'Rules')) ? pick(value, 'Rules') : []).map(rule),
    OnSuccess: action(pick(actions, 'OnSuccess')),
    OnFailure: action(pick(actions, 'OnFailure')),
  };
}

// Reads a parsed JSON value as a workflow; null when it is not one (no WorkflowName and no Rules).
// RulesEngine files are often an array of workflows: an array of exactly one is taken as that one.
export function readWorkflow(value) {
  const root = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    return null;
  }
  const rules = pick(root, 'Rules');
  if (pick(root, 'WorkflowName') === undefined && rules === undefined) {
    return null;
  }
  if (rules !== undefined && !Array.isArray(rules)) {
    return null;
  }
  return {
    WorkflowName: text(pick(root, 'WorkflowName')),
    RuleExpressionType: text(pick(root, 'RuleExpressionType')),
    GlobalParams: params(pick(root, 'GlobalParams')),
    Rules: (rules ?? []).map(rule),
  };
}

// EvaluateRule chains within its own workflow, which RulesEngine finds by name: the name is always the workflow's.
function writeAction(a, workflowName) {
  if (a.Name === outputExpression) {
    return { Name: a.Name, Context: { Expression: a.Context.Expression ?? '' } };
  }
  if (a.Name === evaluateRule) {
    return { Name: a.Name, Context: { WorkflowName: workflowName, RuleName: a.Context.RuleName ?? '' } };
  }
  return { Name: a.Name, Context: a.Context };
}

function writeRule(r, workflowName) {
  const out = { RuleName: r.RuleName };
  if (r.RuleExpressionType) {
    out.RuleExpressionType = r.RuleExpressionType;
  }
  if (!r.Enabled) {
    out.Enabled = false;
  }
  for (const key of ['SuccessEvent', 'ErrorMessage', 'Operator']) {
    if (r[key].trim()) {
      out[key] = r[key];
    }
  }
  if (r.LocalParams.length) {
    out.LocalParams = r.LocalParams;
  }
  if (r.Expression.trim()) {
    out.Expression = r.Expression;
  }
  if (r.Rules.length) {
    out.Rules = r.Rules.map((child) => writeRule(child, workflowName));
  }
  if (r.OnSuccess || r.OnFailure) {
    out.Actions = {};
    if (r.OnSuccess) {
      out.Actions.OnSuccess = writeAction(r.OnSuccess, workflowName);
    }
    if (r.OnFailure) {
      out.Actions.OnFailure = writeAction(r.OnFailure, workflowName);
    }
  }
  return out;
}

// The RulesEngine JSON of the workflow: empty optional fields left out, Enabled only when false.
export function writeWorkflow(w) {
  const out = { WorkflowName: w.WorkflowName };
  if (w.RuleExpressionType) {
    out.RuleExpressionType = w.RuleExpressionType;
  }
  if (w.GlobalParams.length) {
    out.GlobalParams = w.GlobalParams;
  }
  out.Rules = w.Rules.map((r) => writeRule(r, w.WorkflowName));
  return out;
}

export function newRule(name) {
  return rule({ RuleName: name, Expression: 'true' });
}

export function newWorkflow() {
  return { WorkflowName: 'NewWorkflow', RuleExpressionType: javaScript, GlobalParams: [], Rules: [newRule('Rule1')] };
}

// The dialect a rule's expressions are in: its own, else its parent's, else the workflow's (RulesEngine: lambda).
export function dialectOf(w, path) {
  let dialect = w.RuleExpressionType || lambda;
  let list = w.Rules;
  for (const i of path ?? []) {
    const r = list[i];
    if (!r) {
      break;
    }
    dialect = r.RuleExpressionType || dialect;
    list = r.Rules;
  }
  return dialect;
}

// 'Rules[1].Rules[0]' for [1, 0].
export function pathText(path) {
  return path.map((i) => `Rules[${i}]`).join('.');
}

export function ruleAt(w, path) {
  let list = w.Rules;
  let found = null;
  for (const i of path ?? []) {
    found = list[i];
    if (!found) {
      return null;
    }
    list = found.Rules;
  }
  return found;
}

function listHolding(w, path) {
  return path.length === 1 ? w.Rules : ruleAt(w, path.slice(0, -1))?.Rules ?? null;
}

export function allRules(w) {
  const out = [];
  const walk = (list, prefix) => list.forEach((r, i) => {
    out.push({ rule: r, path: [...prefix, i] });
    walk(r.Rules, [...prefix, i]);
  });
  walk(w.Rules, []);
  return out;
}

export function freeRuleName(w) {
  const names = new Set(allRules(w).map((x) => x.rule.RuleName));
  let i = 1;
  while (names.has(`Rule${i}`)) {
    i++;
  }
  return `Rule${i}`;
}

// Each returns the path of the rule to select afterwards.
export function addSibling(w, path) {
  const r = newRule(freeRuleName(w));
  if (!path) {
    w.Rules.push(r);
    return [w.Rules.length - 1];
  }
  const list = listHolding(w, path);
  const index = path[path.length - 1] + 1;
  list.splice(index, 0, r);
  return [...path.slice(0, -1), index];
}

export function addChild(w, path) {
  const parent = ruleAt(w, path);
  parent.Rules.push(newRule(freeRuleName(w)));
  return [...path, parent.Rules.length - 1];
}

export function remove(w, path) {
  const list = listHolding(w, path);
  const index = path[path.length - 1];
  list.splice(index, 1);
  if (list.length) {
    return [...path.slice(0, -1), Math.min(index, list.length - 1)];
  }
  return path.length > 1 ? path.slice(0, -1) : null;
}

export function move(w, path, offset) {
  const list = listHolding(w, path);
  const index = path[path.length - 1];
  const target = index + offset;
  if (target < 0 || target >= list.length) {
    return path;
  }
  const [r] = list.splice(index, 1);
  list.splice(target, 0, r);
  return [...path.slice(0, -1), target];
}

// The rule a validator path belongs to ('Rules[0].Rules[1].Expression' → 'Rules[0].Rules[1]', field 'Expression');
// the workflow's own problems have rule ''.
export function ownerOf(problemPath) {
  const match = /^(Rules\[\d+\](?:\.Rules\[\d+\])*)(?:\.(.*))?$/.exec(problemPath);
  if (!match) {
    return { rule: '', field: problemPath };
  }
  return { rule: match[1], field: match[2] ?? '' };
}

// The sandbox's position in a message ("Syntax error at line 2, column 5: ..."), 0 when there is none.
export function positionOf(message) {
  const match = /\bline (\d+), column (\d+)/.exec(message ?? '');
  return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: 0, column: 0 };
}

// A sample's *.inputs.json: one case per property.
export function casesOf(inputs) {
  if (!inputs || typeof inputs !== 'object') {
    return [];
  }
  return Object.keys(inputs).map((name) => ({ name, text: JSON.stringify(inputs[name], null, 2) }));
}
