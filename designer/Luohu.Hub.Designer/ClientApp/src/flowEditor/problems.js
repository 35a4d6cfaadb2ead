import { el } from './forms.js';

const problemPath = /^nodes\[([^\]]+)\](?:\.config(?:\.(.+))?)?/;

// A hub problem ({ path, message, nodeId, line, column }) with its node and the form field it names.
export function locate(problem) {
  const match = problemPath.exec(problem.path ?? '');
  const nodeId = problem.nodeId ?? (match ? match[1] : null);
  const field = match && match[1] === nodeId && match[2] ? match[2] : null;
  return { ...problem, nodeId, field };
}

// Red outline and a count badge on every node with problems; nothing of it goes into the undo history.
export function markNodes(graph, problems) {
  const counts = new Map();
  for (const p of problems) {
    if (p.nodeId) {
      counts.set(p.nodeId, (counts.get(p.nodeId) ?? 0) + 1);
    }
  }
  const quiet = { ignoreHistory: true };
  for (const node of graph.getNodes()) {
    const n = counts.get(node.getData()?.id) ?? 0;
    node.setAttrs({
      body: { stroke: n > 0 ? '#c62828' : '#c5ced8', strokeWidth: n > 0 ? 2.5 : 1.5 },
      badge: { visibility: n > 0 ? 'visible' : 'hidden' },
      badgeText: { visibility: n > 0 ? 'visible' : 'hidden', text: String(n) },
    }, quiet);
    const view = graph.findViewByCell(node);
    view?.container?.setAttribute('data-problems', String(n));
  }
}

export function renderProblemList(host, problems, t, nameOf, onPick) {
  if (problems.length === 0) {
    host.replaceChildren();
    host.hidden = true;
    return;
  }
  host.hidden = false;
  const items = problems.map((p) => {
    const where = p.nodeId ? nameOf(p.nodeId) : t('WholeFlow');
    const line = p.line ? ` ${t('AtLine', p.line, p.column ?? 1)}` : '';
    const item = el('li', { class: 'fe-problem', 'data-testid': 'problem', 'data-node': p.nodeId ?? '', tabindex: '0', role: 'button' },
      el('strong', { text: `${where}${p.field ? ` · ${p.field}` : ''}${line}` }), el('span', { text: p.message }));
    const pick = () => onPick(p);
    item.addEventListener('click', pick);
    item.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        pick();
      }
    });
    return item;
  });
  host.replaceChildren(el('h4', { text: t('ProblemsTitle', problems.length) }), el('ul', {}, ...items));
}
