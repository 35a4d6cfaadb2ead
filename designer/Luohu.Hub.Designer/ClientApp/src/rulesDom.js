// A small element builder for the rule editor's modules: h('button', { className, testid, onclick }, 'text', child).
// Attributes that are null, undefined or false are left out; children may be nested arrays.
export function h(tag, attrs, ...children) {
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
