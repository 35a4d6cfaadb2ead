import { Graph, History, Selection, Snapline, Keyboard } from '@antv/x6';
import { InPort, outPortId, outputPorts } from './flowModel.js';

// Narrow enough for the samples' 200 px grid of positions to leave room for the wires.
export const NodeWidth = 176;
const RowHeight = 22;

// Category colours and glyphs, the same in palette and canvas so a node is recognised at a glance.
export const Categories = {
  trigger: { color: '#2f7d4f', glyph: '▶' },
  logic: { color: '#2d5fa8', glyph: 'ƒ' },
  plugin: { color: '#8a5a12', glyph: '⚙' },
  output: { color: '#7a3b8f', glyph: '◆' },
};

let registered = false;

function register() {
  if (registered) {
    return;
  }
  registered = true;
  Graph.registerNode('luohu-node', {
    inherit: 'rect',
    width: NodeWidth,
    height: 52,
    markup: [
      { tagName: 'rect', selector: 'body' },
      { tagName: 'rect', selector: 'stripe' },
      { tagName: 'text', selector: 'icon' },
      { tagName: 'text', selector: 'label' },
      { tagName: 'text', selector: 'sub' },
      { tagName: 'circle', selector: 'badge' },
      { tagName: 'text', selector: 'badgeText' },
    ],
    attrs: {
      body: { refWidth: '100%', refHeight: '100%', rx: 6, ry: 6, fill: '#ffffff', stroke: '#c5ced8', strokeWidth: 1.5 },
      stripe: { width: 26, refHeight: '100%', rx: 6, ry: 6, fill: '#2d5fa8' },
      icon: { refX: 13, refY: '50%', textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 13, fill: '#ffffff' },
      label: { refX: 34, refY: 17, textAnchor: 'start', textVerticalAnchor: 'middle', fontSize: 13, fontWeight: 600, fill: '#1c2733' },
      sub: { refX: 34, refY: 35, textAnchor: 'start', textVerticalAnchor: 'middle', fontSize: 11, fill: '#66717d', fontFamily: 'ui-monospace, monospace' },
      badge: { refX: '100%', refY: 0, r: 10, fill: '#c62828', visibility: 'hidden' },
      badgeText: { refX: '100%', refY: 0, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 11, fontWeight: 700, fill: '#fff', visibility: 'hidden' },
    },
  }, true);
}

const portCircle = { r: 6, magnet: true, stroke: '#5b6b7b', strokeWidth: 1.5, fill: '#ffffff' };

const portGroups = {
  in: { position: 'left', attrs: { circle: { ...portCircle, magnet: 'passive' } } },
  out: {
    position: 'right',
    attrs: { circle: portCircle, text: { fontSize: 10, fill: '#4a5663' } },
    label: { position: { name: 'left', args: { x: -10 } } },
  },
};

function shorten(text, max) {
  return text && text.length > max ? `${text.slice(0, max - 1)}…` : (text ?? '');
}

// Everything drawn from a node's data: label, colours, ports. Set without history so undo only replays what the
// user did; ports are recorded because wires hang on them (see syncPorts).
export function nodeMetadata(data, type) {
  const ports = type?.isTrigger ? [] : [{ id: InPort, group: 'in' }];
  const outs = outputPorts(type, data.config);
  for (const name of outs) {
    ports.push({ id: outPortId(name), group: 'out', attrs: { text: { text: outs.length > 1 || name !== 'out' ? name : '' } } });
  }
  return ports;
}

export function nodeHeight(outCount) {
  return Math.max(52, outCount * RowHeight + 14);
}

export function decorate(node, type, titleOf) {
  const data = node.getData() ?? {};
  const category = Categories[type?.category] ?? Categories.logic;
  node.setAttrs({
    stripe: { fill: category.color },
    icon: { text: category.glyph },
    label: { text: shorten(data.name || (type ? titleOf(type) : data.type), 18) },
    sub: { text: shorten(`${data.id} · ${data.type}`, 26) },
    body: { opacity: data.disabled ? 0.5 : 1 },
  }, { ignoreHistory: true });
}

export function nodeSpec(data, type, position, titleOf) {
  const ports = nodeMetadata(data, type);
  const outs = ports.filter((p) => p.group === 'out').length;
  return {
    id: data.id,
    shape: 'luohu-node',
    x: position?.x ?? 0,
    y: position?.y ?? 0,
    width: NodeWidth,
    height: nodeHeight(outs),
    data,
    ports: { groups: portGroups, items: ports },
    attrs: {
      stripe: { fill: (Categories[type?.category] ?? Categories.logic).color },
      icon: { text: (Categories[type?.category] ?? Categories.logic).glyph },
      label: { text: shorten(data.name || (type ? titleOf(type) : data.type), 18) },
      sub: { text: shorten(`${data.id} · ${data.type}`, 26) },
    },
  };
}

// Makes the node's ports match its config (a switch rule added or renamed); wires on vanished ports go with them.
export function syncPorts(graph, node, type, options) {
  const wanted = nodeMetadata(node.getData() ?? {}, type);
  const current = node.getPorts();
  const same = wanted.length === current.length
    && wanted.every((p, i) => p.id === current[i].id && (p.attrs?.text?.text ?? '') === (current[i].attrs?.text?.text ?? ''));
  if (same) {
    return;
  }
  const keep = new Set(wanted.map((p) => p.id));
  for (const edge of graph.getConnectedEdges(node, { outgoing: true })) {
    if (!keep.has(edge.getSourcePortId())) {
      graph.removeEdge(edge, options);
    }
  }
  node.prop('ports/items', wanted, { ...options, rewrite: true });
  node.resize(NodeWidth, nodeHeight(wanted.filter((p) => p.group === 'out').length), options);
}

export function createGraph(container, readOnly) {
  register();
  const graph = new Graph({
    container,
    // Synchronous rendering: a reload (after a rollback) clears the cells and adds them again under the same ids,
    // and the asynchronous renderer left the old views in place beside the new ones.
    async: false,
    autoResize: true,
    grid: { visible: true, size: 10, type: 'dot', args: { color: '#d5dbe2' } },
    background: { color: '#f7f9fb' },
    panning: { enabled: true, eventTypes: ['leftMouseDown'] },
    mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 2.5 },
    interacting: readOnly ? { nodeMovable: false, edgeMovable: false, magnetConnectable: false, edgeLabelMovable: false } : true,
    connecting: {
      connector: { name: 'smooth' },
      anchor: 'center',
      connectionPoint: 'anchor',
      allowBlank: false,
      allowLoop: false,
      allowNode: false,
      allowEdge: false,
      allowMulti: false,
      snap: { radius: 24 },
      highlight: true,
      createEdge() {
        return this.createEdge({ shape: 'edge', attrs: { line: { stroke: '#6b7a8a', strokeWidth: 1.6, targetMarker: { name: 'block', size: 6 } } }, zIndex: 0 });
      },
      validateMagnet({ magnet }) {
        return !readOnly && magnet.getAttribute('port-group') === 'out';
      },
      validateConnection({ sourceCell, targetCell, sourceMagnet, targetMagnet }) {
        return !readOnly && !!targetMagnet && sourceCell !== targetCell
          && sourceMagnet?.getAttribute('port-group') === 'out' && targetMagnet.getAttribute('port-group') === 'in';
      },
    },
    highlighting: {
      magnetAvailable: { name: 'stroke', args: { padding: 3, attrs: { stroke: '#2d7ff9', strokeWidth: 2 } } },
      magnetAdsorbed: { name: 'stroke', args: { padding: 3, attrs: { stroke: '#1a5fd0', strokeWidth: 3 } } },
    },
  });
  graph.use(new Selection({
    enabled: true,
    multiple: true,
    rubberband: true,
    modifiers: 'shift',
    multipleSelectionModifiers: ['shift', 'ctrl', 'meta'],
    movable: !readOnly,
    showNodeSelectionBox: true,
    pointerEvents: 'none',
  }));
  graph.use(new Snapline({ enabled: !readOnly }));
  graph.use(new History({
    enabled: !readOnly,
    beforeAddCommand: (event, args) => !args?.options?.ignoreHistory,
  }));
  graph.use(new Keyboard({
    enabled: true,
    global: true,
    // Shortcuts belong to the canvas: typing in a field or the code editor must not delete nodes or undo the flow.
    guard: (e) => !isTyping(e.target),
  }));
  return graph;
}

export function isTyping(target) {
  const el = target instanceof Element ? target : null;
  return !!el && (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .cm-editor') !== null);
}
