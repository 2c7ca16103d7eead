// ctxh-report command line: the same core as the add-in, on files. This file only
// dispatches: help texts in help.ts, usage errors in usage.ts, one file per command,
// reading inputs and writing outputs safely in files.ts.
import { Lang } from '../core/i18n';
import { cmdCheck } from './check';
import { cmdDemo } from './demo';
import { OutputError } from './files';
import { cmdForm } from './form';
import { CommandName, HELP } from './help';
import { cmdMerge } from './merge';
import { CLI_TEXT } from './messages';
import { UsageError, isParseArgsError, takeLang } from './usage';

const COMMANDS: Record<CommandName, (args: string[], lang: Lang) => Promise<number>> = { form: cmdForm, check: cmdCheck, merge: cmdMerge, demo: cmdDemo };

const isCommand = (c: string): c is CommandName => Object.prototype.hasOwnProperty.call(COMMANDS, c);

export async function main(argv: string[]): Promise<number> {
  const parsed = takeLang(argv);
  if (!parsed) {
    console.error('--lang phải là vi hoặc en / --lang must be vi or en');
    return 2;
  }
  const { lang } = parsed;
  const [command, ...rest] = parsed.rest;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    console.log(HELP.main);
    return command ? 0 : 2;
  }
  if (!isCommand(command)) {
    console.error(CLI_TEXT.unknownCommand(command)[lang] + '\n\n' + HELP.main);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    console.log(HELP[command]);
    return 0;
  }
  try {
    return await COMMANDS[command](rest, lang);
  } catch (e) {
    if (e instanceof OutputError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof UsageError || isParseArgsError(e)) {
      console.error(`${e.message}\n\n${HELP[command]}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`Lỗi không mong đợi / Unexpected error: ${e instanceof Error ? e.stack : String(e)}`);
      process.exitCode = 3;
    },
  );
}
