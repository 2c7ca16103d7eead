// Builds the task pane, the ribbon command page, the file-reading worker and app.html
// (the same three parts without Excel, working from file://; see src/app/app-page.js) into dist/.
// `--env harness` also builds dist/harness.html: the same pane with the in-memory Excel
// (test/excel-host) standing in for office.js, for browsers without Excel; with
// `webpack serve --env harness --env http` it is served on http://localhost:3000/harness.html.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { appPage } = require('./src/app/app-page');

const OFFICE_JS = /\s*<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"><\/script>/;

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const harness = !!env.harness;
  const serving = !!env.WEBPACK_SERVE;
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist');

  const entry = {
    taskpane: './src/taskpane/taskpane.ts',
    commands: './src/commands/commands.ts',
    'read-worker': './src/taskpane/read-worker.ts',
    app: './src/app/app.ts',
  };
  if (harness) entry.harness = './test/excel-host/harness.ts';

  const plugins = [
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
    new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
    new HtmlWebpackPlugin({ filename: 'app.html', templateContent: ({ compilation }) => appPage(compilation), chunks: ['app'] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets/*.png', to: 'assets/[name][ext]', noErrorOnMissing: true },
        { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
      ],
    }),
  ];
  if (harness) {
    // The shipped page minus Microsoft's CDN script; harness.js installs the stand-in first.
    const page = fs.readFileSync(path.resolve(__dirname, 'src/taskpane/taskpane.html'), 'utf8').replace(OFFICE_JS, '');
    plugins.push(
      new HtmlWebpackPlugin({ filename: 'harness.html', templateContent: page, chunks: ['harness', 'taskpane'], chunksSortMode: 'manual' }),
    );
  }

  const config = {
    mode,
    entry,
    target: 'web',
    // Source maps as files: eval-based ones would break the page's Content-Security-Policy.
    devtool: 'source-map',
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
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; ES modules so `import()` splits exceljs into its own chunk.
            options: { transpileOnly: true, onlyCompileBundledFiles: true, compilerOptions: { module: 'es2020', sourceMap: true } },
          },
        },
      ],
    },
    plugins,
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
