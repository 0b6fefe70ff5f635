import { mkdirSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { SessionRecord } from '../../../lib/db/records';
import { formatTable, type PhaseResult } from './scenario';

/** Seconds a phase may be off the clock: the bar for billing. */
export const TOLERANCE_SECONDS = 1;

/** Prints and saves the table, then fails on every phase off by more than the tolerance. */
export function report(browser: string, results: PhaseResult[], notes: string[], wallSeconds: number, sessions: SessionRecord[]): void {
  const text = [`### ${browser}: ${wallSeconds.toFixed(0)} s wall time`, '', formatTable(results), '', ...notes.map((n) => `- ${n}`)].join('\n');
  console.log(`\n${text}\n`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/desktop-${browser}.txt`, `${text}\n`);
  writeFileSync(`test-results/desktop-${browser}.json`, JSON.stringify({ wallSeconds, results, notes, sessions }, null, 2));
  for (const r of results) expect.soft(r.error, `${browser} ${r.name}: ${JSON.stringify(r.recorded)}`).toBeLessThanOrEqual(TOLERANCE_SECONDS);
}
