// okrplan's service worker: after a first visit the app opens without a network.
// Pages are fetched network-first (so a new build is picked up as soon as the
// network is there); the hashed assets they name, and the modules their
// scripts import, are cached and served from the cache; others are dropped.
const CACHE = 'okrplan';
const ASSET = /\.\/([\w.-]+\.(?:js|wasm|css|svg))/g;
// The app's script imports small modules of its own (wasm-bindgen snippets).
const IMPORT = /from '\.\/(snippets\/[\w./-]+\.js)'/g;

const assetsOf = (html) => [...html.matchAll(ASSET)].map((m) => new URL(m[1], self.registration.scope).href);

async function importsOf(cache, scripts) {
  const imports = [];
  for (const script of scripts) {
    const text = await (await cache.match(script))?.text() ?? '';
    imports.push(...[...text.matchAll(IMPORT)].map((m) => new URL(m[1], script).href));
  }
  return imports;
}

async function refreshPage(request) {
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    const html = await response.clone().text();
    const wanted = new Set(assetsOf(html));
    await cache.put(request, response.clone());
    await cache.addAll([...wanted].filter((url) => url.includes('/public/') === false));
    const imports = await importsOf(cache, [...wanted].filter((url) => url.endsWith('.js')));
    await cache.addAll(imports);
    imports.forEach((url) => wanted.add(url));
    for (const cached of await cache.keys()) {
      const isAsset = /\.(js|wasm|css)$/.test(new URL(cached.url).pathname);
      if (isAsset && !wanted.has(cached.url)) await cache.delete(cached);
    }
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(refreshPage(new Request(self.registration.scope)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const page = new Request(self.registration.scope);
    event.respondWith(refreshPage(page).catch(() => caches.match(page)));
    return;
  }
  event.respondWith(
    caches.match(request).then((hit) => hit ?? fetch(request).then(async (response) => {
      if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
      return response;
    })),
  );
});
