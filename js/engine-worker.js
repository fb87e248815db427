// The engine in a Web Worker (crates/engine-web, built into dist/pkg/engine.js +
// engine_bg.wasm; this file is dist/js/engine-worker.js): a large file arrives in chunks and is decoded, parsed and mapped here, so the
// page's main thread stays free. Messages (engine-client.js sends and reads them):
//   in:  {type: 'start', name, size, lang, want: 'table' | 'report', config}
//        {type: 'chunk', buffer} (transferred)   {type: 'end'}
//   out: {type: 'progress', stage: 'reading'|'parsing'|'computing'|'sending', bytes, total, rows}
//        {type: 'done', rows, table | answer, timing}
//          table (want 'table', the page): the parsed table as flat buffers, transferred
//            (junheng_core::ingest::wire); the page takes it in without reading the file again.
//          answer (want 'report', the benchmark): every measure for `config`, as JSON.
//          timing: {read_ms, parse_ms, analyze_ms, pack_ms, wasm_memory_bytes}
//        {type: 'error', message}: the engine's error as JSON (junheng_core::Error) when the
//          file cannot be read; a text in `lang` when the analysis fails
// Cancelling is the page's business: it terminates this worker and starts a fresh one.
import init, { Engine } from '../pkg/engine.js';

const ready = init();
let wasm;
ready.then((exports) => { wasm = exports; });
let engine;
let job;
let started;

function post(message, transfer = []) {
  self.postMessage(message, transfer);
}

function progress(stage, rows = 0) {
  post({ type: 'progress', stage, bytes: engine ? engine.received() : job.size, total: job.size, rows });
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
      progress('reading');
    } else if (message.type === 'chunk') {
      // Copied once into the module's memory; the JS buffer is dropped right after.
      engine.push(new Uint8Array(message.buffer));
      progress('reading');
    } else if (message.type === 'end') {
      const read = performance.now();
      progress('parsing');
      const rows = engine.ingest();
      const parsed = performance.now();
      const timing = { read_ms: read - started, parse_ms: parsed - read, analyze_ms: 0, pack_ms: 0 };
      let result;
      let transfer = [];
      if (job.want === 'report') {
        progress('computing', rows);
        result = { answer: engine.analyze(JSON.stringify(job.config ?? {}), job.lang) };
        timing.analyze_ms = performance.now() - parsed;
      } else {
        progress('sending', rows);
        const table = engine.pack();
        timing.pack_ms = performance.now() - parsed;
        result = { table };
        transfer = [table.text.buffer, table.cell_ends.buffer, table.row_ends.buffer, table.lines.buffer];
      }
      // The module's memory never shrinks: its size now is its peak.
      timing.wasm_memory_bytes = wasm?.memory?.buffer.byteLength ?? 0;
      post({ type: 'done', rows, ...result, timing }, transfer);
      // The page lets this worker go now; nothing is worth freeing first.
      engine = undefined;
    }
  } catch (e) {
    engine?.free();
    engine = undefined;
    post({ type: 'error', message: String(e?.message ?? e) });
  }
};
