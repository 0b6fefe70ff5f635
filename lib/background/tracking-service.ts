import { createAttributor, overrideActive, type ClientOverride } from '../attribution/attribute';
import type { SocialHoursDatabase } from '../db/database';
import { PERSONAL_CLIENT_ID, type ClientRecord, type ManualKind, type RuleRecord, type SessionRecord } from '../db/records';
import { SessionWriter, readPendingWrites, type PendingWrites } from '../db/session-writer';
import type { AwayPeriod, CommandResponse, StatusResponse } from '../messaging/protocol';
import { createClassifier } from '../platforms/classify';
import { parseManualEntry, type ManualEntryForm } from '../sessions/manual-entry';
import { timerSessions, type RunningTimer } from '../sessions/timer';
import { idleDetectionSeconds, readSettings, trackingSettings, type Settings } from '../settings/settings';
import { MINUTE, type Clock } from '../time/clock';
import type { BrowserView, IdleState, TabSnapshot, TrackerEvent } from '../tracking/events';
import { readTrackerState, type TrackerState } from '../tracking/state';
import { Tracker, type TrackerDeps } from '../tracking/tracker';
import { restoreInto } from '../backup/restore';
import { readBackup } from '../backup/backup-file';
import type { SessionUpdate } from '../sessions/session-edit';
import { pastDayTotals, type DayTotalsRecord } from '../db/day-totals';
import { dayRange } from '../time/calendar';
import type { TimeRange } from '../time/local-day';
import { InvoiceCommands } from '../invoices/invoice-commands';
import { SessionCommands } from './session-commands';

/** State the user sets in the popup, kept in extension storage so it survives a browser restart. */
export interface DurableState {
  paused: boolean;
  timer: RunningTimer | null;
  override: ClientOverride | null;
  away: AwayPeriod | null;
}

/** What the service needs from the browser, so that it runs in unit tests as in the extension. */
export interface TrackingPorts {
  db: SocialHoursDatabase;
  clock: Clock;
  newId: () => string;
  /** Where the tracker's state survives a service-worker restart (storage.session). */
  loadCheckpoint: () => Promise<unknown>;
  saveCheckpoint: (checkpoint: Checkpoint) => Promise<void>;
  /** The live picture: focused window, each window's active tab, the system's idle state. */
  readBrowserState: () => Promise<{ focusedWindowId: number | null; activeTabs: TabSnapshot[]; idle: IdleState }>;
  /** The focused window and its active tab, as the browser says now. */
  readView: () => Promise<BrowserView>;
  /** Periodic wake-ups while a session is open (alarms), so a lapsed session ends on time. */
  setWakeups: (on: boolean) => Promise<void>;
  /** A one-off wake-up (the end of an override), or none. */
  wakeAt: (when: number | null) => Promise<void>;
  saveDurable: <K extends keyof DurableState>(key: K, value: DurableState[K]) => Promise<void>;
  /** Settings restored from a backup into a fresh profile. */
  saveSettings: (settings: Settings) => Promise<void>;
  /** Called after every handled event: the badge and notifications follow. `edited`: a command changed stored time. */
  afterChange?: (edited?: boolean) => void;
  onError?: (error: unknown) => void;
}

export interface Checkpoint {
  tracker: TrackerState;
  /** When the current idle spell began, for the "you were away" prompt. */
  awaySince: number | null;
  /** Sessions decided but maybe not yet in the database: a restarted worker writes them again. */
  pending?: PendingWrites;
}

/** What a content script reports, with the tab it came from. */
export interface PageArrival {
  tabId: number;
  windowId: number;
  url: string;
  /** Milliseconds between the last trusted input and the report leaving the page, or null. */
  inputAgoMs: number | null;
  visible: boolean;
  mediaPlaying: boolean;
}

export interface TrackingConfig extends DurableState {
  settings: Settings;
  rules: RuleRecord[];
  clients: ClientRecord[];
}

type EventSource = TrackerEvent | (() => Promise<TrackerEvent | null>);

/** Input time from a report's "this long ago", in whole milliseconds of the clock that received it. */
export function inputTime(arrival: number, inputAgoMs: number | null): number | null {
  return inputAgoMs === null ? null : Math.round(arrival - Math.max(0, inputAgoMs));
}

/**
 * Feeds the tracker one event at a time, in arrival order, and persists what it decides:
 * sessions through the coalescing writer, the tracker's state as a checkpoint after every
 * event. The clock is read once per event, when its turn comes, so readings follow the
 * order in which events are handled. It also runs what the user asks of the time (manual entries, the timer, edits),
 * in the same queue, so only one writer ever touches sessions.
 */
export class TrackingService {
  private tracker: Tracker;
  private writer: SessionWriter;
  private commands: SessionCommands;
  private invoices: InvoiceCommands;
  private queue: Promise<unknown> = Promise.resolve();
  private wakeups: boolean | null = null;
  private awaySince: number | null = null;

  constructor(
    private ports: TrackingPorts,
    private config: TrackingConfig,
  ) {
    this.tracker = new Tracker(this.deps());
    this.writer = new SessionWriter(ports.db);
    this.commands = new SessionCommands(ports.db, ports.newId);
    this.invoices = new InvoiceCommands(ports.db, ports.newId);
  }

  get writeCount(): number {
    return this.writer.writes;
  }

  /** Restores the checkpoint (if the worker was restarted) and re-reads the browser. */
  start(): Promise<void> {
    return this.enqueue(async () => {
      const saved = (await this.ports.loadCheckpoint()) as Partial<Checkpoint> | undefined;
      const tracker = readTrackerState(saved?.tracker);
      if (saved && tracker) {
        this.tracker = new Tracker(this.deps(), tracker);
        this.awaySince = typeof saved.awaySince === 'number' ? saved.awaySince : null;
        await this.writer.resume(readPendingWrites(saved.pending));
      }
      await this.handleNow(await this.syncEvent());
    });
  }

  /** Handles an event after those before it, at the clock reading of its turn. */
  dispatch(source: EventSource): Promise<void> {
    return this.enqueue(async () => {
      const event = typeof source === 'function' ? await source() : source;
      if (event) await this.handleNow(event);
    });
  }

  /**
   * A content script's report. Its input is placed in time on arrival (the report may wait
   * behind other events); what it means is judged with the browser's view of that moment.
   */
  report(page: PageArrival): Promise<void> {
    const { inputAgoMs, ...rest } = page;
    const inputAt = inputTime(this.ports.clock(), inputAgoMs);
    return this.enqueue(async () => {
      await this.handleNow({ type: 'page', ...rest, inputAt, view: await this.ports.readView() });
    });
  }

  /** A wake-up: the open session is brought up to now, against the browser's view. */
  wake(): Promise<void> {
    return this.enqueue(async () => {
      await this.handleNow({ type: 'tick', view: await this.ports.readView() });
    });
  }

  resync(): Promise<void> {
    return this.dispatch(() => this.syncEvent());
  }

  status(): Promise<StatusResponse> {
    return this.enqueue(async () => {
      await this.handleNow({ type: 'tick' });
      return this.peek();
    });
  }

  /** The status as it stands, without handling anything: for the badge, which must not cause events itself. */
  peek(): StatusResponse {
    const now = this.ports.clock();
    const { paused, timer, away } = this.config;
    const override = overrideActive(this.config.override, now) ? this.config.override : null;
    return { status: this.tracker.status(now), paused, now, timer, override, away };
  }

  /** Per-client totals of the whole past days of a range, computed once and kept until a change touches them. */
  dayTotals(range: TimeRange): Promise<DayTotalsRecord[]> {
    return this.enqueue(() => pastDayTotals(this.ports.db, range, dayRange(this.ports.clock()).from));
  }

  /** Brings the open session up to now and writes it, whatever the checkpoint interval. */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      const now = await this.handleNow({ type: 'tick' });
      await this.writer.flush(this.tracker.open, now);
    });
  }

  setPaused(paused: boolean): Promise<void> {
    return this.enqueue(async () => {
      this.config = { ...this.config, paused };
      await this.ports.saveDurable('paused', paused);
      await this.applyPause();
    });
  }

  setOverride(override: ClientOverride | null): Promise<CommandResponse> {
    return this.enqueue(async () => {
      if (override && !this.activeClientIds().has(override.clientId)) return { ok: false, error: 'unknown-client' };
      this.config = { ...this.config, override };
      await this.ports.saveDurable('override', override);
      await this.ports.wakeAt(override?.until ?? null);
      this.tracker.setResolvers(this.resolvers());
      await this.handleNow({ type: 'tick' });
      return { ok: true };
    });
  }

  startTimer(timer: Omit<RunningTimer, 'startedAt'>): Promise<CommandResponse> {
    return this.enqueue(async () => {
      if (this.config.timer) return { ok: false, error: 'timer-running' };
      if (!this.activeClientIds().has(timer.clientId)) return { ok: false, error: 'unknown-client' };
      const now = this.ports.clock();
      const running: RunningTimer = { ...timer, startedAt: now };
      this.config = { ...this.config, timer: running };
      await this.ports.saveDurable('timer', running);
      // Automatic time stops where the timer's starts: the two never overlap.
      await this.applyPause(now);
      return { ok: true };
    });
  }

  stopTimer(): Promise<CommandResponse> {
    return this.enqueue(async () => {
      const timer = this.config.timer;
      if (!timer) return { ok: false, error: 'no-timer' };
      const now = Math.max(this.ports.clock(), timer.startedAt);
      const result = await this.commands.addManual(timerSessions(timer, now, this.ports.newId), now);
      this.ports.afterChange?.(true);
      this.config = { ...this.config, timer: null };
      await this.ports.saveDurable('timer', null);
      await this.applyPause();
      return result;
    });
  }

  addManual(form: ManualEntryForm): Promise<CommandResponse> {
    return this.command(async (now) => {
      const parsed = parseManualEntry(form, now, this.ports.newId());
      if (!parsed.ok) return { ok: false, error: 'invalid', problems: parsed.problems };
      if (!this.knownClient(form.clientId)) return { ok: false, error: 'unknown-client' };
      return this.commands.addManual([parsed.session], now);
    });
  }

  /** Logs the last time away for a client, as a manual entry covering it. */
  logAway(clientId: string, kind: ManualKind, note?: string): Promise<CommandResponse> {
    return this.command(async (now) => {
      const away = this.config.away;
      if (!away) return { ok: false, error: 'nothing-away' };
      if (!this.knownClient(clientId)) return { ok: false, error: 'unknown-client' };
      const timer: RunningTimer = { clientId, kind, startedAt: away.from, ...(note ? { note } : {}) };
      const result = await this.commands.addManual(timerSessions(timer, away.to, this.ports.newId), now);
      if (result.ok) await this.setAway(null);
      return result;
    });
  }

  dismissAway(): Promise<CommandResponse> {
    return this.enqueue(async () => {
      await this.setAway(null);
      return { ok: true };
    });
  }

  assignSessions(ids: string[], clientId: string | null): Promise<CommandResponse> {
    return this.command((now) => this.commands.assign(ids, clientId, now));
  }

  splitSession(id: string, at: number): Promise<CommandResponse> {
    return this.command((now) => this.commands.split(id, at, now));
  }

  reattribute(ruleId: string): Promise<CommandResponse> {
    return this.command((now) => this.commands.reattribute(ruleId, now));
  }

  updateSession(id: string, change: SessionUpdate): Promise<CommandResponse> {
    return this.command((now) => this.commands.update(id, change, now));
  }

  markInvoiced(clientId: string, from: string, to: string): Promise<CommandResponse> {
    return this.command((now) => this.invoices.mark(clientId, from, to, now));
  }

  unlockInvoice(invoiceId: string): Promise<CommandResponse> {
    return this.command((now) => this.invoices.unlock(invoiceId, now));
  }

  deleteSessions(ids: string[]): Promise<CommandResponse> {
    return this.command((now) => this.commands.remove(ids, now));
  }

  restoreSessions(sessions: SessionRecord[]): Promise<CommandResponse> {
    return this.command((now) => this.commands.restore(sessions, now));
  }

  mergeSessions(ids: string[]): Promise<CommandResponse> {
    return this.command((now) => this.commands.merge(ids, now));
  }

  /** Restores a backup file: checked whole first, then written in one transaction, merging by id. */
  restoreBackup(text: string, byteLength: number): Promise<CommandResponse> {
    return this.command(async (now) => {
      const read = readBackup(text, byteLength);
      if (!read.ok) return { ok: false, error: 'backup-invalid', detail: read.problem };
      const { backup } = read;
      const result = await restoreInto(this.ports.db, backup, now);
      let settingsRestored = false;
      if (result.fresh && backup.settings !== undefined) {
        const settings = readSettings(backup.settings);
        await this.ports.saveSettings(settings);
        this.config = { ...this.config, settings };
        settingsRestored = true;
      }
      const [rules, clients] = await Promise.all([this.ports.db.rules.toArray(), this.ports.db.clients.toArray()]);
      this.config = { ...this.config, rules, clients };
      this.tracker.configure(trackingSettings(this.config.settings));
      this.tracker.setResolvers(this.resolvers());
      return { ok: true, restored: { ...result.counts, settingsRestored } };
    });
  }

  deleteClient(clientId: string): Promise<CommandResponse> {
    return this.command(async (now) => {
      const result = await this.commands.deleteClient(clientId, now);
      const [rules, clients] = await Promise.all([this.ports.db.rules.toArray(), this.ports.db.clients.toArray()]);
      this.config = { ...this.config, rules, clients };
      this.tracker.setResolvers(this.resolvers());
      return result;
    });
  }

  updateSettings(settings: Settings): Promise<void> {
    return this.reconfigure({ settings });
  }

  updateRules(rules: RuleRecord[]): Promise<void> {
    return this.reconfigure({ rules });
  }

  updateClients(clients: ClientRecord[]): Promise<void> {
    return this.reconfigure({ clients });
  }

  private reconfigure(change: Partial<TrackingConfig>): Promise<void> {
    return this.enqueue(async () => {
      this.config = { ...this.config, ...change };
      this.tracker.configure(trackingSettings(this.config.settings));
      this.tracker.setResolvers(this.resolvers());
      await this.handleNow({ type: 'tick' });
    });
  }

  /** Runs an edit of stored time after cutting the open session at now, so the edit never races the tracker's writes. */
  private command(run: (now: number) => Promise<CommandResponse>): Promise<CommandResponse> {
    return this.enqueue(async () => {
      const now = await this.handleNow({ type: 'cut' });
      await this.writer.flush(null, now);
      const result = await run(now);
      this.ports.afterChange?.(true);
      return result;
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => this.ports.onError?.(error));
    return run;
  }

  /** Handles an event at the clock reading of this moment, and returns that reading. */
  private async handleNow(event: TrackerEvent): Promise<number> {
    const now = this.ports.clock();
    await this.handle(event, now);
    return now;
  }

  private async handle(event: TrackerEvent, now: number): Promise<void> {
    if (event.type === 'idle') await this.noteIdle(event.state, now);
    const output = this.tracker.handle(event, now);
    this.writer.stage(output, this.tracker.open, now);
    // The checkpoint first, with what is still to be written: if the write fails, or the
    // worker stops before it is retried, the next worker writes it.
    await this.ports.saveCheckpoint({ tracker: this.tracker.snapshot(), awaySince: this.awaySince, pending: this.writer.pending() });
    await this.writer.write();
    const wantWakeups = this.tracker.open !== null;
    if (wantWakeups !== this.wakeups) {
      this.wakeups = wantWakeups;
      await this.ports.setWakeups(wantWakeups);
    }
    this.ports.afterChange?.();
  }

  /** Remembers when an idle spell began; a long enough one becomes a "you were away" offer on return. */
  private async noteIdle(state: IdleState, now: number): Promise<void> {
    if (state !== 'active') {
      // chrome.idle reports idle after the detection interval without input: the absence began then.
      const began = state === 'idle' ? now - idleDetectionSeconds(this.config.settings) * 1000 : now;
      this.awaySince = Math.min(this.awaySince ?? began, began);
      return;
    }
    const since = this.awaySince;
    this.awaySince = null;
    if (since !== null && now - since >= this.config.settings.awayPromptMinutes * MINUTE) await this.setAway({ from: since, to: now });
  }

  private async setAway(away: AwayPeriod | null): Promise<void> {
    this.config = { ...this.config, away };
    await this.ports.saveDurable('away', away);
  }

  /** Automatic tracking stops while the user pauses it or times work away from the browser. */
  private async applyPause(now = this.ports.clock()): Promise<void> {
    const paused = this.config.paused || this.config.timer !== null;
    if (paused !== this.tracker.paused) await this.handle({ type: paused ? 'pause' : 'resume' }, now);
  }

  private async syncEvent(): Promise<TrackerEvent> {
    const state = await this.ports.readBrowserState();
    return { type: 'sync', ...state, paused: this.config.paused || this.config.timer !== null };
  }

  private activeClientIds(): Set<string> {
    return new Set(this.config.clients.filter((c) => !c.archived).map((c) => c.id));
  }

  /** A client time can be logged for: an active client, or personal time (not billed, but work all the same). */
  private knownClient(clientId: string): boolean {
    return clientId === PERSONAL_CLIENT_ID || this.activeClientIds().has(clientId);
  }

  private resolvers(): Pick<TrackerDeps, 'classify' | 'attribute'> {
    const { settings, rules, override } = this.config;
    const classify = createClassifier({ disabled: settings.disabledPlatforms, mastodonServers: settings.mastodonServers, customSites: settings.customSites });
    const attribute = createAttributor(rules, { override, activeClients: this.activeClientIds() });
    return { classify, attribute };
  }

  private deps(): TrackerDeps {
    return { settings: trackingSettings(this.config.settings), newId: this.ports.newId, ...this.resolvers() };
  }
}
