// Small helpers for the modules that build their own DOM.

// Fills {0}, {1}... of a resource string (the .NET composite format the resx strings use).
export function format(template, ...values) {
  return String(template ?? '').replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)] ?? ''));
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}
