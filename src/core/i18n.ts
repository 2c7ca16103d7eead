// The product's two languages and a text in both. Every message the core, the CLI
// and the files produce is a Message; the reader picks m[lang].
import { z } from 'zod';

export const LANGS = ['vi', 'en'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

export const MessageSchema = z.object({ vi: z.string(), en: z.string() });
export type Message = z.infer<typeof MessageSchema>;

/** A catalogue maps each code to its text, or to a function making the text from the details. */
export type Catalogue<K extends string = string> = Record<K, Message | ((...args: never[]) => Message)>;
