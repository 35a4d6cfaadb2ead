// The flow's public JSON ⇄ the canvas. The canvas keeps each node's public fields in the cell's data
// ({ id, type, name, config, disabled }); wires are edges between port ids `out:<port>` and `in`.

export const InPort = 'in';
const outPrefix = 'out:';

export function outPortId(name) {
  return outPrefix + name;
}

export function portNameOf(portId) {
  return portId && portId.startsWith(outPrefix) ? portId.slice(outPrefix.length) : null;
}

// Output ports as the runtime computes them: switch from its rules, script from `outputs`, others from the type.
export function outputPorts(type, config) {
  if (!type) {
    return ['out'];
  }
  if (type.type === 'switch') {
    const ports = [];
    for (const rule of Array.isArray(config?.rules) ? config.rules : []) {
      if (rule && typeof rule.port === 'string' && rule.port && !ports.includes(rule.port)) {
        ports.push(rule.port);
      }
    }
    if (config?.otherwise !== false && !ports.includes('otherwise')) {
      ports.push('otherwise');
    }
    return ports;
  }
  if (type.type === 'script') {
    const n = Number.isInteger(config?.outputs) && config.outputs > 1 ? Math.min(config.outputs, 16) : 1;
    return n <= 1 ? ['out'] : Array.from({ length: n }, (_, i) => String(i));
  }
  return Array.isArray(type.ports) ? type.ports : ['out'];
}

// A readable id unused in the canvas: script-1, script-2, ...
export function nextNodeId(type, usedIds) {
  const base = type.replace(/^trigger\./, '').replace(/[^a-z0-9-]/gi, '-').toLowerCase() || 'node';
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`;
    if (!usedIds.has(id)) {
      return id;
    }
  }
}

// Defaults from the schema, so a dropped node starts with what the form shows.
export function defaultConfig(schema) {
  const config = {};
  for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
    if (prop && prop.default !== undefined) {
      config[name] = structuredClone(prop.default);
    }
  }
  return config;
}

// The canvas as the public flow JSON.
export function toFlow(meta, graph) {
  const nodes = graph.getNodes().map((node) => {
    const data = node.getData() ?? {};
    const { x, y } = node.getPosition();
    const result = { id: data.id, type: data.type };
    if (data.name) {
      result.name = data.name;
    }
    result.config = data.config ?? {};
    result.position = { x: Math.round(x), y: Math.round(y) };
    if (data.disabled) {
      result.disabled = true;
    }
    return result;
  });
  const wires = [];
  for (const edge of graph.getEdges()) {
    const source = edge.getSourceCell();
    const target = edge.getTargetCell();
    if (!source || !target) {
      continue;
    }
    const port = portNameOf(edge.getSourcePortId());
    const wire = { from: source.getData().id, to: target.getData().id };
    if (port && port !== 'out') {
      wire.port = port;
    }
    wires.push(wire);
  }
  const flow = { id: meta.id, name: meta.name, department: meta.department };
  if (meta.description) {
    flow.description = meta.description;
  }
  if (Array.isArray(meta.sharedWith) && meta.sharedWith.length > 0) {
    flow.sharedWith = meta.sharedWith;
  }
  flow.nodes = nodes;
  flow.wires = wires;
  return flow;
}

// Checks an imported file's shape before anything touches the canvas; returns the error key and argument or null.
export function checkFlowShape(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return ['ImportNotObject'];
  }
  if (!Array.isArray(value.nodes)) {
    return ['ImportNoNodes'];
  }
  if (value.wires !== undefined && !Array.isArray(value.wires)) {
    return ['ImportBadWires'];
  }
  const ids = new Set();
  for (const [i, node] of value.nodes.entries()) {
    if (!node || typeof node !== 'object' || typeof node.id !== 'string' || !node.id || typeof node.type !== 'string') {
      return ['ImportBadNode', i + 1];
    }
    if (ids.has(node.id)) {
      return ['ImportDuplicateNode', node.id];
    }
    ids.add(node.id);
  }
  for (const [i, wire] of (value.wires ?? []).entries()) {
    if (!wire || !ids.has(wire.from) || !ids.has(wire.to)) {
      return ['ImportBadWire', i + 1];
    }
  }
  return null;
}
