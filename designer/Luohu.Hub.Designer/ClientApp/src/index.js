// The designer's front-end entry. Blazor calls into window.LuohuDesigner through JS interop; each
// feature (canvas, charts, script editor) lives in its own module so the bundle grows one import at a time.
import './styles/base.css';
import { api, apiUpload, apiUploadInput } from './api.js';
import { createScriptEditor } from './scriptEditor.js';
import { createExpressionEditor } from './rulesEditor.js';
import { mountRulesEditor } from './rulesPage.js';

window.LuohuDesigner = Object.freeze({
  version: '0.2.0',
  api,
  apiUpload,
  apiUploadInput,
  createScriptEditor,
  createExpressionEditor,
  mountRulesEditor,
});
