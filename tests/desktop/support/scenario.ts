import type { SessionRecord } from '../../../lib/db/records';
import { sleep, type Desktop } from './display';

/** What a phase does every INPUT_EVERY_MS while it lasts. */
export type Activity =
  | { kind: 'input'; window: () => string }
  | { kind: 'type'; window: () => string }
  | { kind: 'none' };

export interface Phase {
  name: string;
  /** `platform/account` that should get the phase's time, or null: nobody should. */
  expect: string | null;
  /**
   * Where the expected time starts: at the phase's start (a tab switch is an act of the
   * user, counted from that moment), or at the phase's first input (a new window's time
   * starts with the first input in its page, once it was opened and loaded).
   */
  expectFrom?: 'start' | 'first-input';
  seconds: number;
  /**
   * Runs at the phase's start. It may return the instant of its decisive act (the key, the
   * input, the focus change): the phase is measured from there, since what came before
   * still belonged to the previous situation.
   */
  enter?: () => Promise<number | void>;
  activity: Activity;
  /** Runs after the measured span (clean-up that must not count). */
  leave?: () => Promise<void>;
}

export interface PhaseResult {
  name: string;
  expect: string | null;
  expectFrom: 'start' | 'first-input';
  start: number;
  /** When `enter` was done: the transition's cost shows in the table. */
  entered: number;
  /** When the phase's first input happened (its start when it has none). */
  firstInput: number;
  end: number;
  /** Seconds recorded inside [start, end], per `platform/account`. */
  recorded: Record<string, number>;
  /** Sum over sites of |recorded − expected|, in seconds. */
  error: number;
}

export const INPUT_EVERY_MS = 2000;

/** Real X input of one step: pointer motion, and a wheel notch every other step. Returns when the input happened. */
async function act(desktop: Desktop, activity: Activity, step: number): Promise<number | undefined> {
  if (activity.kind === 'none') return undefined;
  const wid = activity.window();
  if (activity.kind === 'type') {
    await desktop.type(wid, 'typing elsewhere ');
    return undefined;
  }
  const at = await desktop.moveIn(wid, step);
  if (step % 2 === 1) await desktop.wheel(step % 4 === 1 ? 'down' : 'up');
  return at;
}

/**
 * Runs the phases in real time. Steps are scheduled from the phase's start, not after the
 * previous step, so a slow xdotool call on a loaded machine does not stretch the phase.
 */
export async function runPhases(desktop: Desktop, phases: Phase[], log: (line: string) => void = () => undefined): Promise<Array<Omit<PhaseResult, 'recorded' | 'error'>>> {
  const spans: Array<Omit<PhaseResult, 'recorded' | 'error'>> = [];
  for (const phase of phases) {
    const began = Date.now();
    let start = began;
    try {
      const decisive = await phase.enter?.();
      if (typeof decisive === 'number') start = decisive;
      const entered = Date.now();
      const end = began + phase.seconds * 1000;
      let firstInput: number | undefined;
      for (let step = 0; ; step++) {
        const at = entered + step * INPUT_EVERY_MS;
        if (at >= end) break;
        await sleep(at - Date.now());
        const input = await act(desktop, phase.activity, step);
        firstInput ??= input;
      }
      await sleep(end - Date.now());
      spans.push({ name: phase.name, expect: phase.expect, expectFrom: phase.expectFrom ?? 'start', start, entered, firstInput: firstInput ?? start, end: Date.now() });
      log(`${phase.name}: ${((Date.now() - began) / 1000).toFixed(1)} s`);
      await phase.leave?.();
    } catch (error) {
      // Keep what was measured: the table of the phases before is still worth reading.
      log(`${phase.name}: harness failure, scenario stopped: ${String(error)}`);
      spans.push({ name: `${phase.name} [HARNESS FAILURE]`, expect: phase.expect, expectFrom: 'start', start: began, entered: Date.now(), firstInput: began, end: Date.now() });
      break;
    }
  }
  return spans;
}

export const siteKey = (s: Pick<SessionRecord, 'platform' | 'account'>) => `${s.platform}/${s.account ?? '-'}`;

/** Compares what the extension stored with each phase's expectation. */
export function score(spans: Array<Omit<PhaseResult, 'recorded' | 'error'>>, sessions: SessionRecord[]): PhaseResult[] {
  return spans.map((span) => {
    const recorded: Record<string, number> = {};
    for (const s of sessions) {
      const overlap = Math.min(s.end, span.end) - Math.max(s.start, span.start);
      if (overlap > 0) recorded[siteKey(s)] = (recorded[siteKey(s)] ?? 0) + overlap / 1000;
    }
    const duration = expectedSeconds(span);
    const sites = new Set([...Object.keys(recorded), ...(span.expect ? [span.expect] : [])]);
    let error = 0;
    for (const site of sites) error += Math.abs((recorded[site] ?? 0) - (site === span.expect ? duration : 0));
    return { ...span, recorded, error };
  });
}

/** The seconds the expected site should get in a phase, by the clock. */
export function expectedSeconds(span: Omit<PhaseResult, 'recorded' | 'error'>): number {
  return span.expect ? (span.end - (span.expectFrom === 'first-input' ? span.firstInput : span.start)) / 1000 : 0;
}

/** A Markdown table: phase, expected site and seconds, seconds recorded per site, error. */
export function formatTable(results: PhaseResult[]): string {
  const sites = [...new Set(results.flatMap((r) => [...Object.keys(r.recorded), ...(r.expect ? [r.expect] : [])]))].sort();
  const header = ['phase', 'expected', 'exp s', 'enter s', ...sites, 'error s'];
  const rows = results.map((r) => [
    r.name,
    r.expect ?? '(none)',
    expectedSeconds(r).toFixed(1),
    ((r.entered - r.start) / 1000).toFixed(1),
    ...sites.map((s) => (r.recorded[s] ?? 0).toFixed(1)),
    r.error.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
