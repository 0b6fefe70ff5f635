import * as v from 'valibot';
import { CalendarDate, Id, Time } from '../schema/primitives';
import { SessionSchema, sessionFields } from '../schema/session';
import { MANUAL_KINDS, type ManualKind } from '../db/records';
import type { ClientOverride } from '../attribution/attribute';
import type { RunningTimer } from '../sessions/timer';
import type { TrackingStatus } from '../tracking/status';
import { WebDavSetupSchema } from '../sync/webdav-setup';

/** What a content script reports about its page. The background adds the tab and window from the sender. */
export interface PageReport {
  type: 'page-report';
  url: string;
  /** Milliseconds since the last trusted input, or null when the report carries no input. */
  inputAgoMs: number | null;
  visible: boolean;
  mediaPlaying: boolean;
}

const MAX_AGO_MS = 10 * 60_000;

const PageReportSchema = v.object({
  type: v.literal('page-report'),
  url: v.pipe(v.string(), v.maxLength(8192)),
  inputAgoMs: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_AGO_MS))),
  visible: v.boolean(),
  mediaPlaying: v.boolean(),
});

const Kind = v.picklist(MANUAL_KINDS);
const Note = v.unwrap(sessionFields.note);

/** Requests from the extension's own pages (popup, dashboard) to the background, the one writer of sessions. */
const PageRequestSchema = v.variant('type', [
  v.object({ type: v.literal('get-status') }),
  v.object({ type: v.literal('set-paused'), paused: v.boolean() }),
  v.object({ type: v.literal('set-override'), clientId: Id, until: v.nullable(Time) }),
  v.object({ type: v.literal('clear-override') }),
  v.object({ type: v.literal('start-timer'), clientId: Id, kind: Kind, note: v.optional(Note) }),
  v.object({ type: v.literal('stop-timer') }),
  v.object({
    type: v.literal('add-manual'),
    form: v.object({ clientId: v.string(), kind: v.string(), date: v.string(), start: v.string(), duration: v.string(), note: v.string() }),
  }),
  v.object({ type: v.literal('log-away'), clientId: Id, kind: Kind, note: v.optional(Note) }),
  v.object({ type: v.literal('dismiss-away') }),
  v.object({ type: v.literal('assign-sessions'), ids: v.pipe(v.array(Id), v.maxLength(100_000)), clientId: v.nullable(Id) }),
  v.object({ type: v.literal('split-session'), id: Id, at: Time }),
  v.object({ type: v.literal('reattribute'), ruleId: Id }),
  v.object({ type: v.literal('delete-client'), clientId: Id }),
  v.object({ type: v.literal('sync-sites') }),
  v.object({ type: v.literal('reload-config') }),
  v.object({ type: v.literal('get-day-totals'), from: Time, to: Time }),
  v.object({
    type: v.literal('update-session'),
    id: Id,
    change: v.object({ clientId: v.optional(v.nullable(Id)), start: v.optional(Time), end: v.optional(Time), note: v.optional(Note) }),
  }),
  v.object({ type: v.literal('delete-sessions'), ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(100_000)) }),
  // The `before` of an edit record, put back (undo): checked as strictly as a backup's sessions.
  v.object({ type: v.literal('restore-sessions'), sessions: v.pipe(v.array(SessionSchema), v.minLength(1), v.maxLength(100_000)) }),
  v.object({ type: v.literal('merge-sessions'), ids: v.pipe(v.array(Id), v.minLength(2), v.maxLength(1000)) }),
  v.object({ type: v.literal('mark-invoiced'), clientId: Id, from: CalendarDate, to: CalendarDate }),
  v.object({ type: v.literal('unlock-invoice'), id: Id }),
  v.object({ type: v.literal('restore-backup'), text: v.string(), byteLength: v.pipe(v.number(), v.minValue(0)) }),
  v.object({ type: v.literal('set-browser-sync'), enabled: v.boolean() }),
  v.object({ type: v.literal('connect-webdav'), setup: WebDavSetupSchema }),
  v.object({ type: v.literal('disconnect-webdav') }),
  v.object({ type: v.literal('sync-now') }),
]);

export type PageRequest = v.InferOutput<typeof PageRequestSchema>;

/** A period away from the browser, offered to the user for logging. */
export interface AwayPeriod {
  from: number;
  to: number;
}

export interface StatusResponse {
  status: TrackingStatus;
  paused: boolean;
  now: number;
  timer: RunningTimer | null;
  override: ClientOverride | null;
  away: AwayPeriod | null;
}

export type CommandResponse =
  | { ok: true; count?: number; /** The edit record a change of sessions left, to undo it. */ editId?: string; restored?: { added: number; updated: number; unchanged: number; removed: number; settingsRestored: boolean } }
  | { ok: false; error: string; problems?: string[]; detail?: Record<string, unknown> };

export function parsePageReport(value: unknown): PageReport | null {
  const result = v.safeParse(PageReportSchema, value);
  return result.success ? result.output : null;
}

export function parsePageRequest(value: unknown): PageRequest | null {
  const result = v.safeParse(PageRequestSchema, value);
  return result.success ? result.output : null;
}

export type { ManualKind };
