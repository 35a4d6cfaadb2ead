import { api } from './api.js';
import { el } from './dom.js';

// Where a JSON text stops being JSON, as line and column (1-based). Browsers word their errors differently and
// V8 often names no position ("Unexpected token"), so the place is found as the shortest prefix that is wrong
// for a reason other than ending too early (prefixes of valid JSON only ever fail by ending early).
function failsBeforeEnd(text) {
  try {
    JSON.parse(text);
    return false;
  } catch (error) {
    const message = String(error?.message ?? '');
    const position = /position (\d+)/i.exec(message);
    if (position) {
      return Number(position[1]) < text.length;
    }
    return !/end of (JSON|data)|unterminated|unexpected end/i.test(message);
  }
}

export function jsonErrorAt(text) {
  let good = 0;
  let bad = text.length;
  if (!failsBeforeEnd(text)) {
    bad = text.length;
  } else {
    while (bad - good > 1) {
      const middle = (good + bad) >> 1;
      if (failsBeforeEnd(text.slice(0, middle))) {
        bad = middle;
      } else {
        good = middle;
      }
    }
  }
  const before = text.slice(0, bad - 1).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

// The debug panel's form that sends a test message into a node of the deployed version
// (POST /api/v1/flows/{id}/inject); a payload that is not JSON is named at the field, with its line and column.
export function createInjectForm(flowId, t, initialNode) {
  const form = el('form', 'lh-inject');
  form.dataset.testid = 'inject-form';
  form.noValidate = true;
  form.append(el('h3', null, t('InjectTitle')));
  const row = el('div', 'lh-inject-row');

  const nodeField = el('label', 'lh-field');
  const node = el('input');
  node.dataset.testid = 'inject-node';
  node.placeholder = t('InjectNodePlaceholder');
  node.value = initialNode ?? '';
  const listId = `lh-inject-nodes-${flowId}`;
  node.setAttribute('list', listId);
  const options = el('datalist');
  options.id = listId;
  const nodeProblem = el('span', 'lh-field-problem lh-hidden');
  nodeProblem.dataset.testid = 'inject-node-error';
  nodeField.append(el('span', null, t('InjectNode')), node, options, nodeProblem);

  const topicField = el('label', 'lh-field');
  const topic = el('input');
  topic.dataset.testid = 'inject-topic';
  topicField.append(el('span', null, t('InjectTopic')), topic);
  row.append(nodeField, topicField);

  const payloadField = el('label', 'lh-field');
  const payload = el('textarea');
  payload.dataset.testid = 'inject-payload';
  payload.rows = 4;
  payload.spellcheck = false;
  payload.value = '{}';
  const payloadProblem = el('span', 'lh-field-problem lh-hidden');
  payloadProblem.dataset.testid = 'inject-payload-error';
  payloadField.append(el('span', null, t('InjectPayload')), payload, payloadProblem);

  const actions = el('div', 'lh-inject-actions');
  const send = el('button', 'button-primary', t('InjectSend'));
  send.type = 'submit';
  send.dataset.testid = 'inject-send';
  const result = el('span', 'lh-hidden');
  result.dataset.testid = 'inject-result';
  result.setAttribute('role', 'status');
  actions.append(send, result);
  form.append(row, payloadField, actions);

  let typed = false;

  function problemAt(input, target, text) {
    target.textContent = text ?? '';
    target.classList.toggle('lh-hidden', !text);
    input.classList.toggle('is-invalid', Boolean(text));
    input.setAttribute('aria-invalid', String(Boolean(text)));
  }

  node.addEventListener('input', () => {
    typed = true;
    problemAt(node, nodeProblem, null);
  });
  payload.addEventListener('input', () => problemAt(payload, payloadProblem, null));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.classList.add('lh-hidden');
    const target = node.value.trim();
    let value = null;
    let bad = null;
    if (payload.value.trim()) {
      try {
        value = JSON.parse(payload.value);
      } catch {
        bad = jsonErrorAt(payload.value);
      }
    }
    problemAt(node, nodeProblem, target ? null : t('InjectNeedNode'));
    problemAt(payload, payloadProblem, bad ? t('InjectBadJson', bad.line, bad.column) : null);
    if (!target || bad) {
      return;
    }
    send.disabled = true;
    const answer = await api('POST', `/api/v1/flows/${encodeURIComponent(flowId)}/inject`, {
      node: target,
      topic: topic.value.trim() || null,
      payload: value,
    });
    send.disabled = false;
    result.className = answer.ok ? 'lh-sent' : 'lh-problem-text';
    result.textContent = answer.ok ? t('InjectSent', target)
      : answer.status === 409 ? t('InjectNotDeployed')
        : answer.status === 404 ? t('InjectUnknownNode', target)
          : t('InjectFailed', answer.problem?.detail || answer.problem?.title);
  });

  // The node ids of the draft as suggestions; the deployed version decides (404 names a node it lacks).
  api('GET', `/api/v1/flows/${encodeURIComponent(flowId)}`).then((flow) => {
    for (const n of flow.ok ? flow.body?.nodes ?? [] : []) {
      const option = el('option');
      option.value = n.id;
      options.append(option);
    }
  });

  return {
    element: form,
    // The selected node becomes the target unless the person typed one themselves.
    select(nodeId) {
      if (!typed && nodeId) {
        node.value = nodeId;
      }
    },
  };
}
