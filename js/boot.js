// Loads the wasm module. A separate file (not inline) so the CSP can forbid inline scripts.
// dist/js/boot.js: the module is at ../pkg/; the service worker's URL is the page's (./sw.js).
import init from '../pkg/junheng.js';
init();
// Offline after one visit: the service worker (dist/sw.js, written by scripts/pwa.mjs) caches the
// bundle. Only over http(s); a page opened from disk has no worker (use junheng.html there).
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  });
}
