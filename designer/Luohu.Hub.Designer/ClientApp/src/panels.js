import './styles/panels.css';
import { createDebugPanel } from './debugPanel.js';
import { createVersionsPanel } from './versionsPanel.js';
import { onReady } from './dom.js';

// The flow panels mount themselves on the elements their components render (data-lh-panel, with the flow id, the
// user's right to edit and the string table as attributes); the pages render on the server without a circuit.

const factories = { debug: createDebugPanel, versions: createVersionsPanel };
const mounted = new WeakMap();

function mount(element) {
  if (mounted.has(element)) {
    return mounted.get(element);
  }
  const create = factories[element.dataset.lhPanel];
  if (!create) {
    return null;
  }
  let strings = {};
  try {
    strings = JSON.parse(element.dataset.strings ?? '{}');
  } catch {
    // Without strings the panel shows its keys, which still beats showing nothing.
  }
  const panel = create(element, {
    flowId: element.dataset.flowId,
    canEdit: element.dataset.canEdit === 'true',
    selectedNodeId: element.dataset.selectedNode || null,
    cap: Number(element.dataset.cap) || 500,
    strings,
  });
  mounted.set(element, panel);
  return panel;
}

function mountAll(root) {
  for (const element of root.querySelectorAll('[data-lh-panel]')) {
    mount(element);
  }
}

// The flow editor announces the selected node and its deploys on the document; the panels of the same flow follow.
function follow(event, act) {
  for (const element of document.querySelectorAll('[data-lh-panel]')) {
    if (element.dataset.flowId === event.detail?.flowId) {
      const panel = mount(element);
      if (panel) {
        act(element.dataset.lhPanel, panel);
      }
    }
  }
}

export function startPanels() {
  const start = () => {
    mountAll(document);
    document.addEventListener('lh-node-selected', (event) => follow(event, (kind, panel) => {
      if (kind === 'debug') {
        panel.setSelectedNode(event.detail.nodeId ?? null);
      }
    }));
    // The debug panel marks deploys itself; the versions list reloads after the editor's deploys (a rollback
    // reloads it already).
    document.addEventListener('lh-flow-deployed', (event) => follow(event, (kind, panel) => {
      if (kind === 'versions' && event.detail.source !== 'rollback') {
        panel.refresh();
      }
    }));
    // A page without a canvas picks the node with a select naming the panel it drives (data-lh-select-for).
    document.addEventListener('change', (event) => {
      const select = event.target;
      if (select instanceof HTMLSelectElement && select.dataset.lhSelectFor) {
        const panel = document.getElementById(select.dataset.lhSelectFor);
        if (panel) {
          mount(panel)?.setSelectedNode(select.value || null);
        }
      }
    });
  };
  onReady(start);
}
