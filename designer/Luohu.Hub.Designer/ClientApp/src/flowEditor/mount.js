import { createFlowEditor } from './index.js';
import { api } from '../api.js';
import { onReady } from '../dom.js';

// The designer's pages render on the server without a Blazor circuit (see README, Designer): an element carrying
// data-flow-editor-options gets its editor when the page loads.
function mountAll() {
  for (const element of document.querySelectorAll('[data-flow-editor-options]')) {
    createFlowEditor(element, JSON.parse(element.getAttribute('data-flow-editor-options')));
  }
}

async function submitNewFlow(form) {
  const value = (name) => form.elements.namedItem(name)?.value?.trim() ?? '';
  const show = (name, text) => {
    const box = form.querySelector(`[data-error="${name}"]`);
    if (box) {
      box.textContent = text ?? '';
    }
  };
  const id = value('id');
  const name = value('name');
  show('id', /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? '' : form.dataset.idInvalid);
  show('name', name ? '' : form.dataset.nameRequired);
  show('form', '');
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id) || !name) {
    return;
  }
  const result = await api('POST', '/api/v1/flows', { id, name, department: value('department'), nodes: [], wires: [] });
  if (result.ok) {
    window.location.assign(`/flows/${encodeURIComponent(id)}`);
    return;
  }
  const message = [result.problem?.title, result.problem?.detail].filter(Boolean).join(': ');
  show(result.status === 409 ? 'id' : 'form', message);
}

export function startAutoMount() {
  onReady(mountAll);
  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-new-flow')) {
      e.preventDefault();
      submitNewFlow(form);
    }
  });
}
