// The page's side of the engine worker (engine-worker.js): streams a File to it in 8 MB
// slices, each ArrayBuffer transferred (never copied, never one JS string of the file), and
// reports progress. The main module imports this file through
// `#[wasm_bindgen(module = "/js/engine-client.js")]` (src/load/worker.rs); wasm-bindgen copies it
// to pkg/snippets/junheng-app-<hash>/js/, so the worker's path (dist/js/engine-worker.js) is
// relative to that place.
// Cancelling terminates the worker; so does the end of each file; the next file starts a fresh one.
const CHUNK = 8 * 1024 * 1024;

let worker;
let pending;

// Whether large files can go to the worker: not in the single-file copy opened from disk
// (junheng.html, file://), where no worker script can be loaded; the page then reads on the
// main thread, as for a small file.
export function workerAvailable() {
  return typeof Worker === 'function' && /^https?:$/.test(location.protocol);
}

function fresh() {
  worker ??= new Worker(new URL('../../../../js/engine-worker.js', import.meta.url), { type: 'module' });
  return worker;
}

// Streams `file` to the worker. `request` (JSON): {"want": "table"} for the page (resolves with
// {rows, table, timing}, the parsed table as flat buffers) or {"want": "report", "config": {...}}
// (resolves with {rows, answer, timing}, every measure as JSON). Rejects with an Error whose
// message is the engine's (in `lang`), or 'cancelled'.
export function readFile(file, lang, request, onProgress) {
  const { want = 'table', config = {} } = JSON.parse(request);
  cancelFile();
  const w = fresh();
  return new Promise((resolve, reject) => {
    pending = { reject };
    w.onmessage = (event) => {
      const m = event.data;
      if (m.type === 'progress') {
        onProgress(m.stage, m.bytes, m.total, m.rows);
      } else if (m.type === 'done' || m.type === 'error') {
        // One worker per file: a wasm memory never shrinks, so the worker that held a national
        // file is let go rather than kept at its peak.
        pending = undefined;
        terminate();
        if (m.type === 'done') resolve(m);
        else reject(new Error(m.message));
      }
    };
    w.onerror = (event) => {
      pending = undefined;
      terminate();
      reject(new Error(event.message || 'the engine worker failed'));
    };
    w.postMessage({ type: 'start', name: file.name, size: file.size, lang, want, config });
    (async () => {
      for (let offset = 0; offset < file.size; offset += CHUNK) {
        if (worker !== w || !pending) return;
        const buffer = await file.slice(offset, offset + CHUNK).arrayBuffer();
        if (worker !== w || !pending) return;
        w.postMessage({ type: 'chunk', buffer }, [buffer]);
      }
      w.postMessage({ type: 'end' });
    })().catch((e) => {
      if (pending) {
        pending.reject(e);
        pending = undefined;
        terminate();
      }
    });
  });
}

function terminate() {
  worker?.terminate();
  worker = undefined;
}

// Stops the work under way, if any: the worker is terminated, its promise rejected.
export function cancelFile() {
  if (pending) {
    const { reject } = pending;
    pending = undefined;
    terminate();
    reject(new Error('cancelled'));
  }
}
