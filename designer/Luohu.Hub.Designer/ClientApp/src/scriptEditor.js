import { EditorView, basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';

// A JavaScript editor with highlighting in `element`. The rule editor and script nodes will build on it;
// `onChange` receives the whole text so Blazor never has to diff.
export function createScriptEditor(element, text, onChange) {
  const view = new EditorView({
    doc: text ?? '',
    parent: element,
    extensions: [
      basicSetup,
      javascript(),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && typeof onChange === 'function') {
          onChange(update.state.doc.toString());
        }
      }),
    ],
  });
  return {
    getText: () => view.state.doc.toString(),
    dispose: () => view.destroy(),
  };
}
