import { api } from '../api.js';
import { toFlow, checkFlowShape } from './flowModel.js';
import { locate, markNodes, renderProblemList } from './problems.js';

// What the toolbar does: save, validate, deploy, import, export. Every change goes through /api/v1, so the hub's
// roles, department ownership and grants apply; a refusal is shown in the status line in the hub's words.
export function createActions(editor) {
  const { t, graph } = editor;
  const url = () => `/api/v1/flows/${encodeURIComponent(editor.flowId)}`;
  const status = (text, kind) => editor.toolbar.setStatus(text, kind);
  const problemText = (result) => result.problem?.detail || result.problem?.title || `HTTP ${result.status}`;

  function showProblems(raw) {
    editor.problems = (raw ?? []).map(locate);
    markNodes(graph, editor.problems);
    renderProblemList(editor.problemsHost, editor.problems, t,
      (id) => editor.cellOf(id)?.getData()?.name || id,
      (p) => {
        const cell = p.nodeId ? editor.cellOf(p.nodeId) : null;
        if (cell) {
          graph.getPlugin('selection').reset(cell);
          graph.centerCell(cell);
          if (p.field) {
            editor.settings?.focus(p.field);
          }
        }
      });
    editor.settings?.showProblems(editor.problems.filter((p) => p.nodeId === editor.selectedCell?.getData()?.id));
  }

  async function save() {
    editor.toolbar.setBusy(true);
    status(t('Saving'), 'busy');
    const result = await api('PUT', url(), toFlow(editor.meta, graph));
    editor.toolbar.setBusy(false);
    if (!result.ok) {
      status(t('SaveFailed', problemText(result)), 'bad');
      return false;
    }
    editor.setDirty(false);
    showProblems(result.body?.problems);
    const count = editor.problems.length;
    status(count === 0 ? t('Saved') : t('SavedWithProblems', count), count === 0 ? 'good' : 'bad');
    return true;
  }

  async function validate() {
    editor.toolbar.setBusy(true);
    const result = await api('POST', '/api/v1/flows/validate', toFlow(editor.meta, graph));
    editor.toolbar.setBusy(false);
    if (!result.ok) {
      status(t('ValidateFailed', problemText(result)), 'bad');
      return;
    }
    showProblems(result.body?.problems);
    const count = editor.problems.length;
    status(count === 0 ? t('Valid') : t('ProblemsFound', count), count === 0 ? 'good' : 'bad');
  }

  async function deploy() {
    if (!(await save())) {
      return;
    }
    editor.toolbar.setBusy(true);
    status(t('Deploying'), 'busy');
    const result = await api('POST', `${url()}/deploy`, {});
    editor.toolbar.setBusy(false);
    if (!result.ok) {
      showProblems(result.body?.problems ?? []);
      status(t('DeployRefused', problemText(result)), 'bad');
      return;
    }
    showProblems([]);
    const version = result.body?.version ?? 0;
    editor.deployedIds = new Set(graph.getNodes().map((n) => n.getData().id));
    editor.showSettings();
    status(t('DeployedVersion', version), 'good');
    // The versions and debug panels of the page follow the deploy (see panels.js).
    document.dispatchEvent(new CustomEvent('lh-flow-deployed', { detail: { flowId: editor.meta.id, version, source: 'editor' } }));
  }

  function exportFlow() {
    const flow = toFlow(editor.meta, graph);
    const blob = new Blob([JSON.stringify(flow, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${flow.id}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // The whole file is checked before the canvas changes: a bad file leaves the canvas as it was.
  async function importFile(file) {
    let value;
    try {
      value = JSON.parse(await file.text());
    } catch (error) {
      status(t('ImportMalformed', file.name, String(error.message ?? error)), 'bad');
      return;
    }
    const wrong = checkFlowShape(value);
    if (wrong) {
      status(t('ImportWrongShape', file.name, t(wrong[0], wrong[1])), 'bad');
      return;
    }
    const history = graph.getPlugin('history');
    const meta = editor.meta;
    editor.load({ ...value, id: meta.id, department: meta.department, name: value.name || meta.name, sharedWith: meta.sharedWith });
    editor.setDirty(true);
    history.clean();
    showProblems([]);
    status(t('Imported', file.name, value.nodes.length), 'good');
  }

  async function loadDeployedIds() {
    const versions = await api('GET', `${url()}/versions`);
    const list = versions.ok && Array.isArray(versions.body) ? versions.body : [];
    if (list.length === 0) {
      editor.deployedIds = new Set();
      return;
    }
    const latest = list.reduce((a, b) => ((b.version ?? 0) > (a.version ?? 0) ? b : a));
    const version = await api('GET', `${url()}/versions/${latest.version}`);
    const nodes = version.ok ? (version.body?.flow?.nodes ?? version.body?.nodes ?? []) : [];
    editor.deployedIds = new Set(nodes.map((n) => n.id));
    editor.showSettings();
  }

  return { save, validate, deploy, export: exportFlow, importFile, loadDeployedIds, showProblems };
}
