// Shows that the planner stopped, even when its WebAssembly can no longer run
// (a trap leaves it unable to). The words are the page's own, rendered hidden
// in its language by src/ui/crash.rs; this script only fills in and shows
// them. Loaded before the app, as a plain script.
(function () {
  let shown = false;
  let headerText = '';

  function timeOf(iso) {
    const lang = document.documentElement.lang || undefined;
    return new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  }

  // The header must not claim anything is saved any more: the app may still
  // update its own node, so it is replaced by one the app does not know.
  function stopClaiming() {
    const state = document.querySelector('[data-testid="save-state"]');
    if (!state) return;
    const dead = state.cloneNode(false);
    dead.dataset.state = 'crashed';
    dead.textContent = headerText;
    state.replaceWith(dead);
  }

  function show(detail) {
    const banner = document.getElementById('crash-banner');
    if (shown || !banner) return;
    shown = true;
    const root = document.documentElement;
    const header = document.querySelector('[data-testid="save-state"]');
    const wasSaved = header && header.dataset.state === 'saved';
    headerText = banner.dataset.header;
    banner.querySelector('[data-crash="detail"]').textContent = detail ? `(${detail})` : '';
    const savedAt = root.getAttribute('data-saved-at') || root.getAttribute('data-opened-at');
    const saved = banner.querySelector('[data-crash="saved"]');
    if (wasSaved && !root.getAttribute('data-saved-at')) {
      saved.textContent = banner.dataset.none;
    } else if (savedAt) {
      saved.textContent = banner.dataset.saved.replace('{0}', timeOf(savedAt));
    }
    banner.querySelector('[data-crash="reload"]').addEventListener('click', () => location.reload());
    banner.hidden = false;
    stopClaiming();
    // Nothing more can be saved: no more edits to lose.
    for (const part of document.querySelectorAll('main, nav, header')) part.inert = true;
    document.body.prepend(banner);
  }

  // Called by the panic hook with the panic's message.
  window.fleetplanCrashed = show;
  // Called by the panic hook after it, when the plan could still be read.
  window.fleetplanCrashPlan = function (text, name) {
    const button = document.querySelector('#crash-banner [data-crash="download"]');
    if (!button) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    button.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
    });
    button.hidden = false;
  };

  // A trap (out of memory, an abort without a panic) reaches only these.
  const isTrap = (error) =>
    (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) ||
    /unreachable|RuntimeError/.test(String(error));
  window.addEventListener('error', (event) => {
    if (isTrap(event.error || event.message)) show(String(event.error || event.message));
  });
  window.addEventListener('unhandledrejection', (event) => {
    if (isTrap(event.reason)) show(String(event.reason));
  });
})();
