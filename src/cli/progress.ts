// One line on the terminal while files are read: "Đã đọc 1.234/3.321 tệp, loại 5".
// Only when standard error is a terminal, so logs, pipes and JSON stay clean.

type Lang = 'vi' | 'en';

export interface Progress {
  update(done: number, rejected: number): void;
  /** Clears the line before the results are printed. */
  end(): void;
}

const NONE: Progress = { update() {}, end() {} };

export function progressLine(total: number, lang: Lang, stream: NodeJS.WriteStream = process.stderr, enabled = !!stream.isTTY): Progress {
  if (!enabled) return NONE;
  const fmt = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN');
  let last = 0;
  let shown = false;
  const draw = (done: number, rejected: number) => {
    const text = lang === 'en' ? `Read ${fmt(done)}/${fmt(total)} files, ${fmt(rejected)} rejected` : `Đã đọc ${fmt(done)}/${fmt(total)} tệp, loại ${fmt(rejected)}`;
    stream.write(`\r${text}\x1b[K`);
    shown = true;
  };
  return {
    update(done, rejected) {
      // A few redraws a second are enough; thousands would cost more than the reading.
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      draw(done, rejected);
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
