import { api } from './api.js';
import { h } from './dom.js';

// The rules library beside the editor: the department's workflows (latest version, unpublished changes), and for the
// open one its published versions with author, time and comment, what each changed, and a roll back. Everything is
// read from and written to /api/v1/rules/library with the session cookie; the page decides what opening means.
//
// ctx: { t, canEdit, departments: [{ id, name }], onOpen(department, name), onNew(department), onRollback(version),
//        onLoadVersion(version document), current() → { department, name } }
export function createLibraryPanel(host, ctx) {
  const { t, canEdit } = ctx;
  const state = { department: ctx.departments[0]?.id ?? '', workflows: [], detail: null, diffOf: null, diff: null, confirmRollback: null, error: '' };
  const list = h('div', { className: 'library-list', testid: 'library-list' });
  const versions = h('div', { className: 'library-versions', testid: 'library-versions' });
  const departmentSelect = h('select', { className: 'text-input', testid: 'library-department', 'aria-label': t('LibraryDepartment'),
    onchange: () => { state.department = departmentSelect.value; refresh().then(() => ctx.onDepartment(state.department, state.workflows)); } },
  ctx.departments.map((d) => h('option', { value: d.id }, d.name)));
  host.replaceChildren(
    h('div', { className: 'form-head' }, h('h2', {}, t('LibraryTitle'))),
    h('label', { className: 'field' }, h('span', { className: 'field-label' }, t('LibraryDepartment')), departmentSelect),
    h('button', { type: 'button', className: 'button-quiet', testid: 'rules-new', disabled: !canEdit, onclick: () => ctx.onNew(state.department) }, `+ ${t('New')}`),
    list,
    versions);

  function time(value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(document.documentElement.lang || 'zh-Hans', { dateStyle: 'short', timeStyle: 'short' });
  }

  async function refresh() {
    const response = await api('GET', `/api/v1/rules/library?department=${encodeURIComponent(state.department)}`);
    state.workflows = response.ok && Array.isArray(response.body) ? response.body : [];
    state.error = response.ok ? '' : `${response.problem?.title ?? ''} ${response.problem?.detail ?? ''}`;
    renderList();
    return state.workflows;
  }

  function renderList() {
    const open = ctx.current();
    departmentSelect.value = state.department;
    if (state.error) {
      list.replaceChildren(h('p', { className: 'field-problem' }, state.error));
      return;
    }
    list.replaceChildren(state.workflows.length === 0
      ? h('p', { className: 'muted tree-empty', testid: 'library-empty' }, t('LibraryEmpty'))
      : h('ul', { className: 'library-items' }, state.workflows.map((w) => {
        const selected = open.department === w.department && open.name === w.name;
        return h('li', { 'data-workflow': w.name },
          h('button', { type: 'button', className: `library-item${selected ? ' selected' : ''}`, testid: 'library-item', 'aria-current': selected ? 'true' : null, onclick: () => ctx.onOpen(w.department, w.name) },
            h('span', { className: 'node-name' }, w.name),
            w.latestVersion ? h('span', { className: 'badge badge-good', testid: 'library-item-version' }, t('VersionBadge', w.latestVersion)) : h('span', { className: 'badge badge-neutral', testid: 'library-item-version' }, t('NotPublished')),
            w.latestVersion && w.hasUnpublishedChanges ? h('span', { className: 'badge badge-warn', testid: 'library-item-draft' }, t('DraftDiffers')) : null,
            w.description ? h('span', { className: 'library-description' }, w.description) : null));
      })));
  }

  // The open workflow's detail (GET rules/library/{department}/{name}), or null for a new, unsaved one.
  function showDetail(detail) {
    state.detail = detail;
    state.diffOf = null;
    state.diff = null;
    state.confirmRollback = null;
    renderVersions();
  }

  async function showDiff(version) {
    if (state.diffOf === version) {
      state.diffOf = null;
      renderVersions();
      return;
    }
    const d = state.detail;
    const response = await api('GET', `/api/v1/rules/library/${encodeURIComponent(d.department)}/${encodeURIComponent(d.name)}/diff?from=${version - 1}&to=${version}`);
    state.diffOf = version;
    state.diff = response.ok ? response.body : { error: response.problem?.detail ?? response.problem?.title ?? '' };
    renderVersions();
  }

  function diffView() {
    if (state.diff?.error !== undefined) {
      return h('p', { className: 'field-problem' }, state.diff.error);
    }
    if (!state.diff?.length) {
      return h('p', { className: 'muted', testid: 'version-diff-none' }, t('DiffNone'));
    }
    const shown = (value) => (value === null || value === undefined ? t('DiffAbsent') : typeof value === 'string' ? value : JSON.stringify(value));
    return h('ul', { className: 'version-diff', testid: 'version-diff' }, state.diff.map((c) => h('li', {},
      h('span', { className: 'problem-where' }, c.path),
      h('del', {}, shown(c.before)), ' → ', h('ins', {}, shown(c.after)))));
  }

  function renderVersions() {
    const d = state.detail;
    if (!d) {
      versions.replaceChildren();
      return;
    }
    const latest = d.latestVersion ?? 0;
    // replaceChildren would write a null as the text "null": h() leaves nulls out.
    versions.replaceChildren(h('div', {},
      h('h3', {}, t('VersionsTitle', d.name)),
      d.followedBy?.length ? h('p', { className: 'field-hint', testid: 'library-followed-by' }, t('FollowedBy', d.followedBy.join(', '))) : null,
      d.versions.length === 0
        ? h('p', { className: 'muted' }, t('NoVersions'))
        : h('ol', { className: 'version-list' }, [...d.versions].reverse().map((v) => h('li', { className: 'version', testid: 'library-version', 'data-version': String(v.version) },
          h('div', { className: 'version-head' },
            h('span', { className: 'badge badge-neutral' }, t('VersionBadge', v.version)),
            v.version === latest ? h('span', { className: 'badge badge-good' }, t('Live')) : null,
            h('span', { className: 'version-meta' }, `${v.author} · ${time(v.createdAt)}`)),
          v.comment ? h('div', { className: 'version-comment' }, v.comment) : null,
          h('div', { className: 'version-actions' },
            v.version > 1 ? h('button', { type: 'button', className: 'button-quiet', testid: 'version-diff-toggle', onclick: () => showDiff(v.version) }, t('Changes')) : null,
            h('button', { type: 'button', className: 'button-quiet', testid: 'version-open', onclick: () => openVersion(v.version) }, t('OpenVersion')),
            v.version !== latest && canEdit
              ? state.confirmRollback === v.version
                ? h('span', { className: 'toolbar-group' },
                  h('button', { type: 'button', className: 'button-primary', testid: 'version-rollback-confirm', onclick: () => { state.confirmRollback = null; ctx.onRollback(v.version); } }, t('RollbackConfirm', v.version)),
                  h('button', { type: 'button', className: 'button-quiet', onclick: () => { state.confirmRollback = null; renderVersions(); } }, t('Cancel')))
                : h('button', { type: 'button', className: 'button-quiet', testid: 'version-rollback', onclick: () => { state.confirmRollback = v.version; renderVersions(); } }, t('Rollback'))
              : null),
          state.diffOf === v.version ? diffView() : null)))));
  }

  async function openVersion(version) {
    const d = state.detail;
    const response = await api('GET', `/api/v1/rules/library/${encodeURIComponent(d.department)}/${encodeURIComponent(d.name)}/versions/${version}`);
    if (response.ok) {
      ctx.onLoadVersion(response.body);
    }
  }

  return {
    get department() {
      return state.department;
    },
    setDepartment(department) {
      if (ctx.departments.some((d) => d.id === department)) {
        state.department = department;
      }
    },
    refresh,
    renderList,
    showDetail,
  };
}
