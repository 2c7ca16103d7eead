// Ribbon commands. The Home-tab button uses the manifest's ShowTaskpane action,
// which needs no code; this page only has to initialise Office.js so the
// function-file contract holds.
Office.onReady(() => undefined);

export {};
