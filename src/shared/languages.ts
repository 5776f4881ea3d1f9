import { z } from 'zod';

/** Languages the patient can pick with one tap. Japanese is always first and the default. */
export const LANGUAGES = ['ja', 'en', 'zh', 'ko', 'vi', 'pt'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;
export const DEFAULT_LANGUAGE: Language = 'ja';
