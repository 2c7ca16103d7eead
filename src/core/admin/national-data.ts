// The shape of the embedded national list (src/core/admin/national-list.ts, generated from data/*.csv).
// Rows are tuples to keep the module compact; the index (national-index.ts) gives them names.
import { z } from 'zod';

const provinceCode = z.string().regex(/^\d{2}$/);
const text = z.string().min(1);

export const NationalListSchema = z.object({
  /** Date of the list (data/README.md), shown with it. */
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Where the list comes from, in one line. */
  source: text,
  /** [GSO code, official name ("Tỉnh Lạng Sơn", "Thành phố Hải Phòng"), the pre-2025 provinces it was formed from or "giữ nguyên"]. */
  provinces: z.array(z.tuple([provinceCode, text, text])),
  /** [province code, GSO commune code, official name with its type ("Xã Đoàn Kết"), what it was formed from, as the source states it ("" where the source says nothing)]. */
  communes: z.array(z.tuple([provinceCode, z.string().regex(/^\d{5}$/), z.string().regex(/^(?:Xã|Phường|Đặc khu) \S/u), z.string()])),
});
export type NationalList = z.infer<typeof NationalListSchema>;
