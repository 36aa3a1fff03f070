// sw.js: the service worker that lets the web version run offline once it
// has been opened. Every file of the page is fetched from the server when
// the server answers, so a new build is seen at once, and kept; when the
// server does not answer, the kept copy is used. Nothing is fetched from
// anywhere but the page's own server. CACHE names the build (web/web.mk
// writes it), so an old build's copies are dropped when a new one starts.
var CACHE = 'transim-@BUILD@';
var FILES = ['./', 'index.html', 'index.js', 'index.wasm', 'index.data'];

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(FILES); })
                .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; })
                           .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin)
    return;
  e.respondWith(fetch(req).then(function (res) {
    if (res.ok) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(req, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(req, { ignoreSearch: true }).then(function (hit) {
      return hit || caches.match('index.html');
    });
  }));
});
