import type { Language } from '../../shared/languages.js';

/**
 * A JST calendar date (YYYY-MM-DD, already converted by main) in the patient's language, e.g.
 * 2025年4月30日 / April 30, 2025. Formatted in UTC so the browser's own zone cannot shift the day.
 */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return isoDate;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
