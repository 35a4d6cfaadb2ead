// What changed between two versions of a flow, as the versions panel shows it. The API's diff
// (GET /flows/{id}/diff) names the changed paths (config.rules[0].value); the two versions' documents
// (GET /flows/{id}/versions/{v}) hold the values, so each changed setting reads before → after.

export function valueAt(root, path) {
  let current = root;
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      return undefined;
    }
    if (match[1]) {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !(match[1] in current)) {
        return undefined;
      }
      current = current[match[1]];
    }
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) {
      if (!Array.isArray(current) || Number(index[1]) >= current.length) {
        return undefined;
      }
      current = current[Number(index[1])];
    }
  }
  return current;
}

export function shown(value) {
  if (value === undefined || value === null) {
    return null;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// The API's diff names the changed paths; the two versions' documents hold the values before and after.
export function describeDiff(diff, before, after) {
  const nodesOf = (flow) => new Map((flow?.nodes ?? []).map((n) => [n.id, n]));
  const old = nodesOf(before);
  const now = nodesOf(after);
  const nodes = [
    ...(diff.addedNodes ?? []).map((id) => ({ id, type: now.get(id)?.type, kind: 'Added', settings: [] })),
    ...(diff.removedNodes ?? []).map((id) => ({ id, type: old.get(id)?.type, kind: 'Removed', settings: [] })),
    ...(diff.changedNodes ?? []).map((c) => ({
      id: c.nodeId,
      type: now.get(c.nodeId)?.type,
      kind: 'Changed',
      settings: (c.changes ?? []).map((path) => ({ path, before: shown(valueAt(old.get(c.nodeId), path)), after: shown(valueAt(now.get(c.nodeId), path)) })),
    })),
  ];
  const wires = [
    ...(diff.addedWires ?? []).map((w) => ({ ...w, added: true })),
    ...(diff.removedWires ?? []).map((w) => ({ ...w, added: false })),
  ];
  const properties = (diff.changedProperties ?? []).map((path) => ({ path, before: shown(valueAt(before, path)), after: shown(valueAt(after, path)) }));
  return { from: diff.from, to: diff.to, nodes, wires, properties };
}

