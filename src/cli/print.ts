// Printing problems file by file, as `check` and `merge` both list them.
import { Lang } from '../core/i18n';
import { Problem } from '../core/returns';
import { CLI_TEXT } from './messages';

export interface FileReport {
  file: string;
  unit?: string;
  problems: Problem[];
}

export function printProblems(reports: FileReport[], lang: Lang): void {
  for (const r of reports) {
    const error = r.problems.some((p) => p.severity === 'error');
    const head = error ? CLI_TEXT.error[lang] : r.problems.length ? CLI_TEXT.warning[lang] : 'OK';
    console.log(`${head}  ${r.file}${r.unit ? `  —  ${r.unit}` : ''}`);
    for (const p of r.problems) {
      const where = [p.sheet, p.cell].filter(Boolean).join('!');
      const sev = p.severity === 'error' ? CLI_TEXT.errorTag[lang] : CLI_TEXT.warningTag[lang];
      console.log(`    [${sev}] ${where ? `${where}: ` : ''}${p.message[lang]}`);
    }
  }
}
