// Builds the task pane, the ribbon command page and the file-reading worker into dist/, with
// dist/manifest.xml for the server it will be served from:
//   npm run build -- --env url=https://baocao.example.gov.vn/ctxh/
// (no url: the development manifest, https://localhost:3000/). Bundles are ES2017 with the
// library calls EdgeHTML 18 lacks polyfilled (core-js), node_modules included: babel-loader.
// src/boot/boot.js is copied as it is (ES5) and starts the pane, or says why it cannot.
// `--env harness` also builds dist/harness.html: the same pane with the in-memory Excel
// (test/excel-host) standing in for office.js, for browsers without Excel; with
// `webpack serve --env harness --env http` it is served on http://localhost:3000/harness.html.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_ORIGIN, manifestFor, normalizeBase } = require('./scripts/manifest-for-host');
const pkg = require('./package.json');

// The oldest web views that run the pane: EdgeHTML 18 (Office 2016/2019 retail without WebView2),
// Safari's WKWebView on Mac, WebView2. Internet Explorer gets boot.js's message instead.
const TARGETS = { edge: '18', safari: '13', chrome: '80', firefox: '78' };
const babel = {
  loader: 'babel-loader',
  options: {
    babelrc: false,
    configFile: false,
    cacheDirectory: true,
    sourceType: 'unambiguous',
    presets: [['@babel/preset-env', { targets: TARGETS, bugfixes: true, modules: false, useBuiltIns: 'usage', corejs: pkg.dependencies['core-js'].replace(/^\^/, '') }]],
  },
};

const OFFICE_JS = /\s*<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"><\/script>/;

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const harness = !!env.harness;
  const serving = !!env.WEBPACK_SERVE;
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist');
  // Checked before anything is built: an http:// or malformed address fails here with its reason.
  const base = normalizeBase(env.url || DEV_ORIGIN);

  const entry = {
    taskpane: ['./src/taskpane/no-eval.ts', './src/taskpane/taskpane.ts'],
    commands: './src/commands/commands.ts',
    'read-worker': ['./src/taskpane/no-eval.ts', './src/taskpane/read-worker.ts'],
  };
  if (harness) entry.harness = './test/excel-host/harness.ts';

  const plugins = [
    {
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('PreMinified', (compilation) => {
          const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1;
          compilation.hooks.processAssets.tap({ name: 'PreMinified', stage }, (assets) => {
            for (const name of Object.keys(assets)) if (/^exceljs\.[0-9a-f]+\.js$/.test(name)) compilation.updateAsset(name, (src) => src, { minimized: true });
          });
        });
      },
    },
    // boot.js loads taskpane.js itself, after checking the web view can run it.
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: [] }),
    new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets/*.png', to: 'assets/[name][ext]', noErrorOnMissing: true },
        { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
        { from: 'src/boot/boot.js', to: 'boot.js', info: { minimized: true } },
        { from: 'src/support/support.html', to: 'support.html' },
        { from: 'manifest.xml', to: 'manifest.xml', transform: (xml) => manifestFor(xml.toString('utf8'), { base, version: pkg.version }) },
      ],
    }),
  ];
  if (harness) {
    // The shipped page minus Microsoft's CDN script; harness.js installs the stand-in first.
    const page = fs.readFileSync(path.resolve(__dirname, 'src/taskpane/taskpane.html'), 'utf8').replace(OFFICE_JS, '');
    plugins.push(
      new HtmlWebpackPlugin({ filename: 'harness.html', templateContent: page, chunks: ['harness'] }),
    );
  }

  const config = {
    mode,
    entry,
    // The webpack runtime itself in ES2017 syntax too.
    target: ['web', 'es2017'],
    // Source maps as files (eval-based ones would break the page's Content-Security-Policy); none in
    // production, where they would double the build time and what the server has to hold.
    devtool: mode === 'production' ? false : 'source-map',
    output: {
      path: outDir,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [
            babel,
            {
              loader: 'ts-loader',
              // Type checking is `npm run typecheck`; ES modules so `import()` splits exceljs into its own chunk.
              options: { transpileOnly: true, onlyCompileBundledFiles: true, compilerOptions: { module: 'es2020', sourceMap: true } },
            },
          ],
        },
        // Libraries ship ES2018+ (zod 4, SheetJS, exceljs): lower them too; core-js itself is left alone.
        // (exceljs's prebuilt dist/exceljs.min.js has object spread in it, so it is no exception.)
        { test: /\.m?js$/, include: /node_modules/, exclude: /node_modules[\\/]core-js[\\/]/, use: babel },
      ],
    },
    plugins,
    optimization: {
      // exceljs's own bundle is minified already (babel keeps it compact): its chunk is named so it can skip a second minifying.
      splitChunks: { cacheGroups: { exceljs: { test: /node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true } } },
    },
    performance: { hints: false },
    devServer: {
      port: 3000,
      static: { directory: outDir },
      headers: { 'Access-Control-Allow-Origin': '*' },
      // The pane's CSP forbids connections, so no live-reload socket: reload the pane by hand.
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
    },
  };

  if (serving && !env.http) {
    // Office requires https; the trusted localhost certificate comes from office-addin-dev-certs.
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
