// Builds app.html, the page without Excel, from the task pane's own page (so the
// shared tab views find every element they use): without office.js and boot.js, with a
// Content-Security-Policy that allows no network, the footer saying units' data
// stays in the browser, and the reading worker's bundle inlined (base64, inert) so
// the page can start it from a Blob URL on file://, where `new Worker(file)` is refused.
const fs = require('fs');
const path = require('path');

const PANE = path.resolve(__dirname, '../taskpane/taskpane.html');
const WORKER = 'read-worker.js';

// The page's own files only ('self'; `file:` too, as not every browser counts file:// as 'self');
// no connection, no frame, no form; the worker only from the Blob URL made of the inlined bundle.
const CSP = [
  "default-src 'none'",
  "script-src 'self' file:",
  "style-src 'self' file:",
  "img-src 'self' file: data:",
  "font-src 'self' file:",
  "connect-src 'none'",
  'worker-src blob:',
  'child-src blob:',
  "frame-src 'none'",
  "object-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

function replaceOnce(html, pattern, replacement, what) {
  if (!pattern.test(html)) throw new Error(`app.html: ${what} not found in src/taskpane/taskpane.html`);
  return html.replace(pattern, replacement);
}

/** The page's HTML; `compilation` holds the built worker (html-webpack-plugin runs after minifying). */
function appPage(compilation) {
  compilation.fileDependencies.add(PANE);
  const worker = compilation.getAsset(WORKER);
  if (!worker) throw new Error(`app.html: ${WORKER} was not built`);
  const base64 = Buffer.from(worker.source.source()).toString('base64');
  let html = fs.readFileSync(PANE, 'utf8').replace(/<!--[\s\S]*?-->\s*/g, '');
  html = replaceOnce(html, /\s*<script src="https:\/\/appsforoffice\.microsoft\.com\/[^"]*"><\/script>/, '', 'the office.js script');
  // boot.js starts the pane's taskpane.js and speaks of Excel's web views; the page starts app.js itself.
  html = html.replace(/\s*<script src="boot\.js"[^>]*><\/script>/, '');
  html = replaceOnce(html, /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/, `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`, 'the CSP');
  html = replaceOnce(html, /<body([^>]*)>/, '<body$1 class="page">', '<body>');
  const footer = '<footer class="app-footer" data-i18n="pageFooter"></footer>';
  const inert = `<script type="text/plain" id="read-worker-source">${base64}</script>`;
  return replaceOnce(html, /<\/body>/, `  ${footer}\n    ${inert}\n  </body>`, '</body>');
}

module.exports = { appPage };
