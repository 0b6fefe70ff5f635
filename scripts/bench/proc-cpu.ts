// CPU time of a Chromium process tree, read from /proc (Linux only).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type ProcessKind = 'extension' | 'renderer' | 'browser' | 'gpu' | 'utility' | 'other';

export interface ProcessSample {
  pid: number;
  ppid: number;
  /** utime + stime, in seconds. */
  cpu: number;
  kind: ProcessKind;
  /** For utility processes: the service they run (network, storage…). */
  detail: string;
}

let ticks: number | null = null;
function clockTicks(): number {
  if (ticks === null) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

function readStat(pid: number): { ppid: number; cpu: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / clockTicks() };
  } catch {
    return null;
  }
}

function readCmdline(pid: number): string[] {
  try {
    // Chromium rewrites its process title: the arguments may come back joined by spaces.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).filter(Boolean);
  } catch {
    return [];
  }
}

export function classify(args: string[]): { kind: ProcessKind; detail: string } {
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  if (type === undefined) return { kind: 'browser', detail: '' };
  if (type === 'renderer') {
    if (args.includes('--extension-process')) return { kind: 'extension', detail: '' };
    // The browser's own WebUI (tab strip, side panels): not a web page.
    if (args.includes('--top-chrome-webui')) return { kind: 'other', detail: 'top-chrome-webui' };
    return { kind: 'renderer', detail: '' };
  }
  if (type === 'gpu-process') return { kind: 'gpu', detail: '' };
  if (type === 'utility') {
    const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice('--utility-sub-type='.length) ?? '';
    return { kind: 'utility', detail: sub.replace(/^.*\./, '') };
  }
  return { kind: 'other', detail: type };
}

/** The browser process: the one whose command line names this profile and has no --type. */
export function findBrowserPid(profileDir: string): number | null {
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const args = readCmdline(pid);
    if (args.some((a) => a === `--user-data-dir=${profileDir}`) && !args.some((a) => a.startsWith('--type='))) return pid;
  }
  return null;
}

/** Every process under `root` (itself included), with its CPU so far. */
export function sampleTree(root: number): ProcessSample[] {
  const all = new Map<number, { ppid: number; cpu: number }>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) all.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const result: ProcessSample[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const stat = all.get(pid);
    if (!stat) continue;
    result.push({ pid, ppid: stat.ppid, cpu: stat.cpu, ...classify(readCmdline(pid)) });
    stack.push(...(children.get(pid) ?? []));
  }
  return result;
}

/**
 * Follows a process tree over a span of time: CPU used between `start()` and `stop()`,
 * per process. Processes born during the span count from zero; those that end during it
 * count up to their last sample (sampled every `everyMs`).
 */
export class TreeCpuMeter {
  private base = new Map<number, number>();
  private last = new Map<number, ProcessSample>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private root: number,
    private everyMs = 500,
  ) {}

  start(): void {
    this.base.clear();
    this.last.clear();
    for (const p of sampleTree(this.root)) {
      this.base.set(p.pid, p.cpu);
      this.last.set(p.pid, p);
    }
    this.timer = setInterval(() => this.sample(), this.everyMs);
  }

  private sample(): void {
    for (const p of sampleTree(this.root)) this.last.set(p.pid, p);
  }

  /** CPU seconds per kind over the span, and per process. */
  stop(): { byKind: Record<ProcessKind, number>; processes: Array<ProcessSample & { used: number }> } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const byKind: Record<ProcessKind, number> = { extension: 0, renderer: 0, browser: 0, gpu: 0, utility: 0, other: 0 };
    const processes: Array<ProcessSample & { used: number }> = [];
    for (const p of this.last.values()) {
      const used = p.cpu - (this.base.get(p.pid) ?? 0);
      byKind[p.kind] += used;
      processes.push({ ...p, used });
    }
    return { byKind, processes };
  }
}
