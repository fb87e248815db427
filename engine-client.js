// The page's side of the engine worker (engine-worker.js): streams a File to it in 8 MB
// slices, each ArrayBuffer transferred (never copied, never one JS string of the file), and
// reports progress. The main module imports this file through
// `#[wasm_bindgen(module = "/engine-client.js")]` (src/engine_worker.rs); wasm-bindgen copies it
// to pkg/snippets/junheng-app-<hash>/, so the worker's path is relative to that place.
// Cancelling terminates the worker; the next file starts a fresh one.
export const CHUNK = 8 * 1024 * 1024;

let worker;
let pending;

function fresh() {
  worker ??= new Worker(new URL('../../../engine-worker.js', import.meta.url), { type: 'module' });
  return worker;
}

// Resolves with the worker's answer (JSON text) and its timing; rejects with an Error whose
// message is the engine's (in `lang`), or 'cancelled'.
export function analyzeFile(file, lang, config, onProgress) {
  cancelFile();
  const w = fresh();
  return new Promise((resolve, reject) => {
    pending = { reject };
    w.onmessage = (event) => {
      const m = event.data;
      if (m.type === 'progress') {
        onProgress(m.stage, m.bytes, m.total, m.rows);
      } else if (m.type === 'done') {
        pending = undefined;
        resolve({ answer: m.answer, timing: m.timing });
      } else if (m.type === 'error') {
        pending = undefined;
        reject(new Error(m.message));
      }
    };
    w.onerror = (event) => {
      pending = undefined;
      terminate();
      reject(new Error(event.message || 'the engine worker failed'));
    };
    w.postMessage({ type: 'start', name: file.name, size: file.size, lang, config: JSON.parse(config) });
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
