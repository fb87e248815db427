// Writes dist/junheng.html: the whole page in one file that works opened from disk (file://),
// with no server and no network. Run by scripts/build.sh after dist/ is assembled.
//   - CSS inlined in <style>.
//   - Both wasm modules (the page and the spreadsheet reader) as base64 in non-executed
//     <script type="application/octet-stream"> blocks, decoded to bytes and handed to
//     wasm-bindgen's init({ module_or_path: bytes }).
//   - wasm-bindgen's ES modules (pkg/junheng.js, pkg/sheets.js, the snippets) rewritten into
//     scoped functions of ONE inline module script; the loader's dynamic
//     import('../../../sheets.js') becomes a function that instantiates the inlined reader.
//   - No engine worker: from file:// no worker script can start (engine-client.js says so),
//     and large files are read on the main thread.
//   - A CSP that forbids every connection (connect-src 'none') and allows only that script, by
//     its sha256 hash, plus 'wasm-unsafe-eval' to compile the wasm.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const read = (path) => readFileSync(join(dist, path), 'utf8');

function fail(message) {
  console.error(`single_file: ${message}`);
  process.exit(1);
}

/** An ES module's text as an expression: an arrow function returning its exports. */
function factory(source, what) {
  const names = [];
  let text = source.replace(/^export (class|function|async function) ([\w$]+)/gm, (_, kind, name) => {
    names.push([name, name]);
    return `${kind} ${name}`;
  });
  text = text.replace(/^export \{([^}]*)\};?[ \t]*$/gm, (_, list) => {
    for (const part of list.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [local, exported] = part.split(/\s+as\s+/);
      names.push([exported ?? local, local]);
    }
    return '';
  });
  if (/^\s*(export|import)\s/m.test(text)) fail(`${what}: an import or export this script does not handle`);
  const object = names.map(([exported, local]) => `${JSON.stringify(exported)}: ${local}`).join(', ');
  return `(() => {\n${text}\nreturn { ${object} };\n})`;
}

// The page module imports its snippets (the sheets loader, the engine worker's client) with
// static imports, by name or as a namespace; each snippet is instantiated once and shared.
let main = read('pkg/junheng.js');
const snippets = [];
const snippetIds = new Map();
function snippet(path) {
  if (!snippetIds.has(path)) {
    let loader = read(join('pkg', path));
    const before = loader;
    loader = loader.replace(/import\(\s*['"]\.\.\/\.\.\/\.\.\/sheets\.js['"]\s*\)/g, '__junheng_sheets()');
    if (path.endsWith('sheets-loader.js') && loader === before) fail('the sheets loader no longer imports ../../../sheets.js');
    const id = `__snippet${snippets.length}`;
    snippets.push(`const ${id} = ${factory(loader, path)}();`);
    snippetIds.set(path, id);
  }
  return snippetIds.get(path);
}
main = main.replace(/^import \{([^}]*)\} from '(\.\/snippets\/[^']+)';$/gm,
  (_, names, path) => `const {${names}} = ${snippet(path)};`);
main = main.replace(/^import \* as ([\w$]+) from ["'](\.\/snippets\/[^"']+)["'];?$/gm,
  (_, name, path) => `const ${name} = ${snippet(path)};`);

const script = `// junheng, single-file build (scripts/single_file.mjs).
const __junheng_bytes = (id) => {
  const text = document.getElementById(id).textContent.trim();
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
const __junheng_sheets_module = ${factory(read('pkg/sheets.js'), 'pkg/sheets.js')};
let __junheng_sheets_ns;
const __junheng_sheets = async () => {
  if (!__junheng_sheets_ns) {
    const m = __junheng_sheets_module();
    __junheng_sheets_ns = { ...m, default: () => m.default({ module_or_path: __junheng_bytes('junheng-sheets-wasm') }) };
  }
  return __junheng_sheets_ns;
};
${snippets.join('\n')}
const __junheng_main = ${factory(main, 'pkg/junheng.js')}();
__junheng_main.default({ module_or_path: __junheng_bytes('junheng-wasm') });
`.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');

const hash = createHash('sha256').update(script, 'utf8').digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}' 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const base64 = (path) => readFileSync(join(dist, path)).toString('base64');
const css = read('style/main.css').replace(/<\/style/gi, '<\\/style');
const icon = 'data:image/svg+xml;base64,' + base64('icon.svg');

let html = read('index.html');
const replace = (pattern, replacement, what) => {
  if (!pattern.test(html)) fail(`index.html: ${what} not found`);
  html = html.replace(pattern, () => replacement);
};
replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/s,
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'the CSP');
replace(/<link rel="stylesheet" href="style\/main\.css">/, `<style>\n${css}\n</style>`, 'the stylesheet');
replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}">`, 'the icon');
html = html.replace(/\s*<link rel="manifest"[^>]*>/, '');
replace(/<script type="module" src="js\/boot\.js"><\/script>/,
  `<script type="application/octet-stream" id="junheng-wasm">${base64('pkg/junheng_bg.wasm')}</script>\n`
  + `  <script type="application/octet-stream" id="junheng-sheets-wasm">${base64('pkg/sheets_bg.wasm')}</script>\n`
  + `  <script type="module">${script}</script>`, 'js/boot.js');
writeFileSync(join(dist, 'junheng.html'), html);
console.log(`junheng.html: ${html.length} bytes, script sha256-${hash}`);
