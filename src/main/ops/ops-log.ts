/**
 * Ops log lines carry their staff code in a `code` field, so the diagnostics page and support can
 * filter a log by code. Values are facts only (codes, durations, check names), never secrets.
 */
import { readFileSync } from 'node:fs';
import type { Logger } from '../core/logger.js';

export function logFault(logger: Logger, code: string, msg: string, facts: Record<string, string | number | boolean> = {}): void {
  logger.warn({ ...facts, code }, msg);
}

export interface LogLine {
  readonly time: number;
  readonly level: number;
  readonly msg: string;
  readonly code?: string;
}

/** The newest `limit` lines of the current log file that carry an error code, newest first. */
export function recentCodedLines(file: string, limit: number): LogLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const lines: LogLine[] = [];
  for (const raw of text.split('\n').reverse()) {
    if (lines.length >= limit) break;
    try {
      const parsed = JSON.parse(raw) as Partial<LogLine>;
      if (typeof parsed.code === 'string' && typeof parsed.time === 'number') {
        lines.push({ time: parsed.time, level: Number(parsed.level), msg: String(parsed.msg ?? ''), code: parsed.code });
      }
    } catch {
      // Blank or torn last line (crash mid-write): skip it.
    }
  }
  return lines;
}
