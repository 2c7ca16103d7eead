// One table for the pane's words: every key has both languages with the same placeholders,
// and what an older Excel left out comes from it too.
import { omissionItems } from '../src/excel/features';
import { STRING_KEYS, both, translator } from '../src/taskpane/i18n';

test('every key of the pane string table has Vietnamese and English with the same placeholders', () => {
  const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  expect(STRING_KEYS.length).toBeGreaterThan(60);
  for (const k of STRING_KEYS) {
    const m = both(k);
    expect([k, m.vi.trim().length > 0, m.en.trim().length > 0]).toEqual([k, true, true]);
    expect([k, ph(m.vi)]).toEqual([k, ph(m.en)]);
  }
});

test('omissions are worded from the same table', () => {
  expect(omissionItems(['chart'], 'en')).toEqual([translator('en')('omitChart')]);
  expect(omissionItems(['layout', 'layout'], 'vi')).toEqual([translator('vi')('omitLayout')]);
});
