import { afterAttempt, NO_SYNC, type SyncProblem, type SyncStatus } from './status';

export type SyncChannel = 'browser' | 'webdav';

/** What one attempt found: the problem that stopped it (null: it worked) and what the status shows beside it. */
export interface SyncOutcome<C extends SyncChannel> {
  problem: SyncProblem | null;
  details?: Partial<Omit<SyncStatus[C], 'enabled' | 'running' | 'lastAttemptAt' | 'lastSuccessAt' | 'failures' | 'nextAttemptAt' | 'problem'>>;
}

export interface SchedulerPorts {
  now(): number;
  loadStatus(): Promise<SyncStatus>;
  saveStatus(status: SyncStatus): Promise<void>;
  /** Wakes the background at `at` (or never, with null) to run what is due then. */
  wakeAt(at: number | null): Promise<void>;
  runners: { [C in SyncChannel]: () => Promise<SyncOutcome<C>> };
}

/**
 * When each sync runs, one attempt at a time per channel, and what the status says. An
 * attempt asked for while one runs is run once right after it, so a change made during a
 * sync is not left for the next interval. Failures back off (`retryDelayMs`); the state is
 * saved where the popup and the dashboard read it.
 */
export class SyncScheduler {
  private status: Promise<SyncStatus>;
  private running = new Map<SyncChannel, Promise<void>>();
  private again = new Set<SyncChannel>();

  constructor(private ports: SchedulerPorts) {
    // A worker stopped mid-sync left `running` set: nothing runs in a new worker until asked.
    this.status = ports.loadStatus().then((s) => ({ ...s, browser: { ...s.browser, running: false }, webdav: { ...s.webdav, running: false } }));
  }

  current(): Promise<SyncStatus> {
    return this.status;
  }

  /** Turns a channel on (and runs it now) or off, with what its status shows (the device, the folder…). */
  async setEnabled<C extends SyncChannel>(channel: C, enabled: boolean, details: SyncOutcome<C>['details'] = {}): Promise<void> {
    await this.update((s) => ({ ...s, [channel]: { ...(enabled ? s[channel] : NO_SYNC[channel]), ...details, enabled, problem: null, failures: 0, nextAttemptAt: null } }));
    if (enabled) await this.run(channel);
  }

  /** Runs a channel now, or once more after the attempt in progress. */
  run(channel: SyncChannel): Promise<void> {
    const inFlight = this.running.get(channel);
    if (inFlight) {
      this.again.add(channel);
      return inFlight;
    }
    const attempt = this.attempt(channel).finally(() => {
      this.running.delete(channel);
      if (this.again.delete(channel)) void this.run(channel);
    });
    this.running.set(channel, attempt);
    return attempt;
  }

  /** When the attempt in progress (if any) has ended. */
  async settled(channel: SyncChannel): Promise<void> {
    while (this.running.has(channel)) await this.running.get(channel);
  }

  /** Runs every enabled channel whose next attempt is due: on the alarm and when the worker starts. */
  async runDue(): Promise<void> {
    const status = await this.status;
    const now = this.ports.now();
    const due = (['browser', 'webdav'] as const).filter((c) => status[c].enabled && (status[c].nextAttemptAt === null || status[c].nextAttemptAt <= now));
    await Promise.all(due.map((c) => this.run(c)));
    if (due.length === 0) await this.ports.wakeAt(nextWake(status));
  }

  private async attempt(channel: SyncChannel): Promise<void> {
    const before = await this.status;
    if (!before[channel].enabled) return;
    await this.update((s) => ({ ...s, [channel]: { ...s[channel], running: true } }));
    let outcome: SyncOutcome<SyncChannel>;
    try {
      outcome = await this.ports.runners[channel]();
    } catch (error) {
      console.error('[social-hours] sync', channel, error);
      outcome = { problem: { code: 'internal' } };
    }
    const status = await this.update((s) => {
      // Turned off meanwhile: the attempt's result describes nothing any more.
      if (!s[channel].enabled) return s;
      return { ...s, [channel]: { ...afterAttempt(s[channel], this.ports.now(), outcome.problem), ...outcome.details } };
    });
    await this.ports.wakeAt(nextWake(status));
  }

  private update(change: (status: SyncStatus) => SyncStatus): Promise<SyncStatus> {
    this.status = this.status.then(async (s) => {
      const next = change(s);
      // The status is what the pages show; failing to save it must not stop the syncs.
      if (next !== s) await this.ports.saveStatus(next).catch((error: unknown) => console.error('[social-hours] sync status', error));
      return next;
    });
    return this.status;
  }
}

function nextWake(status: SyncStatus): number | null {
  const times = (['browser', 'webdav'] as const).filter((c) => status[c].enabled && status[c].nextAttemptAt !== null).map((c) => status[c].nextAttemptAt!);
  return times.length > 0 ? Math.min(...times) : null;
}
