import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment } from '@codemirror/state';
import { javascript } from '@codemirror/lang-javascript';
import { setDiagnostics } from '@codemirror/lint';

// The rule editor's building blocks: one CodeMirror per expression field and a download of the exported workflow.
// The flow editor's createScriptEditor stays as it is; this adds what a field needs beyond it (set text, read-only,
// the validator's problems at their line).

// `onChange` receives the whole text: a function, or a .NET object reference with [JSInvokable] OnTextChanged(string).
export function createExpressionEditor(element, text, onChange, readOnly) {
  const editable = new Compartment();
  const lockedFor = (locked) => [EditorState.readOnly.of(locked), EditorView.editable.of(!locked)];
  let silent = false;
  const view = new EditorView({
    doc: text ?? '',
    parent: element,
    extensions: [
      basicSetup,
      javascript(),
      EditorView.lineWrapping,
      editable.of(lockedFor(!!readOnly)),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || silent) {
          return;
        }
        const value = update.state.doc.toString();
        if (typeof onChange === 'function') {
          onChange(value);
        } else if (onChange?.invokeMethodAsync) {
          onChange.invokeMethodAsync('OnTextChanged', value);
        }
      }),
    ],
  });

  return {
    getText: () => view.state.doc.toString(),
    // Replaces the text without echoing it back to .NET (it came from there).
    setText: (value) => {
      const next = value ?? '';
      if (next === view.state.doc.toString()) {
        return;
      }
      silent = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
      } finally {
        silent = false;
      }
    },
    setReadOnly: (locked) => view.dispatch({ effects: editable.reconfigure(lockedFor(!!locked)) }),
    // problems: [{ line, column, message }] with 1-based line and column; line 0 marks the whole text.
    setProblems: (problems) => {
      const doc = view.state.doc;
      const diagnostics = (problems ?? []).map((p) => {
        if (!p.line || p.line < 1 || p.line > doc.lines) {
          return { from: 0, to: doc.length, severity: 'error', message: p.message };
        }
        const line = doc.line(p.line);
        const from = Math.min(line.from + Math.max((p.column ?? 1) - 1, 0), line.to);
        return { from, to: Math.max(from, line.to), severity: 'error', message: p.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    dispose: () => view.destroy(),
  };
}

export function downloadText(fileName, text, contentType) {
  const blob = new Blob([text], { type: contentType ?? 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
