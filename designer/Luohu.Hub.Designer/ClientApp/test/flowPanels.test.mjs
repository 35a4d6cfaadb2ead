// Unit tests of the flow panels' pure logic, run by `npm test` (node's own runner; nothing to install) and by
// the designer's test project (FlowPanelsScriptTests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDiff, valueAt } from '../src/flowDiff.js';
import { jsonErrorAt } from '../src/injectForm.js';

const v1 = {
  name: 'Lots',
  nodes: [
    { id: 'in', type: 'trigger.topic', config: { topic: 'a/b' } },
    { id: 'calc', type: 'script', config: { code: 'return msg;', limits: [1, 2] } },
    { id: 'old', type: 'debug' },
  ],
};
const v2 = {
  name: 'Car parks',
  nodes: [
    { id: 'in', type: 'trigger.topic', config: { topic: 'a/b' } },
    { id: 'calc', type: 'script', config: { code: 'msg.x = 1; return msg;', limits: [1, 3], outputs: 2 } },
    { id: 'out', type: 'publish', config: { topic: 'c/d' } },
  ],
};
const diff = {
  from: 1,
  to: 2,
  addedNodes: ['out'],
  removedNodes: ['old'],
  changedNodes: [{ nodeId: 'calc', changes: ['config.code', 'config.limits[1]', 'config.outputs'] }],
  addedWires: [{ from: 'calc', port: 'out2', to: 'out' }],
  removedWires: [{ from: 'calc', to: 'old' }],
  changedProperties: ['name'],
};

test('a changed setting reads before and after, text as written and anything else as JSON', () => {
  const calc = describeDiff(diff, v1, v2).nodes.find((n) => n.kind === 'Changed');
  assert.deepEqual(calc.settings, [
    { path: 'config.code', before: 'return msg;', after: 'msg.x = 1; return msg;' },
    { path: 'config.limits[1]', before: '2', after: '3' },
    { path: 'config.outputs', before: null, after: '2' },
  ]);
});

test('added and removed nodes carry their type, wires their port, the flow its changed name', () => {
  const view = describeDiff(diff, v1, v2);
  assert.deepEqual(view.nodes.filter((n) => n.kind !== 'Changed').map((n) => [n.kind, n.id, n.type]), [['Added', 'out', 'publish'], ['Removed', 'old', 'debug']]);
  assert.deepEqual(view.wires, [{ from: 'calc', port: 'out2', to: 'out', added: true }, { from: 'calc', to: 'old', added: false }]);
  assert.deepEqual(view.properties, [{ path: 'name', before: 'Lots', after: 'Car parks' }]);
});

test('a path that is absent reads as nothing', () => {
  assert.equal(valueAt(v1.nodes[0], 'config.missing'), undefined);
  assert.equal(valueAt(v1.nodes[0], 'config.topic[0]'), undefined);
  assert.deepEqual(valueAt(v1.nodes[1], 'config.limits'), [1, 2]);
});

test('a JSON error is named by line and column', () => {
  assert.deepEqual(jsonErrorAt('{ "x": 21,\n  "y": }'), { line: 2, column: 8 });
  assert.deepEqual(jsonErrorAt('{ "x" 1 }'), { line: 1, column: 7 });
  assert.deepEqual(jsonErrorAt("{ 'x': 1 }"), { line: 1, column: 3 });
});
