// Compile-time guard that the in-memory host cannot drift from the real Excel
// JavaScript API (@types/office-js): every public member of a host class must exist
// on the real class, properties must have the real type, and methods must accept
// every argument list the real method accepts. `tsc` (npm run typecheck) and
// ts-jest fail on any mismatch. Host internals are named with a leading "_".
import * as A from './api';

type Pub<T> = Exclude<keyof T, `_${string}`>;
type ClientLike = OfficeExtension.ClientObject | A.HostClientObject | OfficeExtension.ClientRequestContext | A.HostRequestContext;
type Erase<T> = T extends ClientLike ? 'client object' : T;
type EraseAll<P> = { [I in keyof P]: Erase<P[I]> };
type Params<F> = F extends (...a: infer P) => unknown ? P : never;

type Invented<H, R> = Exclude<Pub<H>, keyof R>;
type Mismatched<H, R> = {
  [K in Pub<H> & keyof R]: R[K] extends (...a: never[]) => unknown
    ? EraseAll<Params<R[K]>> extends EraseAll<Params<H[K]>>
      ? never
      : K
    : R[K] extends ClientLike | readonly ClientLike[] | OfficeExtension.EventHandlers<any>
      ? never
      : [H[K]] extends [R[K]]
        ? [R[K]] extends [H[K]]
          ? never
          : K
        : K;
}[Pub<H> & keyof R];

type Same<H, R> = [Invented<H, R>, Mismatched<H, R>] extends [never, never] ? true : { invented: Invented<H, R>; mismatched: Mismatched<H, R> };

/** A compile error here names the member that left the real API. */
export const DRIFT_CHECKS: [
  Same<A.HostRequestContext, Excel.RequestContext>,
  Same<A.HostWorkbook, Excel.Workbook>,
  Same<A.HostWorksheetCollection, Excel.WorksheetCollection>,
  Same<A.HostWorksheet, Excel.Worksheet>,
  Same<A.HostRange, Excel.Range>,
  Same<A.HostRangeFormat, Excel.RangeFormat>,
  Same<A.HostRangeFont, Excel.RangeFont>,
  Same<A.HostRangeFill, Excel.RangeFill>,
  Same<A.HostRangeBorderCollection, Excel.RangeBorderCollection>,
  Same<A.HostRangeBorder, Excel.RangeBorder>,
  Same<A.HostFormatProtection, Excel.FormatProtection>,
  Same<A.HostDataValidation, Excel.DataValidation>,
  Same<A.HostWorksheetProtection, Excel.WorksheetProtection>,
  Same<A.HostPageLayout, Excel.PageLayout>,
  Same<A.HostFreezePanes, Excel.WorksheetFreezePanes>,
  Same<A.HostNamedItemCollection, Excel.NamedItemCollection>,
  Same<A.HostNamedItem, Excel.NamedItem>,
  Same<A.HostChartCollection, Excel.ChartCollection>,
  Same<A.HostChart, Excel.Chart>,
  Same<A.HostChartTitle, Excel.ChartTitle>,
  Same<A.HostChartLegend, Excel.ChartLegend>,
  Same<A.HostChartSeriesCollection, Excel.ChartSeriesCollection>,
  Same<A.HostChartSeries, Excel.ChartSeries>,
  Same<A.HostEventHandlers, OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>>,
  Same<A.HostEventHandlerResult, OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
