// The Plugins page's upload panel: the user picks a vendor's .zip and the browser sends it straight to
// POST /api/v1/plugins (install or upgrade); the outcome, or the API's problem in plain words, shows in the panel.
import { apiUploadInput } from '../api.js';
import { format, h } from '../dom.js';
import { problemKey, problemNote, text } from './dom.js';

// installedVersions(): id → version as the page shows them, read when the upload starts (the page's refresh may already
// show the new version by the time the answer comes) to say "upgraded from"; onInstalled(id): after success.
export function createUploadPanel({ strings, installedVersions, onInstalled }) {
  const t = (key, ...args) => (args.length ? format(text(strings, key), ...args) : text(strings, key));
  const input = h('input', { type: 'file', accept: '.zip,application/zip', class: 'lh-file', testid: 'plugin-upload-input' });
  const chosen = h('span', { class: 'lh-chosen muted', testid: 'plugin-upload-file' }, t('UploadNoFile'));
  const button = h('button', { type: 'button', class: 'button-primary', disabled: true, testid: 'plugin-upload-button' }, t('UploadButton'));
  // The native file control speaks the browser's language; this label, in ours, opens it.
  const pick = h('label', { class: 'button-quiet lh-pick' }, input, t('UploadChoose'));
  const messages = h('div', { class: 'lh-upload-messages' });

  const showChosen = (file) => {
    chosen.textContent = file ? file.name : t('UploadNoFile');
    chosen.classList.toggle('muted', !file);
    chosen.classList.toggle('mono', Boolean(file));
    button.disabled = !file;
  };
  const setBusy = (busy) => {
    input.disabled = busy;
    pick.classList.toggle('lh-disabled', busy);
    button.disabled = busy;
    button.textContent = t(busy ? 'Uploading' : 'UploadButton');
  };

  input.addEventListener('change', () => {
    showChosen(input.files?.[0]);
    messages.replaceChildren();
  });
  button.addEventListener('click', async () => {
    setBusy(true);
    messages.replaceChildren();
    const before = installedVersions();
    const result = await apiUploadInput('/api/v1/plugins', input, 'application/zip');
    setBusy(false);
    if (!result.ok || !result.body?.id) {
      // A 400 or 409 is about the package the user chose: say so before the API's own words.
      const key = { 400: 'UploadRefused', 409: 'UploadConflict' }[result.status] ?? problemKey(result.status);
      messages.replaceChildren(problemNote(strings, result, key, 'plugin-upload-problem'));
      return;
    }
    const plugin = result.body;
    const previous = before.get(plugin.id);
    const message = previous && previous !== plugin.version
      ? t('UploadUpgraded', plugin.name, previous, plugin.version)
      : t('UploadInstalled', plugin.name, plugin.version);
    messages.replaceChildren(h('div', { class: 'lh-done-box', role: 'status', testid: 'plugin-upload-result' }, message));
    input.value = '';
    showChosen(null);
    await onInstalled(plugin.id);
  });

  return h('section', { class: 'lh-upload', testid: 'plugin-upload' },
    h('div', {}, h('h2', {}, t('UploadTitle')), h('p', { class: 'muted' }, t('UploadHint'))),
    h('div', { class: 'lh-upload-controls' }, pick, chosen, button),
    messages);
}
