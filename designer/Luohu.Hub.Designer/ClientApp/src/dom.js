// The DOM helpers every front-end module builds with (the pages render on the server; the modules build their own DOM).

// h('button', { class: 'x', testid: 'y', onclick: fn, disabled: true, text: 'label' }, 'text', child, [children])
// Left out: attributes that are null, undefined or false. `class`/`className` set the class, `text` the text,
// `testid` data-testid, `on…` functions listen; `value`, `checked` and other non-string values of a known property
// are set as properties (a textarea's value has no attribute); the rest are attributes (true → present).
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class' || name === 'className') {
      element.className = value;
    } else if (name === 'text') {
      element.textContent = value;
    } else if (name === 'testid') {
      element.dataset.testid = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value' || name === 'checked' || (name in element && typeof value !== 'string')) {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

// el('span', 'class names', 'text'): the short form for a styled text element.
export function el(tag, className, text) {
  return h(tag, { class: className || null, text: text ?? null });
}

// The .NET composite format the resx strings use: {0}, and {0:0.#} for a number with at most that many decimals
// (in the page's language). A placeholder without a value stays visible rather than vanishing.
export function format(template, ...args) {
  return String(template ?? '').replace(/\{(\d+)(?::([^}]*))?\}/g, (match, index, pattern) => {
    const value = args[Number(index)];
    if (value === undefined || value === null) {
      return match;
    }
    if (pattern && typeof value === 'number') {
      const decimals = (pattern.split('.')[1] ?? '').length;
      return value.toLocaleString(document.documentElement.lang || 'zh-Hans', { maximumFractionDigits: decimals });
    }
    return String(value);
  });
}

// Runs fn once the server-rendered page's DOM is there. Pages load whole (there is no client-side navigation), so
// each module mounts once per page and needs no watch over later DOM changes — the canvas changes a lot.
export function onReady(fn) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fn, { once: true });
  } else {
    fn();
  }
}
