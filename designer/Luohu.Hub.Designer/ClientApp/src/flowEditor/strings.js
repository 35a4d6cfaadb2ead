import { format } from '../dom.js';

// The page hands its resource strings (FlowEditorStrings.resx in the current culture) to the module; a missing key
// shows itself rather than breaking the editor.
export function stringsOf(table) {
  const strings = table ?? {};
  return (key, ...args) => {
    const text = strings[key] ?? key;
    return args.length === 0 ? text : format(text, ...args);
  };
}

// Node type titles and category names are the designer's to translate; a type the resx does not know keeps the
// title the hub gives it (a newer hub may have more types than this designer has words for).
export function typeTitle(t, type) {
  const key = `Type_${type.type}`;
  const text = t(key);
  return text === key ? type.title : text;
}

export function typeDescription(t, type) {
  const key = `TypeDesc_${type.type}`;
  const text = t(key);
  return text === key ? type.description : text;
}
