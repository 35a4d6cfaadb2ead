import './styles/versions-panel.css';
import { api } from './api.js';
import { el, format } from './dom.js';
import { describeDiff } from './flowDiff.js';

// The flow's versions: list (author, time, comment, the deployed one marked), the diff of two versions with each
// changed setting before → after, and rollback with a confirmation step. Every read and the rollback go through
// /api/v1 from the browser, so the API's roles, department ownership and audit apply. After a rollback the panel
// raises `lh-flow-deployed` on the document ({ flowId, version }) so the debug panel and the editor can follow.

// The browser's own time zone, in the designer's one format for both languages (as on the Flows page).
function localTime(iso) {
  const d = new Date(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export function createVersionsPanel(element, options) {
  const strings = options?.strings ?? {};
  const t = (key, ...values) => format(strings[key] ?? key, ...values);
  const flowId = options.flowId;
  const canEdit = options.canEdit === true;
  const base = `/api/v1/flows/${encodeURIComponent(flowId)}`;
  let versions = [];
  let confirming = null;
  let busy = false;
  let disposed = false;
  const rolledBackHandlers = [];

  element.replaceChildren();
  element.classList.add('lh-versions');
  const head = el('header', 'lh-panel-head');
  head.append(el('h2', null, t('VersionsTitle')));
  const compare = el('div', 'lh-compare lh-hidden');
  compare.dataset.testid = 'compare-form';
  const from = el('select');
  from.dataset.testid = 'compare-from';
  from.setAttribute('aria-label', t('CompareLabel'));
  const to = el('select');
  to.dataset.testid = 'compare-to';
  to.setAttribute('aria-label', t('CompareWith'));
  const show = el('button', 'button-quiet', t('CompareButton'));
  show.type = 'button';
  show.dataset.testid = 'compare-show';
  compare.append(el('span', null, t('CompareLabel')), from, el('span', null, t('CompareWith')), to, show);
  head.append(compare);
  const problem = el('p', 'lh-problem lh-hidden');
  problem.dataset.testid = 'versions-problem';
  problem.setAttribute('role', 'alert');
  const list = el('ol', 'lh-versions-list');
  list.dataset.testid = 'versions-list';
  const status = el('p', 'muted', t('VersionsLoading'));
  const notice = el('p', 'lh-notice lh-hidden');
  notice.dataset.testid = 'versions-notice';
  notice.setAttribute('role', 'status');
  const diffBox = el('div', 'lh-diff lh-hidden');
  diffBox.dataset.testid = 'diff';
  element.append(head, problem, status, list, notice, diffBox);

  function say(target, text) {
    target.textContent = text ?? '';
    target.classList.toggle('lh-hidden', !text);
  }

  function previousOf(version) {
    const older = versions.filter((v) => v.version < version).map((v) => v.version);
    return older.length ? Math.max(...older) : version;
  }

  function versionRow(v) {
    const li = el('li', v.isDeployed ? 'lh-version is-deployed' : 'lh-version');
    li.dataset.testid = 'version-row';
    li.dataset.version = String(v.version);
    const line = el('div', 'lh-version-line');
    line.append(el('span', 'lh-version-number', `v${v.version}`));
    if (v.isDeployed) {
      const badge = el('span', 'badge badge-good', t('VersionDeployed'));
      badge.dataset.testid = 'version-deployed';
      line.append(badge);
    }
    const meta = el('span', 'lh-version-meta');
    const author = el('span', null, v.author);
    author.dataset.testid = 'version-author';
    const time = el('time', 'muted', localTime(v.createdAt));
    time.dateTime = v.createdAt;
    time.dataset.testid = 'version-time';
    meta.append(author, time);
    line.append(meta);
    li.append(line);
    if (v.comment) {
      const comment = el('div', 'lh-version-comment', v.comment);
      comment.dataset.testid = 'version-comment';
      li.append(comment);
    }
    const actions = el('div', 'lh-version-actions');
    if (v.version > versions[versions.length - 1].version) {
      const changes = el('button', 'button-quiet', t('ChangesFromPrevious'));
      changes.type = 'button';
      changes.dataset.testid = 'version-changes';
      changes.addEventListener('click', () => showDiff(previousOf(v.version), v.version));
      actions.append(changes);
    }
    if (canEdit && !v.isDeployed) {
      if (confirming === v.version) {
        const box = el('div', 'lh-confirm');
        box.dataset.testid = 'rollback-confirm';
        box.setAttribute('role', 'alertdialog');
        const yes = el('button', 'lh-button-danger', t('RollBackYes'));
        yes.type = 'button';
        yes.dataset.testid = 'rollback-yes';
        yes.disabled = busy;
        yes.addEventListener('click', () => rollBack(v.version));
        const no = el('button', 'button-quiet', t('Cancel'));
        no.type = 'button';
        no.dataset.testid = 'rollback-cancel';
        no.addEventListener('click', () => {
          confirming = null;
          render();
        });
        box.append(el('span', null, t('RollBackConfirm', v.version)), yes, no);
        actions.append(box);
      } else {
        const back = el('button', 'button-quiet', t('RollBack'));
        back.type = 'button';
        back.dataset.testid = 'rollback';
        back.addEventListener('click', () => {
          confirming = v.version;
          say(notice, null);
          render();
        });
        actions.append(back);
      }
    }
    if (actions.childElementCount > 0) {
      li.append(actions);
    }
    if (v.problem) {
      const p = el('p', 'lh-problem', v.problem);
      p.dataset.testid = 'rollback-problem';
      p.setAttribute('role', 'alert');
      li.append(p);
    }
    return li;
  }

  function render() {
    list.replaceChildren(...versions.map(versionRow));
    if (versions.length === 0) {
      status.className = 'lh-empty';
      status.dataset.testid = 'versions-empty';
      say(status, t('VersionsEmpty'));
    } else {
      say(status, null);
    }
    compare.classList.toggle('lh-hidden', versions.length < 2);
    for (const select of [from, to]) {
      const keep = select.value;
      select.replaceChildren(...versions.map((v) => {
        const option = el('option', null, `v${v.version}`);
        option.value = String(v.version);
        return option;
      }));
      if (keep && versions.some((v) => String(v.version) === keep)) {
        select.value = keep;
      }
    }
    if (versions.length > 1 && !compare.dataset.chosen) {
      to.value = String(versions[0].version);
      from.value = String(versions[1].version);
    }
  }

  async function load() {
    const result = await api('GET', `${base}/versions`);
    if (disposed) {
      return;
    }
    if (!result.ok) {
      say(problem, t('ProblemLoad', result.problem?.detail || result.problem?.title));
      say(status, null);
      return;
    }
    say(problem, null);
    versions = [...(result.body ?? [])].sort((a, b) => b.version - a.version);
    render();
  }

  function settingBlock(change) {
    const box = el('div', 'lh-setting');
    box.dataset.testid = 'diff-setting';
    box.dataset.path = change.path;
    box.append(el('div', 'lh-setting-path', change.path));
    const values = el('div', 'lh-setting-values');
    const before = el('pre', 'lh-before', change.before ?? t('DiffAbsent'));
    before.dataset.testid = 'diff-before';
    const after = el('pre', 'lh-after', change.after ?? t('DiffAbsent'));
    after.dataset.testid = 'diff-after';
    values.append(before, el('span', 'lh-arrow', '→'), after);
    box.append(values);
    return box;
  }

  function renderDiff(view) {
    const top = el('div', 'lh-diff-head');
    top.append(el('h3', null, t('DiffTitle', view.from, view.to)));
    const close = el('button', 'button-quiet', t('DiffClose'));
    close.type = 'button';
    close.dataset.testid = 'diff-close';
    close.addEventListener('click', () => diffBox.classList.add('lh-hidden'));
    top.append(close);
    const parts = [top];
    if (view.nodes.length + view.wires.length + view.properties.length === 0) {
      parts.push(el('p', 'muted', t('DiffNone')));
    }
    if (view.properties.length) {
      parts.push(el('h4', null, t('DiffProperties')), ...view.properties.map(settingBlock));
    }
    const badge = { Added: 'badge-good', Removed: 'badge-bad', Changed: 'badge-warn' };
    if (view.nodes.length) {
      const ul = el('ul', 'lh-diff-list');
      for (const node of view.nodes) {
        const li = el('li');
        li.dataset.testid = 'diff-node';
        li.dataset.nodeId = node.id;
        li.append(el('span', `badge ${badge[node.kind]}`, t(`Diff${node.kind}`)), el('span', 'lh-diff-id', node.id));
        if (node.type) {
          li.append(el('span', 'lh-diff-type', node.type));
        }
        li.append(...node.settings.map(settingBlock));
        ul.append(li);
      }
      parts.push(el('h4', null, t('DiffNodes')), ul);
    }
    if (view.wires.length) {
      const ul = el('ul', 'lh-diff-list');
      for (const wire of view.wires) {
        const li = el('li');
        li.dataset.testid = 'diff-wire';
        li.append(el('span', `badge ${wire.added ? 'badge-good' : 'badge-bad'}`, t(wire.added ? 'DiffAdded' : 'DiffRemoved')),
          el('span', 'lh-diff-wire', `${wire.from}${wire.port ? ` [${wire.port}]` : ''} → ${wire.to}`));
        ul.append(li);
      }
      parts.push(el('h4', null, t('DiffWires')), ul);
    }
    diffBox.replaceChildren(...parts);
    diffBox.classList.remove('lh-hidden');
  }

  async function showDiff(a, b) {
    const [diff, before, after] = await Promise.all([
      api('GET', `${base}/diff?from=${a}&to=${b}`),
      api('GET', `${base}/versions/${a}`),
      api('GET', `${base}/versions/${b}`),
    ]);
    const failed = [diff, before, after].find((r) => !r.ok);
    if (failed) {
      say(problem, t('ProblemDiff', failed.problem?.detail || failed.problem?.title));
      return;
    }
    say(problem, null);
    renderDiff(describeDiff(diff.body, before.body, after.body));
  }

  async function rollBack(version) {
    busy = true;
    render();
    const result = await api('POST', `${base}/rollback/${version}`);
    busy = false;
    if (!result.ok) {
      versions = versions.map((v) => (v.version === version ? { ...v, problem: t('ProblemRollback', result.problem?.detail || result.problem?.title) } : v));
      render();
      return;
    }
    confirming = null;
    await load();
    say(notice, t('RolledBack', version));
    document.dispatchEvent(new CustomEvent('lh-flow-deployed', { detail: { flowId, version, source: 'rollback' } }));
    for (const handler of rolledBackHandlers) {
      handler(version);
    }
  }

  show.addEventListener('click', () => {
    compare.dataset.chosen = 'true';
    if (from.value === to.value) {
      say(problem, t('CompareSame'));
      return;
    }
    showDiff(Number(from.value), Number(to.value));
  });
  from.addEventListener('change', () => { compare.dataset.chosen = 'true'; });
  to.addEventListener('change', () => { compare.dataset.chosen = 'true'; });

  load();

  return {
    refresh: load,
    // The hosting Blazor component (when its circuit is interactive) hears of rollbacks here.
    onRolledBack(handler) {
      rolledBackHandlers.push(typeof handler === 'function' ? handler : (version) => handler.invokeMethodAsync('RolledBack', version));
    },
    dispose() {
      disposed = true;
      element.replaceChildren();
    },
  };
}
