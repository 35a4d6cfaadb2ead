import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { javascript } from '@codemirror/lang-javascript';
import { lintGutter, setDiagnostics } from '@codemirror/lint';

// A JavaScript editor with highlighting in `element`; `onChange` receives the whole text so Blazor never has to diff.
// options: { readOnly, label }. The sandbox's errors come back from the hub as line/column and are shown there as
// diagnostics (setProblems), so the author sees the red squiggle where Jint stopped, not a message elsewhere.
export function createScriptEditor(element, text, onChange, options) {
  const readOnly = !!options?.readOnly;
  const view = new EditorView({
    doc: text ?? '',
    parent: element,
    extensions: [
      basicSetup,
      javascript(),
      lintGutter(),
      EditorState.readOnly.of(readOnly),
      EditorView.editable.of(!readOnly),
      EditorView.contentAttributes.of(options?.label ? { 'aria-label': options.label } : {}),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && typeof onChange === 'function') {
          onChange(update.state.doc.toString());
        }
      }),
    ],
  });

  function setProblems(problems) {
    const doc = view.state.doc;
    const diagnostics = (problems ?? []).map((p) => {
      const lineNo = Math.min(Math.max(1, p.line ?? 1), doc.lines);
      const line = doc.line(lineNo);
      const from = Math.min(line.from + Math.max(0, (p.column ?? 1) - 1), line.to);
      return { from, to: Math.max(from, line.to), severity: 'error', message: p.message };
    });
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }

  return {
    getText: () => view.state.doc.toString(),
    setText: (value) => {
      if (value !== view.state.doc.toString()) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value ?? '' } });
      }
    },
    setProblems,
    focus: () => view.focus(),
    dispose: () => view.destroy(),
  };
}
