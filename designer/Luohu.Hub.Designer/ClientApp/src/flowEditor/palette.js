import { el } from './forms.js';
import { Categories } from './graph.js';
import { typeTitle, typeDescription } from './strings.js';

// The palette: node types by category, the plugin section split by capability family (only capabilities the
// flow's department is granted are listed; each is an `action` node with the capability preset). Searchable.
// onStart(item, mouseEvent) starts a drag; item: { type, config, title }.
export function renderPalette(host, types, capabilities, t, onStart) {
  const search = el('input', { type: 'search', class: 'fe-search', placeholder: t('PaletteSearch'), 'data-testid': 'palette-search', 'aria-label': t('PaletteSearch') });
  const list = el('div', { class: 'fe-palette-list' });
  host.replaceChildren(el('div', { class: 'fe-palette-head', text: t('Palette') }), search, list);

  const sections = [];
  function section(key, title, category, items) {
    if (items.length === 0) {
      return;
    }
    const body = el('div', { class: 'fe-palette-items' });
    const box = el('section', { class: 'fe-palette-section', 'data-testid': `palette-section-${key}` }, el('h4', { text: title }), body);
    for (const item of items) {
      const color = (Categories[category] ?? Categories.logic).color;
      const row = el('div', {
        class: 'fe-palette-item', title: item.description ?? '', 'data-testid': `palette-item-${item.key}`, role: 'button', tabindex: '0',
      }, el('span', { class: 'fe-palette-glyph', style: `background:${color}`, text: (Categories[category] ?? Categories.logic).glyph }),
      el('span', { class: 'fe-palette-text' }, el('span', { class: 'fe-palette-title', text: item.title }), el('span', { class: 'fe-palette-sub', text: item.sub })));
      row.addEventListener('mousedown', (e) => {
        if (e.button === 0) {
          e.preventDefault();
          onStart(item, e);
        }
      });
      row.dataset.search = `${item.title} ${item.sub} ${item.description ?? ''}`.toLowerCase();
      body.append(row);
    }
    list.append(box);
    sections.push(box);
  }

  const byCategory = (category) => types.filter((ty) => ty.category === category && !(category === 'plugin' && ty.type === 'action'))
    .map((ty) => ({ key: ty.type, type: ty.type, title: typeTitle(t, ty), sub: ty.type, description: typeDescription(t, ty), config: null }));
  section('trigger', t('Category_trigger'), 'trigger', byCategory('trigger'));
  section('logic', t('Category_logic'), 'logic', byCategory('logic'));

  const families = new Map();
  for (const c of capabilities.filter((c) => c.kind === 'Action')) {
    const family = c.family ?? c.id.split('.')[0];
    if (!families.has(family)) {
      families.set(family, []);
    }
    families.get(family).push({ key: `action:${c.id}`, type: 'action', title: c.title, sub: c.id, description: c.description, config: { capability: c.id } });
  }
  const action = types.find((ty) => ty.type === 'action');
  const generic = action ? [{ key: 'action', type: 'action', title: typeTitle(t, action), sub: 'action', description: typeDescription(t, action), config: null }] : [];
  section('plugin', t('Category_plugin'), 'plugin', [...generic, ...byCategory('plugin')]);
  for (const [family, items] of [...families.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    section(`family-${family}`, t('FamilySection', family), 'plugin', items);
  }
  section('output', t('Category_output'), 'output', byCategory('output'));
  const known = new Set(['trigger', 'logic', 'plugin', 'output']);
  section('other', t('Category_other'), 'logic', types.filter((ty) => !known.has(ty.category))
    .map((ty) => ({ key: ty.type, type: ty.type, title: typeTitle(t, ty), sub: ty.type, description: typeDescription(t, ty), config: null })));

  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const box of sections) {
      let any = false;
      for (const row of box.querySelectorAll('.fe-palette-item')) {
        const hit = q === '' || row.dataset.search.includes(q);
        row.hidden = !hit;
        any ||= hit;
      }
      box.hidden = !any;
    }
  });
}
