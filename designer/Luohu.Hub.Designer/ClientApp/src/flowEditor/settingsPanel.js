import { renderSchemaForm, el } from './forms.js';
import { typeTitle, typeDescription } from './strings.js';
import { renderRuleSettings } from './ruleSettings.js';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// The input mapping of an action: each input field of the capability is a text that may hold {{templates}};
// a number or true/false typed for a number or boolean field is stored as such.
function mappingSchema(inputSchema) {
  const properties = {};
  for (const [name, prop] of Object.entries(inputSchema?.properties ?? {})) {
    properties[name] = { type: 'string', title: prop.title ?? name, description: prop.description ?? prop.type, 'x-type': prop.type };
  }
  return { type: 'object', properties, required: inputSchema?.required ?? [] };
}

function typedMapping(mapping, schema) {
  const result = {};
  for (const [name, value] of Object.entries(mapping ?? {})) {
    const type = schema.properties[name]?.['x-type'];
    if (typeof value === 'string' && (type === 'number' || type === 'integer') && value.trim() !== '' && Number.isFinite(Number(value))) {
      result[name] = Number(value);
    } else if (typeof value === 'string' && type === 'boolean' && (value === 'true' || value === 'false')) {
      result[name] = value === 'true';
    } else {
      result[name] = value;
    }
  }
  return result;
}

function asText(mapping) {
  const result = {};
  for (const [name, value] of Object.entries(mapping ?? {})) {
    result[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return result;
}

// The settings of the selected node: id, name and the form of its type (an action: capability and input mapping).
// ctx: { t, readOnly, types, capabilities, department, rulesStrings, idEditable(id), idTaken(id), update(changes), problems }
export function renderSettings(host, data, ctx) {
  host.replaceChildren();
  const forms = [];
  const type = ctx.types.get(data.type);
  const t = ctx.t;
  host.append(el('div', { class: 'fe-settings-head' },
    el('h3', { text: type ? typeTitle(t, type) : data.type, 'data-testid': 'settings-title' }),
    type ? el('p', { class: 'fe-hint', text: typeDescription(t, type) }) : el('p', { class: 'fe-error', text: t('UnknownType', data.type) })));

  const nodeProblems = el('ul', { class: 'fe-node-problems', 'data-testid': 'node-problems' });
  host.append(nodeProblems);

  const idEditable = !ctx.readOnly && ctx.idEditable(data.id);
  const idInput = el('input', { type: 'text', value: data.id, 'data-testid': 'node-id', 'data-field': '$id', disabled: !idEditable, spellcheck: 'false' });
  const idError = el('div', { class: 'fe-error', role: 'alert', 'data-testid': 'node-id-error' });
  idInput.addEventListener('change', () => {
    const id = idInput.value.trim();
    const key = !idPattern.test(id) ? 'IdInvalid' : id !== data.id && ctx.idTaken(id) ? 'IdTaken' : null;
    idError.textContent = key ? t(key, id) : '';
    if (!key && id !== data.id) {
      ctx.update({ id });
    }
  });
  host.append(el('div', { class: 'fe-field' }, el('label', { class: 'fe-label', text: t('NodeId') }), idInput,
    el('div', { class: 'fe-hint', text: idEditable ? t('NodeIdHint') : t('NodeIdDeployed') }), idError));

  const nameInput = el('input', { type: 'text', value: data.name ?? '', 'data-testid': 'node-name', 'data-field': '$name', disabled: ctx.readOnly });
  nameInput.addEventListener('input', () => ctx.update({ name: nameInput.value === '' ? undefined : nameInput.value }));
  host.append(el('div', { class: 'fe-field' }, el('label', { class: 'fe-label', text: t('NodeName') }), nameInput));

  const disabledInput = el('input', { type: 'checkbox', 'data-testid': 'node-disabled', disabled: ctx.readOnly });
  disabledInput.checked = !!data.disabled;
  disabledInput.addEventListener('change', () => ctx.update({ disabled: disabledInput.checked || undefined }));
  host.append(el('div', { class: 'fe-field' }, el('label', { class: 'fe-check' }, disabledInput, document.createTextNode(t('NodeDisabled')))));

  const formHost = el('div', { class: 'fe-config', 'data-testid': 'node-config' });
  host.append(formHost);
  const rerender = () => ctx.rerender();
  const config = data.config ?? {};
  if (data.type === 'action') {
    const actions = ctx.capabilities.filter((c) => c.kind === 'Action');
    const select = el('select', { 'data-testid': 'field-capability', 'data-field': 'capability', disabled: ctx.readOnly },
      el('option', { value: '', text: t('PickCapability') }),
      ...actions.map((c) => el('option', { value: c.id, text: `${c.title} (${c.id})` })));
    select.value = config.capability ?? '';
    if (config.capability && !actions.some((c) => c.id === config.capability)) {
      select.append(el('option', { value: config.capability, text: t('NotGranted', config.capability) }));
      select.value = config.capability;
    }
    select.addEventListener('change', () => {
      ctx.update({ config: { ...config, capability: select.value || undefined, input: undefined } });
      rerender();
    });
    formHost.append(el('div', { class: 'fe-field', 'data-field-wrap': 'capability' },
      el('label', { class: 'fe-label' }, document.createTextNode(t('Field_capability')), el('span', { class: 'fe-required', text: ' *' })),
      select, el('div', { class: 'fe-error', 'data-error-for': 'capability', 'data-testid': 'field-error-capability', role: 'alert' })));
    const capability = actions.find((c) => c.id === config.capability);
    if (capability) {
      const schema = mappingSchema(capability.inputSchema);
      formHost.append(el('h4', { text: t('InputMapping') }), el('p', { class: 'fe-hint', text: t('InputMappingHint') }));
      const mappingHost = el('div', { 'data-testid': 'input-mapping' });
      formHost.append(mappingHost);
      forms.push({ prefix: 'input.', form: renderSchemaForm(mappingHost, schema, asText(config.input), {
        t, readOnly: ctx.readOnly, rerender,
        onChange: (mapping) => ctx.update({ config: { ...(ctx.current().config ?? {}), input: Object.keys(mapping).length ? typedMapping(mapping, schema) : undefined } }),
      }) });
    }
    const rest = { type: 'object', properties: {} };
    for (const name of ['inputExpression', 'output', 'provider']) {
      if (type?.configSchema?.properties?.[name]) {
        rest.properties[name] = type.configSchema.properties[name];
      }
    }
    const restHost = el('div');
    formHost.append(restHost);
    forms.push({ prefix: '', form: renderSchemaForm(restHost, rest, config, {
      t, readOnly: ctx.readOnly, rerender,
      onChange: (value) => ctx.update({ config: { ...(ctx.current().config ?? {}), inputExpression: value.inputExpression, output: value.output, provider: value.provider } }),
    }) });
  } else if (data.type === 'rule') {
    forms.push({ prefix: '', form: renderRuleSettings(formHost, config, {
      t, readOnly: ctx.readOnly, department: ctx.department, rulesStrings: ctx.rulesStrings, current: ctx.current, update: ctx.update, rerender,
    }) });
  } else if (type) {
    forms.push({ prefix: '', form: renderSchemaForm(formHost, type.configSchema, config, {
      t, readOnly: ctx.readOnly, rerender, nodeType: data.type, onChange: (value) => ctx.update({ config: value }),
    }) });
  }

  function showProblems(problems) {
    nodeProblems.replaceChildren(...problems.filter((p) => !p.field).map((p) => el('li', { text: p.message })));
    for (const { prefix, form } of forms) {
      form.showProblems(problems.filter((p) => p.field && (prefix === '' || p.field.startsWith(prefix)))
        .map((p) => ({ ...p, field: p.field.slice(prefix.length) })));
    }
  }
  showProblems(ctx.problems);

  return {
    showProblems,
    focus(field) {
      const owner = forms.find(({ prefix }) => prefix !== '' && field.startsWith(prefix)) ?? forms.find(({ prefix }) => prefix === '');
      owner?.form.focus(field.slice(owner.prefix.length));
    },
    dispose() {
      for (const { form } of forms) {
        form.dispose();
      }
    },
  };
}
