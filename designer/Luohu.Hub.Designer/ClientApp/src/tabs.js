// Tabs without a circuit: a [data-lh-tabs] element holds buttons [data-tab=name] and bodies [data-tab-body=name];
// a click shows its body and hides the others.
function select(tabs, name) {
  for (const button of tabs.querySelectorAll('[data-tab]')) {
    const active = button.dataset.tab === name;
    button.classList.toggle('tab-active', active);
    button.setAttribute('aria-selected', active ? 'true' : 'false');
  }
  for (const body of tabs.querySelectorAll('[data-tab-body]')) {
    body.hidden = body.dataset.tabBody !== name;
  }
}

export function startTabs() {
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-tab]') : null;
    const tabs = button?.closest('[data-lh-tabs]');
    if (tabs) {
      select(tabs, button.dataset.tab);
    }
  });
}
