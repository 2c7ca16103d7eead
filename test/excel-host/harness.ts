// Browser entry that stands in for office.js: installs the in-memory Excel host
// as window.Excel / window.Office before the task pane starts. Query options:
// ?lang=en-US (display language), ?api=1.7 (highest ExcelApi), ?platform=OfficeOnline or Mac.
// The host is exposed as window.__excelHost so tests (and curious people) can
// type into cells and look at the workbook.
import { ExcelHost } from './host';

const q = new URLSearchParams(location.search);
const host = new ExcelHost({
  language: q.get('lang') ?? 'vi-VN',
  excelApi: q.get('api') ?? undefined,
  platform: (q.get('platform') as 'PC' | 'OfficeOnline' | 'Mac' | null) ?? 'PC',
  sheets: ['Sheet1'],
});
host.install(window as unknown as Record<string, unknown>);
(window as unknown as { __excelHost: ExcelHost }).__excelHost = host;
