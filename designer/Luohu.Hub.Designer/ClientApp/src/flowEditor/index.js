import { Dnd } from '@antv/x6';
import '../styles/flow-editor.css';
import { api } from '../api.js';
import { stringsOf, typeTitle } from './strings.js';
import { createGraph, decorate, nodeSpec, syncPorts } from './graph.js';
import { defaultConfig, nextNodeId, outPortId, outputPorts, InPort } from './flowModel.js';
import { renderPalette } from './palette.js';
import { renderSettings } from './settingsPanel.js';
import { renderToolbar } from './toolbar.js';
import { el } from './forms.js';
import { createActions } from './actions.js';

// The flow editor in `element`: palette, canvas, settings of the selected node, problems. The canvas state lives
// here, in the browser; the page's panels hear of the selection and of deploys through document events
// (lh-node-selected, lh-flow-deployed), and a rollback in the versions panel reloads the canvas the same way.
// options: { flowId, canEdit, strings, rulesStrings (the rule node's embedded rules editor) }. Returns { reload, dispose }.
export async function createFlowEditor(element, options) {
  const t = stringsOf(options?.strings);
  const readOnly = !options?.canEdit;
  const toolbarHost = el('div', { class: 'fe-toolbar', 'data-testid': 'editor-toolbar' });
  const paletteHost = el('aside', { class: 'fe-palette', 'data-testid': 'palette', hidden: readOnly });
  const canvasHost = el('div', { class: 'fe-canvas', 'data-testid': 'canvas' });
  const emptyHint = el('div', { class: 'fe-empty-hint', 'data-testid': 'canvas-empty', text: readOnly ? t('EmptyReadOnly') : t('EmptyHint') });
  const settingsHost = el('div', { class: 'fe-settings', 'data-testid': 'node-settings' });
  const problemsHost = el('div', { class: 'fe-problems', 'data-testid': 'problems', hidden: true });
  const side = el('aside', { class: 'fe-side' }, settingsHost, problemsHost);
  const root = el('div', { class: `fe-root${readOnly ? ' fe-readonly' : ''}`, 'data-testid': 'flow-editor' },
    toolbarHost, el('div', { class: 'fe-body' }, paletteHost, el('div', { class: 'fe-canvas-wrap' }, canvasHost, emptyHint), side));
  element.replaceChildren(root);

  const editor = {
    t, readOnly, flowId: options.flowId, meta: null, types: new Map(), capabilities: [], deployedIds: new Set(),
    problems: [], problemsHost, dirty: false, selectedCell: null, settings: null, clipboard: null,
  };
  const graph = createGraph(canvasHost, readOnly);
  editor.graph = graph;
  const history = graph.getPlugin('history');
  const selection = graph.getPlugin('selection');
  const keyboard = graph.getPlugin('keyboard');
  const titleOf = (type) => typeTitle(t, type);
  editor.titleOf = titleOf;

  editor.setDirty = (value) => {
    editor.dirty = value;
    editor.toolbar.setDirty(value);
  };
  editor.refreshEmpty = () => {
    emptyHint.hidden = graph.getNodes().length > 0;
  };
  editor.usedIds = () => new Set(graph.getNodes().map((n) => n.getData()?.id));
  editor.cellOf = (nodeId) => graph.getNodes().find((n) => n.getData()?.id === nodeId) ?? null;

  editor.showSettings = () => {
    editor.settings?.dispose();
    editor.settings = null;
    const cell = editor.selectedCell;
    if (!cell || !graph.hasCell(cell)) {
      settingsHost.replaceChildren(el('p', { class: 'fe-hint fe-nothing', text: t('NothingSelected') }));
      return;
    }
    const data = cell.getData();
    editor.settings = renderSettings(settingsHost, data, {
      t, readOnly, types: editor.types, capabilities: editor.capabilities,
      department: editor.meta?.department, rulesStrings: options.rulesStrings,
      problems: editor.problems.filter((p) => p.nodeId === data.id),
      idEditable: (id) => !editor.deployedIds.has(id),
      idTaken: (id) => editor.usedIds().has(id),
      current: () => cell.getData(),
      rerender: () => editor.showSettings(),
      update: (changes) => editor.updateNode(cell, changes),
    });
  };

  editor.updateNode = (cell, changes) => {
    const data = { ...cell.getData(), ...changes };
    for (const key of Object.keys(data)) {
      if (data[key] === undefined) {
        delete data[key];
      }
    }
    if (data.config) {
      for (const key of Object.keys(data.config)) {
        if (data.config[key] === undefined) {
          delete data.config[key];
        }
      }
    }
    graph.startBatch('settings');
    cell.setData(data, { overwrite: true, fromForm: true });
    syncPorts(graph, cell, editor.types.get(data.type), {});
    graph.stopBatch('settings');
  };

  editor.addNode = (data, position) => graph.addNode(nodeSpec(data, editor.types.get(data.type), position, titleOf));

  editor.load = (flow) => {
    editor.meta = { id: flow.id, name: flow.name, department: flow.department, description: flow.description, sharedWith: flow.sharedWith };
    history.disable();
    // A selected node's view outlives clearCells (the selection still holds it): let go of it first, so a reload
    // after a rollback leaves one view per node.
    selection.clean();
    editor.selectedCell = null;
    editor.showSettings?.();
    graph.clearCells();
    const nodes = (flow.nodes ?? []).map((n, i) => nodeSpec(
      { id: n.id, type: n.type, name: n.name, config: n.config ?? {}, disabled: n.disabled || undefined },
      editor.types.get(n.type),
      n.position ?? { x: 80 + 240 * (i % 5), y: 80 + 110 * Math.floor(i / 5) },
      titleOf));
    graph.addNodes(nodes);
    const edges = [];
    for (const wire of flow.wires ?? []) {
      const from = editor.cellOf(wire.from);
      const to = editor.cellOf(wire.to);
      if (!from || !to) {
        continue;
      }
      const ports = outputPorts(editor.types.get(from.getData().type), from.getData().config);
      const port = wire.port && wire.port !== 'out' ? wire.port : ports[0] ?? 'out';
      edges.push({ shape: 'edge', source: { cell: from.id, port: outPortId(/^\d+$/.test(port) && !ports.includes(port) ? ports[Number(port)] : port) }, target: { cell: to.id, port: InPort },
        attrs: { line: { stroke: '#6b7a8a', strokeWidth: 1.6, targetMarker: { name: 'block', size: 6 } } } });
    }
    graph.addEdges(edges);
    if (!readOnly) {
      history.enable();
    }
    history.clean();
    editor.selectedCell = null;
    editor.showSettings();
    editor.setDirty(false);
    editor.refreshEmpty();
    if (nodes.length > 0) {
      graph.zoomToFit({ padding: 40, maxScale: 1 });
    }
  };

  const actions = createActions(editor);
  editor.toolbar = renderToolbar(toolbarHost, t, readOnly, {
    ...actions,
    undo: () => history.undo(),
    redo: () => history.redo(),
    delete: () => deleteSelection(),
    zoomIn: () => graph.zoom(0.1),
    zoomOut: () => graph.zoom(-0.1),
    fit: () => graph.zoomToFit({ padding: 40, maxScale: 1 }),
  });

  function deleteSelection() {
    const cells = graph.getSelectedCells();
    if (!readOnly && cells.length > 0) {
      graph.removeCells(cells);
    }
  }

  graph.on('node:change:data', ({ node, options: changeOptions }) => {
    decorate(node, editor.types.get(node.getData()?.type), titleOf);
    if (!changeOptions?.fromForm) {
      syncPorts(graph, node, editor.types.get(node.getData()?.type), { ignoreHistory: true });
      if (node === editor.selectedCell) {
        editor.showSettings();
      }
    }
  });
  history.on('change', () => editor.setDirty(true));
  graph.on('cell:added', () => editor.refreshEmpty());
  graph.on('cell:removed', () => editor.refreshEmpty());
  graph.on('selection:changed', () => {
    const nodes = graph.getSelectedCells().filter((c) => c.isNode());
    const cell = nodes.length === 1 ? nodes[0] : null;
    if (cell !== editor.selectedCell) {
      editor.selectedCell = cell;
      editor.showSettings();
      document.dispatchEvent(new CustomEvent('lh-node-selected', { detail: { flowId: options.flowId, nodeId: cell ? cell.getData().id : null } }));
    }
  });

  // Copy keeps the wires between the copied nodes; paste gives every node a fresh readable id.
  function copy() {
    const nodes = graph.getSelectedCells().filter((c) => c.isNode());
    if (nodes.length === 0) {
      return;
    }
    const ids = new Set(nodes.map((n) => n.id));
    editor.clipboard = {
      nodes: nodes.map((n) => ({ cell: n.id, data: structuredClone(n.getData()), position: n.getPosition() })),
      edges: graph.getEdges().filter((e) => ids.has(e.getSourceCellId()) && ids.has(e.getTargetCellId()))
        .map((e) => ({ from: e.getSourceCellId(), port: e.getSourcePortId(), to: e.getTargetCellId() })),
    };
    editor.toolbar.setStatus(t('Copied', nodes.length), 'info');
  }

  function paste() {
    const clip = editor.clipboard;
    if (readOnly || !clip) {
      return;
    }
    const used = editor.usedIds();
    const cells = new Map();
    graph.startBatch('paste');
    for (const item of clip.nodes) {
      const id = nextNodeId(item.data.type, used);
      used.add(id);
      cells.set(item.cell, editor.addNode({ ...structuredClone(item.data), id }, { x: item.position.x + 40, y: item.position.y + 40 }));
    }
    for (const edge of clip.edges) {
      graph.addEdge({ shape: 'edge', source: { cell: cells.get(edge.from).id, port: edge.port }, target: { cell: cells.get(edge.to).id, port: InPort },
        attrs: { line: { stroke: '#6b7a8a', strokeWidth: 1.6, targetMarker: { name: 'block', size: 6 } } } });
    }
    graph.stopBatch('paste');
    selection.reset([...cells.values()]);
    for (const item of clip.nodes) {
      item.position = { x: item.position.x + 40, y: item.position.y + 40 };
    }
  }

  const stop = (fn) => (e) => {
    e?.preventDefault?.();
    fn();
    return false;
  };
  keyboard.bindKey(['ctrl+c', 'meta+c'], stop(copy));
  keyboard.bindKey(['ctrl+v', 'meta+v'], stop(paste));
  if (!readOnly) {
    keyboard.bindKey(['ctrl+z', 'meta+z'], stop(() => history.undo()));
    keyboard.bindKey(['ctrl+shift+z', 'meta+shift+z', 'ctrl+y', 'meta+y'], stop(() => history.redo()));
    keyboard.bindKey(['delete', 'backspace'], stop(deleteSelection));
  }

  const beforeUnload = (e) => {
    if (editor.dirty) {
      e.preventDefault();
      e.returnValue = '';
    }
  };
  window.addEventListener('beforeunload', beforeUnload);

  const dnd = new Dnd({
    target: graph,
    scaled: false,
    dndContainer: paletteHost,
    getDropNode: (dragging) => {
      const data = structuredClone(dragging.getData());
      data.id = nextNodeId(data.type, editor.usedIds());
      return graph.createNode(nodeSpec(data, editor.types.get(data.type), { x: 0, y: 0 }, titleOf));
    },
  });
  graph.on('node:added', ({ node, options: addOptions }) => {
    if (addOptions?.stencil) {
      selection.reset(node);
    }
  });

  editor.toolbar.setStatus(t('Loading'), 'busy');
  const [flow, types] = await Promise.all([api('GET', `/api/v1/flows/${encodeURIComponent(options.flowId)}`), api('GET', '/api/v1/flows/node-types')]);
  if (!flow.ok || !types.ok) {
    editor.toolbar.setStatus(t('LoadFailed', (flow.problem ?? types.problem)?.detail || (flow.problem ?? types.problem)?.title), 'bad');
    return { reload: async () => {}, dispose: () => graph.dispose() };
  }
  for (const type of types.body) {
    editor.types.set(type.type, type);
  }
  const capabilities = await api('GET', `/api/v1/capabilities?department=${encodeURIComponent(flow.body.department)}`);
  editor.capabilities = capabilities.ok ? capabilities.body : [];
  if (!readOnly) {
    renderPalette(paletteHost, types.body, editor.capabilities, t, (item, e) => {
      const data = { id: item.type, type: item.type, config: { ...defaultConfig(editor.types.get(item.type)?.configSchema), ...(item.config ?? {}) } };
      dnd.start(graph.createNode(nodeSpec(data, editor.types.get(item.type), { x: 0, y: 0 }, titleOf)), e);
    });
  }
  editor.load(flow.body);
  await actions.loadDeployedIds();
  editor.toolbar.setStatus('', 'info');
  root.setAttribute('data-ready', 'true');

  // A rollback runs an earlier version but keeps the draft (nothing is lost): show the draft as stored and say so.
  async function reload() {
    const fresh = await api('GET', `/api/v1/flows/${encodeURIComponent(options.flowId)}`);
    if (fresh.ok) {
      editor.load(fresh.body);
      editor.problems = [];
      actions.showProblems([]);
      await actions.loadDeployedIds();
    }
  }
  const onDeployed = (event) => {
    if (event.detail?.flowId === options.flowId && event.detail?.source === 'rollback') {
      reload().then(() => editor.toolbar.setStatus(t('RolledBackDraftKept', event.detail.version), 'info'));
    }
  };
  document.addEventListener('lh-flow-deployed', onDeployed);

  return {
    reload,
    dispose: () => {
      document.removeEventListener('lh-flow-deployed', onDeployed);
      window.removeEventListener('beforeunload', beforeUnload);
      editor.settings?.dispose();
      graph.dispose();
    },
  };
}
