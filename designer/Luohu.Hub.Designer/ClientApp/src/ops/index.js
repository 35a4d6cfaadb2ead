// The ops pages (Plugins, Audit). Each starts on its root element: at page load for a server-rendered page, or when
// a Blazor circuit calls the start function after rendering (startOnce makes the second call a no-op).
import { onReady } from './dom.js';
import { startAuditPage } from './auditPage.js';
import { startPluginsPage } from './pluginsPage.js';
import '../styles/ops.css';

onReady(() => {
  document.querySelectorAll('[data-lh-page="plugins"]').forEach(startPluginsPage);
  document.querySelectorAll('[data-lh-page="audit"]').forEach(startAuditPage);
});

export { startAuditPage, startPluginsPage };
