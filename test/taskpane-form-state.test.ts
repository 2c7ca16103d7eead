// The form tab's state with no DOM: defaults, what the core accepts, what the other tabs may use.
import { buildFormPlan } from '../src/core/form';
import { campaignOf, editionHint, fieldEdited, formFileName, initialFormState, moreOpen, validate } from '../src/taskpane/form-state';

test('a fresh pane starts from the defaults, and its year does not count until chosen', () => {
  const s = initialFormState(undefined, new Date(2027, 2, 1));
  expect(s.fields.year).toBe('2027');
  expect(s.yearChosen).toBe(false);
  expect(campaignOf(s).year).toBeUndefined();
  const chosen = fieldEdited(s, 'year', '2026');
  expect(campaignOf(chosen).year).toBe(2026);
  // Remembered values: a saved year counts as chosen.
  expect(campaignOf(initialFormState({ year: '2025', province: 'Lạng Sơn' })).year).toBe(2025);
  expect(campaignOf(initialFormState({ year: '2025', province: 'Lạng Sơn' })).province).toBe('Lạng Sơn');
});

test('wrong fields are named by the core; the rest of the campaign still counts', () => {
  let s = initialFormState({ year: '2025', province: 'Lạng Sơn', body: 'Sở Y tế', plan: 'Kế hoạch số 12/KH-SYT' });
  s = fieldEdited(s, 'rows', 'abc');
  const v = validate(s);
  expect(v.params).toBeUndefined();
  expect(v.errors?.map((e) => e.field)).toEqual(['rows']);
  expect(v.errors?.[0].message.vi.length).toBeGreaterThan(0);
  expect(campaignOf(s)).toEqual({ year: 2025, province: 'Lạng Sơn', body: 'Sở Y tế' });
  const ok = validate(fieldEdited(s, 'rows', '10'));
  expect(ok.params?.rows).toBe(10);
  // The very plan the tab inserts or downloads.
  expect(buildFormPlan(ok.params!).name).toContain('2025');
});

test('edition hint, the file name and the "more" section', () => {
  expect(editionHint(initialFormState({ year: '2027' }))).toBe(11);
  expect(editionHint(initialFormState({ year: '2016' }))).toBeUndefined();
  expect(formFileName({ year: 2025, unit: 'Phường Tam Thanh' })).toBe('bieu-mau-ctxh-2025-phuong-tam-thanh.xlsx');
  expect(formFileName({ year: 2025 })).toBe('bieu-mau-ctxh-2025.xlsx');
  expect(moreOpen({ deadline: '10/4/2025' })).toBe(true);
  expect(moreOpen({ year: '2025' })).toBe(false);
});
