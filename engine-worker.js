// The engine in a Web Worker (crates/engine-web, built into dist/pkg/engine.js +
// engine_bg.wasm): a large file arrives in chunks, is parsed and measured here, and the page's
// main thread stays free. Messages (engine-client.js sends and reads them):
//   in:  {type: 'start', name, size, lang, config}  {type: 'chunk', buffer} (transferred)
//        {type: 'end'}
//   out: {type: 'progress', stage: 'reading'|'parsing'|'computing', bytes, total, rows}
//        {type: 'done', answer (JSON), timing: {read_ms, parse_ms, analyze_ms, wasm_memory_bytes}}
//        {type: 'error', message}
// Cancelling is the page's business: it terminates this worker and starts a fresh one.
import init, { Engine } from './pkg/engine.js';

const ready = init();
let wasm;
ready.then((exports) => { wasm = exports; });
let engine;
let job;
let started;

function post(message) {
  self.postMessage(message);
}

self.onmessage = async (event) => {
  const message = event.data;
  try {
    await ready;
    if (message.type === 'start') {
      job = message;
      started = performance.now();
      engine?.free();
      engine = new Engine(message.name, message.size);
      post({ type: 'progress', stage: 'reading', bytes: 0, total: message.size, rows: 0 });
    } else if (message.type === 'chunk') {
      // Copied once into the module's memory; the JS buffer is dropped right after.
      engine.push(new Uint8Array(message.buffer));
      post({ type: 'progress', stage: 'reading', bytes: engine.received(), total: job.size, rows: 0 });
    } else if (message.type === 'end') {
      const read = performance.now();
      post({ type: 'progress', stage: 'parsing', bytes: job.size, total: job.size, rows: 0 });
      const rows = engine.ingest(job.lang);
      const parsed = performance.now();
      post({ type: 'progress', stage: 'computing', bytes: job.size, total: job.size, rows });
      const answer = engine.analyze(JSON.stringify(job.config ?? {}), job.lang);
      const done = performance.now();
      engine.free();
      engine = undefined;
      post({
        type: 'done',
        answer,
        timing: {
          read_ms: read - started, parse_ms: parsed - read, analyze_ms: done - parsed,
          // The module's memory never shrinks: its size now is its peak.
          wasm_memory_bytes: wasm?.memory?.buffer.byteLength ?? 0,
        },
      });
    }
  } catch (e) {
    engine?.free();
    engine = undefined;
    post({ type: 'error', message: String(e?.message ?? e) });
  }
};
