import './styles/debug-panel.css';
import { api } from './api.js';
import { el, format } from './dom.js';
import { createInjectForm } from './injectForm.js';

// The flow editor's live message panel. Messages come from the hub's server-sent event stream of the flow's debug
// topics ($hub/debug/{flowId}/#: the flow's debug nodes, and the node being watched), read by the browser itself
// with the session cookie, so the stream's access rule is the API's. Many messages a second must not freeze the
// page: arrivals are queued and drawn once per animation frame, the list keeps at most `cap` messages, and a
// payload is pretty-printed only when someone expands it.

const WatchRenewMs = 60_000;
const ReconnectMs = 3_000;
const MaxReconnectMs = 60_000;

function toEntry(data, seq) {
  const debug = data?.payload && typeof data.payload === 'object' ? data.payload : {};
  const value = debug.value;
  const isMessage = value && typeof value === 'object' && !Array.isArray(value) && 'payload' in value;
  const shown = isMessage ? value.payload : value;
  const text = shown === undefined ? 'undefined' : JSON.stringify(shown);
  const nodeId = debug.nodeId ?? String(data?.topic ?? '').split('/').pop();
  const topic = isMessage && typeof value.topic === 'string' ? value.topic : '';
  return {
    seq,
    at: new Date(debug.at ?? data?.timestamp ?? Date.now()),
    nodeId,
    watch: debug.watch === true,
    port: debug.port ?? null,
    topic,
    value: shown,
    text,
    search: `${nodeId}\n${topic}\n${text}`.toLowerCase(),
  };
}

export function createDebugPanel(element, options) {
  const strings = options?.strings ?? {};
  const t = (key, ...values) => format(strings[key] ?? key, ...values);
  const cap = Math.max(50, options?.cap ?? 500);
  const flowId = options.flowId;
  const lang = document.documentElement.lang || undefined;
  const timeFormat = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

  let selected = options.selectedNodeId || null;
  let entries = []; // newest last
  let pending = [];
  let paused = false;
  let missed = 0;
  let filterText = '';
  let onlySelected = false;
  let frame = 0;
  let fullRender = true;
  let seq = 0;
  let source = null;
  let reconnectTimer = 0;
  let retryMs = ReconnectMs;
  let watchTimer = 0;
  let disposed = false;

  // The toolbar and list.
  element.classList.add('lh-debug');
  element.replaceChildren();
  const title = el('header', 'lh-panel-head');
  title.append(el('h2', null, t('DebugTitle')));
  const toolbar = el('div', 'lh-debug-toolbar');
  const state = el('span', 'lh-debug-state is-connecting', t('DebugStateConnecting'));
  state.dataset.testid = 'debug-state';
  const pause = el('button', 'button-quiet', t('DebugPause'));
  pause.type = 'button';
  pause.dataset.testid = 'debug-pause';
  const pausedInfo = el('span', 'lh-debug-paused lh-hidden');
  pausedInfo.dataset.testid = 'debug-paused-count';
  const filter = el('input', 'lh-debug-filter');
  filter.type = 'search';
  filter.placeholder = t('DebugFilter');
  filter.setAttribute('aria-label', t('DebugFilter'));
  filter.dataset.testid = 'debug-filter';
  const onlyLabel = el('label', 'lh-debug-only');
  const only = el('input');
  only.type = 'checkbox';
  only.dataset.testid = 'debug-only-selected';
  const onlyText = el('span', null, t('DebugOnlySelected'));
  onlyLabel.append(only, onlyText);
  const clear = el('button', 'button-quiet', t('DebugClear'));
  clear.type = 'button';
  clear.dataset.testid = 'debug-clear';
  const shown = el('span', 'lh-debug-shown');
  shown.dataset.testid = 'debug-shown';
  toolbar.append(state, pause, filter, onlyLabel, clear, pausedInfo, shown);
  const watchInfo = el('div', 'lh-debug-watch lh-hidden');
  watchInfo.dataset.testid = 'debug-watch';
  const list = el('ol', 'lh-debug-list');
  list.dataset.testid = 'debug-list';
  const empty = el('div', 'lh-debug-empty', t('DebugEmpty'));
  empty.dataset.testid = 'debug-empty';
  element.append(title, toolbar, watchInfo, list, empty);
  const inject = options.canEdit === true ? createInjectForm(flowId, t, selected) : null;
  if (inject) {
    element.append(inject.element);
  }

  function matches(entry) {
    if (entry.marker) {
      return !filterText && !onlySelected;
    }
    if (onlySelected && selected && entry.nodeId !== selected) {
      return false;
    }
    return !filterText || entry.search.includes(filterText);
  }

  function row(entry) {
    const li = el('li', entry.marker ? 'lh-debug-marker' : 'lh-debug-row');
    // Rows carry their entry's sequence number so the next frame knows where the new ones start.
    li.dataset.seq = String(entry.seq);
    if (entry.marker) {
      li.textContent = t('DebugDeployed', entry.version);
      li.dataset.testid = 'debug-marker';
      return li;
    }
    li.dataset.testid = 'debug-row';
    li.dataset.node = entry.nodeId;
    const head = el('div', 'lh-debug-row-head');
    const time = el('time', 'lh-debug-time', timeFormat.format(entry.at));
    time.dateTime = entry.at.toISOString();
    const kind = el('span', entry.watch ? 'badge badge-note lh-debug-kind' : 'badge badge-neutral lh-debug-kind', t(entry.watch ? 'DebugKindWatch' : 'DebugKindDebug'));
    const node = el('span', 'lh-debug-node', entry.nodeId);
    node.dataset.testid = 'debug-row-node';
    head.append(time, node, kind);
    if (entry.port && entry.port !== 'out') {
      head.append(el('span', 'lh-debug-port', entry.port));
    }
    if (entry.topic) {
      const topic = el('span', 'lh-debug-topic', entry.topic);
      topic.dataset.testid = 'debug-row-topic';
      head.append(topic);
    }
    const payload = el('pre', 'lh-debug-payload', entry.text.length > 300 ? `${entry.text.slice(0, 300)}…` : entry.text);
    payload.dataset.testid = 'debug-row-payload';
    li.append(head, payload);
    if (entry.value !== null && typeof entry.value === 'object') {
      const toggle = el('button', 'lh-debug-toggle', t('DebugExpand'));
      toggle.type = 'button';
      toggle.dataset.testid = 'debug-row-toggle';
      toggle.addEventListener('click', () => {
        const open = li.classList.toggle('is-open');
        payload.textContent = open ? JSON.stringify(entry.value, null, 2) : (entry.text.length > 300 ? `${entry.text.slice(0, 300)}…` : entry.text);
        toggle.textContent = t(open ? 'DebugCollapse' : 'DebugExpand');
      });
      head.append(toggle);
    }
    return li;
  }

  function draw() {
    frame = 0;
    if (disposed) {
      return;
    }
    if (!paused && pending.length > 0) {
      entries = entries.concat(pending);
      pending = [];
      if (entries.length > cap) {
        entries = entries.slice(entries.length - cap);
      }
    }
    const visible = entries.filter(matches);
    if (fullRender) {
      const fragment = document.createDocumentFragment();
      for (let i = visible.length - 1; i >= 0; i--) {
        fragment.append(row(visible[i]));
      }
      list.replaceChildren(fragment);
      fullRender = false;
    } else {
      // Only what is new goes on top; rows beyond the cap leave at the bottom, so the DOM stays small.
      const first = list.firstElementChild;
      const newestShown = first ? Number(first.dataset.seq) : -1;
      const fragment = document.createDocumentFragment();
      for (let i = visible.length - 1; i >= 0 && visible[i].seq > newestShown; i--) {
        fragment.append(row(visible[i]));
      }
      list.prepend(fragment);
      while (list.childElementCount > visible.length) {
        list.lastElementChild.remove();
      }
    }
    empty.classList.toggle('lh-hidden', visible.length > 0);
    empty.textContent = entries.length > 0 ? t('DebugNoMatch') : t('DebugEmpty');
    shown.textContent = t('DebugShown', visible.filter((e) => !e.marker).length);
    pausedInfo.textContent = t('DebugPausedCount', missed);
    pausedInfo.classList.toggle('lh-hidden', !paused);
  }

  function schedule(full) {
    fullRender = fullRender || full;
    if (!frame) {
      frame = requestAnimationFrame(draw);
    }
  }

  function receive(data) {
    pending.push(toEntry(data, ++seq));
    if (pending.length > cap) {
      pending = pending.slice(pending.length - cap);
    }
    if (paused) {
      missed++;
      pausedInfo.textContent = t('DebugPausedCount', missed);
      return;
    }
    schedule(false);
  }

  function setState(name) {
    state.className = `lh-debug-state is-${name}`;
    state.textContent = t(name === 'connected' ? 'DebugStateConnected' : name === 'reconnecting' ? 'DebugStateReconnecting' : 'DebugStateConnecting');
  }

  function connect() {
    if (disposed) {
      return;
    }
    const url = `/api/v1/messages/stream?topic=${encodeURIComponent(`$hub/debug/${flowId}/#`)}`;
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener('subscribed', () => {
      retryMs = ReconnectMs;
      setState('connected');
    });
    source.addEventListener('message', (event) => {
      try {
        receive(JSON.parse(event.data));
      } catch {
        // A line that is not JSON is not a message of ours; the stream goes on.
      }
    });
    source.addEventListener('error', () => {
      setState('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        // The browser gives up on a refused answer (a 403 while signing in again, a restart): try again later.
        // Waits longer after each refusal, so a signed-out page does not knock every few seconds all day.
        source.close();
        clearTimeout(reconnectTimer);
        reconnectTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, MaxReconnectMs);
      }
    });
  }

  async function renewWatch() {
    clearTimeout(watchTimer);
    const node = selected;
    if (!node || disposed) {
      watchInfo.classList.add('lh-hidden');
      return;
    }
    const result = await api('POST', `/api/v1/flows/${encodeURIComponent(flowId)}/watch`, { node });
    if (node !== selected || disposed) {
      return;
    }
    watchInfo.classList.remove('lh-hidden');
    watchInfo.classList.toggle('is-problem', !result.ok);
    watchInfo.textContent = result.ok
      ? t('DebugWatching', node)
      : t('DebugWatchFailed', node, result.status === 409 ? t('DebugNotDeployed') : result.problem?.detail || result.problem?.title || '');
    watchTimer = setTimeout(renewWatch, WatchRenewMs);
  }

  pause.addEventListener('click', () => {
    paused = !paused;
    pause.textContent = t(paused ? 'DebugResume' : 'DebugPause');
    pause.classList.toggle('is-active', paused);
    pause.setAttribute('aria-pressed', String(paused));
    if (!paused) {
      missed = 0;
    }
    schedule(false);
  });
  filter.addEventListener('input', () => {
    filterText = filter.value.trim().toLowerCase();
    schedule(true);
  });
  only.addEventListener('change', () => {
    onlySelected = only.checked;
    schedule(true);
  });
  clear.addEventListener('click', () => {
    entries = [];
    pending = [];
    missed = 0;
    schedule(true);
  });

  function setSelectedNode(nodeId) {
    const next = nodeId || null;
    if (next === selected) {
      return;
    }
    selected = next;
    only.disabled = !selected;
    if (!selected) {
      only.checked = false;
      onlySelected = false;
    }
    inject?.select(selected);
    schedule(true);
    renewWatch();
  }

  function markDeployed(version) {
    pending.push({ seq: ++seq, marker: true, version, search: '' });
    schedule(false);
  }

  // A rollback in the versions panel (or a deploy the editor announces) marks where the new version starts.
  const onDeployed = (event) => {
    if (event.detail?.flowId === flowId) {
      markDeployed(event.detail.version);
    }
  };
  document.addEventListener('lh-flow-deployed', onDeployed);

  only.disabled = !selected;
  connect();
  renewWatch();
  schedule(true);

  return {
    setSelectedNode,
    // The editor tells the panel where a new version starts, so messages before and after read apart.
    markDeployed,
    dispose() {
      disposed = true;
      document.removeEventListener('lh-flow-deployed', onDeployed);
      clearTimeout(reconnectTimer);
      clearTimeout(watchTimer);
      if (frame) {
        cancelAnimationFrame(frame);
      }
      source?.close();
      element.replaceChildren();
    },
  };
}
