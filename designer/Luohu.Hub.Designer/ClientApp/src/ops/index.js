// The ops pages (Plugins, Outbox, Audit). Each starts on its root element when the server-rendered page loads
// (startOnce makes a second call a no-op).
import { onReady } from '../dom.js';
import { startAuditPage } from './auditPage.js';
import { startOutboxPage } from './outboxPage.js';
import { startPluginsPage } from './pluginsPage.js';
import '../styles/ops.css';

onReady(() => {
  document.querySelectorAll('[data-lh-page="plugins"]').forEach(startPluginsPage);
  document.querySelectorAll('[data-lh-page="audit"]').forEach(startAuditPage);
  document.querySelectorAll('[data-lh-page="outbox"]').forEach(startOutboxPage);
});

export { startAuditPage, startOutboxPage, startPluginsPage };
