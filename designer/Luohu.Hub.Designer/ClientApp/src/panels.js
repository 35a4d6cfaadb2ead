import './styles/panels.css';
import { createDebugPanel } from './debugPanel.js';
import { createVersionsPanel } from './versionsPanel.js';

// The flow panels mount themselves on the elements their Blazor components render (data-lh-panel, with the flow id,
// the user's right to edit and the string table as attributes). They do not need a live circuit: a page rendered
// statically works the same, and an interactive page reaches a mounted panel through panelCall.

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

// Calls a mounted panel's method (mounting it first if the observer has not yet): refresh, markDeployed,
// setSelectedNode, onRolledBack.
export function panelCall(element, method, ...args) {
  const panel = element ? mount(element) : null;
  return panel && typeof panel[method] === 'function' ? panel[method](...args) : undefined;
}

export function startPanels() {
  const start = () => {
    mountAll(document);
    // A page without a canvas picks the node with a select naming the panel it drives (data-lh-select-for).
    document.addEventListener('change', (event) => {
      const select = event.target;
      if (select instanceof HTMLSelectElement && select.dataset.lhSelectFor) {
        const panel = document.getElementById(select.dataset.lhSelectFor);
        if (panel) {
          panel.dataset.selectedNode = select.value;
        }
      }
    });
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.removedNodes) {
          if (node instanceof Element) {
            for (const element of [node, ...node.querySelectorAll('[data-lh-panel]')]) {
              mounted.get(element)?.dispose();
              mounted.delete(element);
            }
          }
        }
        for (const node of change.addedNodes) {
          if (node instanceof Element) {
            if (node.matches('[data-lh-panel]')) {
              mount(node);
            }
            mountAll(node);
          }
        }
        if (change.type === 'attributes' && change.attributeName === 'data-selected-node') {
          panelCall(change.target, 'setSelectedNode', change.target.dataset.selectedNode || null);
        }
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-selected-node'] });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}
