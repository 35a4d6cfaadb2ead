// The designer's front-end entry. Pages render on the server; each interactive part (canvas, panels, forms, script
// editor) is a module here that mounts itself on the elements the page marks, and talks to the hub through /api/v1.
import './styles/base.css';
import { api, apiUpload, apiUploadInput } from './api.js';
import { createScriptEditor } from './scriptEditor.js';
import { createFlowEditor } from './flowEditor/index.js';
import { startAutoMount } from './flowEditor/mount.js';
import { createDebugPanel } from './debugPanel.js';
import { createVersionsPanel } from './versionsPanel.js';
import { startPanels } from './panels.js';
import { startTabs } from './tabs.js';
import { startAuditPage, startPluginsPage } from './ops/index.js';
import { createExpressionEditor } from './rulesEditor.js';
import { mountRulesEditor } from './rulesPage.js';

window.LuohuDesigner = Object.freeze({
  version: '0.2.0',
  api,
  apiUpload,
  apiUploadInput,
  createScriptEditor,
  createFlowEditor,
  createDebugPanel,
  createVersionsPanel,
  startAuditPage,
  startPluginsPage,
  createExpressionEditor,
  mountRulesEditor,
});

startAutoMount();
startPanels();
startTabs();
