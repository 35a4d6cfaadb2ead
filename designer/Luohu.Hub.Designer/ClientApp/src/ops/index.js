// The ops pages (Plugins, Audit). Each starts on its root element when the server-rendered page loads
// (startOnce makes a second call a no-op).
import { onReady } from '../dom.js';
import { startAuditPage } from './auditPage.js';
import { startPluginsPage } from './pluginsPage.js';
import '../styles/ops.css';

onReady(() => {
  document.querySelectorAll('[data-lh-page="plugins"]').forEach(startPluginsPage);
  document.querySelectorAll('[data-lh-page="audit"]').forEach(startAuditPage);
});

export { startAuditPage, startPluginsPage };
