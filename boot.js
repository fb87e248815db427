// Loads the wasm module. A separate file (not inline) so the CSP can forbid inline scripts.
import init from './pkg/junheng.js';
init();
