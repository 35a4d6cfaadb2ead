import { h as el } from '../dom.js';
import { createScriptEditor } from '../scriptEditor.js';
import { getAt, setAt, pathText, parseNumber, parseJson, kindOf } from './formFields.js';

// The editor's modules build with the shared element builder under the name they know.
export { el };

// A settings form generated from a JSON schema. `value` is copied; every edit calls onChange with a fresh copy.
// Messages appear at the field while typing (required, number range, JSON); the hub's problems are shown at the
// field they name (showProblems), scripts' at their line in the code editor.
export function renderSchemaForm(host, schema, value, ctx) {
  const state = structuredClone(value ?? {});
  const errors = new Map();
  const codeEditors = new Map();
  const disposers = [];

  function fieldLabel(name, prop) {
    if (typeof name === 'number') {
      return '';
    }
    // A label of the node type's own (Field_trigger.http_path) before the one fields of that name share (Field_path).
    for (const key of [ctx.nodeType ? `Field_${ctx.nodeType}_${name}` : null, `Field_${name}`]) {
      if (key && ctx.t(key) !== key) {
        return ctx.t(key);
      }
    }
    return prop?.title ?? name;
  }

  function emit() {
    ctx.onChange(structuredClone(state));
  }

  function setError(path, key, arg) {
    const id = pathText(path);
    const box = host.querySelector(`[data-error-for="${CSS.escape(id)}"]`);
    if (key) {
      errors.set(id, key);
    } else {
      errors.delete(id);
    }
    if (box) {
      box.textContent = key ? ctx.t(key, arg) : '';
    }
  }

  function wrap(path, prop, required, control) {
    const id = pathText(path);
    const label = fieldLabel(path[path.length - 1], prop);
    return el('div', { class: 'fe-field', 'data-field-wrap': id },
      label ? el('label', { class: 'fe-label' }, document.createTextNode(label), required ? el('span', { class: 'fe-required', title: ctx.t('Required'), text: ' *' }) : null) : null,
      control,
      prop?.description ? el('div', { class: 'fe-hint', text: prop.description }) : null,
      el('div', { class: 'fe-error', 'data-error-for': id, 'data-testid': `field-error-${id}`, role: 'alert' }));
  }

  function control(path, prop, required) {
    const id = pathText(path);
    const current = getAt(state, path);
    const common = { 'data-field': id, 'data-testid': `field-${id}`, disabled: ctx.readOnly };
    switch (kindOf(prop)) {
      case 'enum': {
        const select = el('select', common, required ? null : el('option', { value: '', text: '—' }),
          ...prop.enum.map((v) => el('option', { value: v, text: v })));
        select.value = current ?? prop.default ?? '';
        select.addEventListener('change', () => {
          setAt(state, path, select.value === '' ? undefined : select.value);
          emit();
        });
        return select;
      }
      case 'code': {
        const box = el('div', { class: 'fe-code', ...common, disabled: undefined, 'data-readonly': ctx.readOnly ? 'true' : null });
        const editor = createScriptEditor(box, current ?? '', (text) => {
          setAt(state, path, text === '' ? undefined : text);
          setError(path, required && text.trim() === '' ? 'FieldRequired' : null);
          emit();
        }, { readOnly: ctx.readOnly, label: fieldLabel(path[path.length - 1], prop) });
        codeEditors.set(id, editor);
        disposers.push(() => editor.dispose());
        return box;
      }
      case 'number': {
        const input = el('input', { ...common, type: 'text', inputmode: 'decimal', value: current ?? '' , placeholder: prop.default ?? null });
        input.addEventListener('input', () => {
          const [v, key, arg] = parseNumber(input.value, prop, required);
          setError(path, key, arg);
          if (!key || key === 'FieldMin' || key === 'FieldMax' || input.value.trim() === '') {
            setAt(state, path, v);
            emit();
          }
        });
        return input;
      }
      case 'boolean': {
        const input = el('input', { ...common, type: 'checkbox' });
        input.checked = current ?? prop.default ?? false;
        input.addEventListener('change', () => {
          setAt(state, path, input.checked);
          emit();
        });
        return el('label', { class: 'fe-check' }, input, document.createTextNode(ctx.t('Yes')));
      }
      case 'lines': {
        const area = el('textarea', { ...common, rows: 4, placeholder: ctx.t('OnePerLine') });
        area.value = Array.isArray(current) ? current.join('\n') : '';
        area.addEventListener('input', () => {
          const items = area.value.split('\n').map((s) => s.trim()).filter((s) => s !== '');
          setAt(state, path, items.length === 0 ? undefined : items);
          setError(path, required && items.length === 0 ? 'FieldRequired' : null);
          emit();
        });
        return area;
      }
      case 'object':
        return objectFields(path, prop);
      case 'objects':
        return objectList(path, prop);
      case 'json': {
        const area = el('textarea', { ...common, rows: 4, class: 'fe-json', spellcheck: 'false' });
        area.value = current === undefined ? '' : JSON.stringify(current, null, 2);
        area.addEventListener('input', () => {
          const [v, key, arg] = parseJson(area.value, required);
          setError(path, key, arg);
          if (!key) {
            setAt(state, path, v);
            emit();
          }
        });
        return area;
      }
      default: {
        const input = el('input', { ...common, type: 'text', value: current ?? '', placeholder: prop.default ?? null });
        input.addEventListener('input', () => {
          setAt(state, path, input.value === '' ? undefined : input.value);
          setError(path, required && input.value.trim() === '' ? 'FieldRequired' : null);
          emit();
        });
        return input;
      }
    }
  }

  function objectFields(path, schemaOfObject) {
    const box = el('div', { class: path.length === 0 ? 'fe-form' : 'fe-subform' });
    const required = new Set(schemaOfObject.required ?? []);
    for (const [name, prop] of Object.entries(schemaOfObject.properties ?? {})) {
      const fieldPath = [...path, name];
      box.append(wrap(fieldPath, prop, required.has(name), control(fieldPath, prop, required.has(name))));
    }
    return box;
  }

  function objectList(path, prop) {
    const box = el('div', { class: 'fe-list', 'data-field': pathText(path) });
    const items = Array.isArray(getAt(state, path)) ? getAt(state, path) : [];
    items.forEach((_, i) => {
      const remove = el('button', { type: 'button', class: 'button-quiet fe-remove', text: ctx.t('RemoveItem'), disabled: ctx.readOnly, 'data-testid': `remove-${pathText([...path, i])}` });
      remove.addEventListener('click', () => {
        const list = getAt(state, path);
        list.splice(i, 1);
        emit();
        ctx.rerender();
      });
      box.append(el('div', { class: 'fe-item' }, el('div', { class: 'fe-item-head' }, el('span', { text: `#${i + 1}` }), ctx.readOnly ? null : remove), objectFields([...path, i], prop.items)));
    });
    if (!ctx.readOnly) {
      const add = el('button', { type: 'button', class: 'button-quiet fe-add', text: ctx.t('AddItem'), 'data-testid': `add-${pathText(path)}` });
      add.addEventListener('click', () => {
        const list = Array.isArray(getAt(state, path)) ? getAt(state, path) : [];
        list.push({});
        setAt(state, path, list);
        emit();
        ctx.rerender();
      });
      box.append(add);
    }
    return box;
  }

  host.append(objectFields([], schema ?? { properties: {} }));

  return {
    hasErrors: () => errors.size > 0,
    // problems: [{ field: 'rules[0].expression', message, line, column }]
    showProblems(problems) {
      for (const box of host.querySelectorAll('[data-error-for]')) {
        if (!errors.has(box.getAttribute('data-error-for'))) {
          box.textContent = '';
        }
      }
      for (const editor of codeEditors.values()) {
        editor.setProblems([]);
      }
      for (const p of problems) {
        const box = host.querySelector(`[data-error-for="${CSS.escape(p.field)}"]`);
        if (box) {
          box.textContent = p.message;
        }
        const editor = codeEditors.get(p.field);
        if (editor && p.line) {
          editor.setProblems([{ line: p.line, column: p.column, message: p.message }]);
        }
      }
    },
    focus(field) {
      const editor = codeEditors.get(field);
      if (editor) {
        editor.focus();
        return;
      }
      host.querySelector(`[data-field="${CSS.escape(field)}"]`)?.focus();
    },
    dispose() {
      for (const d of disposers) {
        d();
      }
    },
  };
}
