// Messages between the pane and its reading worker.
import { ProblemCode } from '../core/messages';
import { Message } from '../core/i18n';
import { ReturnResult } from '../core/returns';
import { ProvinceReturn } from '../core/summary-read';
import { RosterRow } from '../workbook/read-roster';

export type WorkerRequest =
  | { id: number; kind: 'return'; name: string; modified?: number; bytes: ArrayBuffer; campaignYear?: number }
  | { id: number; kind: 'roster'; name: string; bytes: ArrayBuffer };

export type WorkerReply =
  | { id: number; ok: true; kind: 'return'; result: ReturnResult }
  /** A provincial summary the product wrote, read as that province's return. */
  | { id: number; ok: true; kind: 'summary'; summary: ProvinceReturn }
  | { id: number; ok: true; kind: 'roster'; rows: RosterRow[] }
  | { id: number; ok: false; code: ProblemCode; text: Message };
