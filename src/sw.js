// Fleetplan's service worker: after the first load the planner opens and
// works with the network gone. Plans live in local storage, so only the app
// itself needs caching.
//
// index.html comes from the network when it can (so a new build is picked up
// on the next online load) and from the cache when it cannot. Every file it
// names carries a content hash in its name, so the cache serves those as they
// are; files no longer named by the latest index.html are dropped.
const CACHE = 'fleetplan-app';
const NAMED = /(?:src|href)="(\/[^"]+)"/g;

// What a script names: its imports and the wasm chunks it fetches
// (`new URL("./chunk.wasm", import.meta.url)` in the split loader).
const SCRIPT_NAMES = /(?:from\s*"|new URL\(")\.\/([^"]+)"/g;

/**
 * Caches `html` (index.html), every file it names and every file those
 * scripts name in turn (so every view's chunk works offline); drops the rest.
 */
async function keep(html) {
  const cache = await caches.open(CACHE);
  // The same page as last time: everything it needs is cached already
  // ('/' is stored last), so a reload costs the page no work of ours.
  const kept = await cache.match('/');
  if (kept && (await kept.text()) === html) return;
  const wanted = [...html.matchAll(NAMED)].map((m) => m[1]);
  for (let i = 0; i < wanted.length; i++) {
    const path = wanted[i];
    if (!(await cache.match(path))) await cache.add(path);
    if (path.endsWith('.js')) {
      const text = await (await cache.match(path)).text();
      for (const m of text.matchAll(SCRIPT_NAMES)) {
        const named = `/${m[1]}`;
        if (!wanted.includes(named)) wanted.push(named);
      }
    }
  }
  await cache.put('/', new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path !== '/' && !wanted.includes(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch('/', { cache: 'no-store' })
      .then((response) => response.text())
      .then(keep)
      .then(() => self.skipWaiting()),
  );
});

// The page that installed the worker is served by it from now on.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) event.waitUntil(response.clone().text().then(keep).catch(() => {}));
          return response;
        })
        .catch(() => caches.match('/')),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
