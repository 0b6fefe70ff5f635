import { createAttributor } from '../attribution/attribute';
import type { SocialHoursDatabase } from '../db/database';
import type { RuleRecord } from '../db/records';
import { SessionWriter } from '../db/session-writer';
import type { StatusResponse } from '../messaging/protocol';
import { createClassifier } from '../platforms/classify';
import { trackingSettings, type Settings } from '../settings/settings';
import type { Clock } from '../time/clock';
import type { IdleState, TabSnapshot, TrackerEvent } from '../tracking/events';
import { isTrackerState } from '../tracking/state';
import { Tracker, type TrackerDeps } from '../tracking/tracker';

/** What the service needs from the browser, so that it runs in unit tests as in the extension. */
export interface TrackingPorts {
  db: SocialHoursDatabase;
  clock: Clock;
  newId: () => string;
  /** Where the tracker's state survives a service-worker restart (storage.session). */
  loadCheckpoint: () => Promise<unknown>;
  saveCheckpoint: (state: unknown) => Promise<void>;
  /** The live picture: focused window, each window's active tab, the system's idle state. */
  readBrowserState: () => Promise<{ focusedWindowId: number | null; activeTabs: TabSnapshot[]; idle: IdleState }>;
  /** Periodic wake-ups while a session is open (alarms), so a lapsed session ends on time. */
  setWakeups: (on: boolean) => Promise<void>;
  savePaused: (paused: boolean) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface TrackingConfig {
  settings: Settings;
  rules: RuleRecord[];
  paused: boolean;
}

type EventSource = TrackerEvent | (() => Promise<TrackerEvent | null>);

/**
 * Feeds the tracker one event at a time, in arrival order, and persists what it decides:
 * sessions through the coalescing writer, the tracker's state as a checkpoint after every
 * event. Browser events arrive concurrently; the queue keeps them in order.
 */
export class TrackingService {
  private tracker: Tracker;
  private writer: SessionWriter;
  private queue: Promise<unknown> = Promise.resolve();
  private wakeups: boolean | null = null;

  constructor(
    private ports: TrackingPorts,
    private config: TrackingConfig,
  ) {
    this.tracker = new Tracker(this.deps());
    this.writer = new SessionWriter(ports.db);
  }

  get writeCount(): number {
    return this.writer.writes;
  }

  /** Restores the checkpoint (if the worker was restarted) and re-reads the browser. */
  start(): Promise<void> {
    return this.enqueue(async () => {
      const saved = await this.ports.loadCheckpoint();
      if (isTrackerState(saved)) this.tracker = new Tracker(this.deps(), saved);
      await this.handle(await this.syncEvent(), this.ports.clock());
    });
  }

  /** Handles an event, reading the clock now (at arrival), even if earlier events are still being handled. */
  dispatch(source: EventSource): Promise<void> {
    const at = this.ports.clock();
    return this.enqueue(async () => {
      const event = typeof source === 'function' ? await source() : source;
      if (event) await this.handle(event, Math.max(at, 0));
    });
  }

  resync(): Promise<void> {
    return this.dispatch(() => this.syncEvent());
  }

  setPaused(paused: boolean): Promise<void> {
    return this.enqueue(async () => {
      this.config = { ...this.config, paused };
      await this.ports.savePaused(paused);
      await this.handle({ type: paused ? 'pause' : 'resume' }, this.ports.clock());
    });
  }

  updateSettings(settings: Settings): Promise<void> {
    return this.enqueue(async () => {
      this.config = { ...this.config, settings };
      this.tracker.configure(trackingSettings(settings));
      this.tracker.setResolvers(this.resolvers());
      await this.handle({ type: 'tick' }, this.ports.clock());
    });
  }

  updateRules(rules: RuleRecord[]): Promise<void> {
    return this.enqueue(async () => {
      this.config = { ...this.config, rules };
      this.tracker.setResolvers(this.resolvers());
      await this.handle({ type: 'tick' }, this.ports.clock());
    });
  }

  status(): Promise<StatusResponse> {
    return this.enqueue(async () => {
      const now = this.ports.clock();
      await this.handle({ type: 'tick' }, now);
      return { status: this.tracker.status(now), paused: this.tracker.paused, now };
    });
  }

  /** Brings the open session up to now and writes it, whatever the checkpoint interval. */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      const now = this.ports.clock();
      await this.handle({ type: 'tick' }, now);
      await this.writer.flush(this.tracker.open, now);
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => this.ports.onError?.(error));
    return run;
  }

  private async handle(event: TrackerEvent, now: number): Promise<void> {
    const output = this.tracker.handle(event, now);
    // The checkpoint first: if the write fails, the tracker's state is still safe, and the
    // writer retries what it could not write with the next event.
    await this.ports.saveCheckpoint(this.tracker.snapshot());
    await this.writer.record(output, this.tracker.open, now);
    const wantWakeups = this.tracker.open !== null;
    if (wantWakeups !== this.wakeups) {
      this.wakeups = wantWakeups;
      await this.ports.setWakeups(wantWakeups);
    }
  }

  private async syncEvent(): Promise<TrackerEvent> {
    const state = await this.ports.readBrowserState();
    return { type: 'sync', ...state, paused: this.config.paused };
  }

  private resolvers(): Pick<TrackerDeps, 'classify' | 'attribute'> {
    const { settings, rules } = this.config;
    const classify = createClassifier({ disabled: settings.disabledPlatforms, mastodonServers: settings.mastodonServers, customSites: settings.customSites });
    const attributor = createAttributor(rules);
    return { classify, attribute: (context, url, now) => attributor(context, url, now) };
  }

  private deps(): TrackerDeps {
    return { settings: trackingSettings(this.config.settings), newId: this.ports.newId, ...this.resolvers() };
  }
}
