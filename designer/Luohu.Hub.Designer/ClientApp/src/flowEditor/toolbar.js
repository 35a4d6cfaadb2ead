import { el } from './forms.js';

// The toolbar's buttons; editing buttons are not there at all for a reader. Returns the buttons by name.
export function renderToolbar(host, t, readOnly, handlers) {
  const buttons = {};
  const group = (...items) => el('div', { class: 'fe-tool-group' }, ...items.filter(Boolean));
  const button = (name, label, primary, title) => {
    const b = el('button', { type: 'button', class: primary ? 'button-primary' : 'button-quiet', 'data-testid': `tool-${name}`, title: title ?? label, text: label });
    b.addEventListener('click', () => handlers[name]?.());
    buttons[name] = b;
    return b;
  };
  const file = el('input', { type: 'file', accept: '.json,application/json', hidden: true, 'data-testid': 'import-file' });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (chosen) {
      handlers.importFile(chosen);
    }
  });
  const dirty = el('span', { class: 'fe-dirty', 'data-testid': 'unsaved', hidden: true, text: t('Unsaved') });
  const status = el('span', { class: 'fe-status', 'data-testid': 'editor-status', role: 'status' });
  host.replaceChildren(...[
    readOnly ? el('span', { class: 'badge badge-neutral', 'data-testid': 'read-only', text: t('ReadOnly') }) : null,
    readOnly ? null : group(button('save', t('Save')), button('validate', t('Validate')), button('deploy', t('Deploy'), true)),
    readOnly ? null : group(button('undo', '↶', false, t('Undo')), button('redo', '↷', false, t('Redo')), button('delete', t('DeleteShort'), false, t('Delete'))),
    group(button('zoomOut', '−', false, t('ZoomOut')), button('zoomIn', '+', false, t('ZoomIn')), button('fit', t('Fit'))),
    group(readOnly ? null : button('import', t('Import')), button('export', t('Export'))),
    readOnly ? null : file,
    dirty,
    status].filter(Boolean));
  buttons.import?.addEventListener('click', () => file.click());

  return {
    buttons,
    setDirty(value) {
      dirty.hidden = !value;
    },
    // kind: 'info' | 'good' | 'bad' | 'busy'
    setStatus(text, kind) {
      status.textContent = text ?? '';
      status.className = `fe-status fe-status-${kind ?? 'info'}`;
    },
    setBusy(value) {
      for (const name of ['save', 'validate', 'deploy']) {
        if (buttons[name]) {
          buttons[name].disabled = value;
        }
      }
    },
  };
}
