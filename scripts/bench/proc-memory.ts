// Memory of a Chromium process tree, read from /proc (Linux only).
import { readFileSync, writeFileSync } from 'node:fs';
import { sampleTree, type ProcessKind } from './proc-cpu';

export type MemoryByKind = Record<ProcessKind, number>;

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function sumByKind(root: number, field: 'VmRSS' | 'VmHWM'): MemoryByKind {
  const byKind: MemoryByKind = { extension: 0, renderer: 0, browser: 0, gpu: 0, utility: 0, other: 0 };
  for (const p of sampleTree(root)) byKind[p.kind] += statusField(p.pid, field);
  return byKind;
}

/** Resident set size now, in bytes, summed per kind of process. */
export const treeMemory = (root: number): MemoryByKind => sumByKind(root, 'VmRSS');

/**
 * The highest resident set size of each process over a span, in bytes, summed per kind. The
 * kernel keeps each process's peak (VmHWM), so no spike falls between two samples: `start()`
 * resets it (clear_refs 5), `stop()` reads it. A process that ended within the span is left out.
 */
export class TreePeakMemory {
  constructor(private root: number) {}

  start(): void {
    for (const p of sampleTree(this.root)) {
      try {
        writeFileSync(`/proc/${p.pid}/clear_refs`, '5');
      } catch {
        // Ended meanwhile.
      }
    }
  }

  stop(): MemoryByKind {
    return sumByKind(this.root, 'VmHWM');
  }
}
