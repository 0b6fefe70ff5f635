import * as v from 'valibot';
import type { SessionRecord } from '../db/records';
import { MAX_SESSION_MS } from '../tracking/settings';
import { CleanText, Id, PlatformId, Text, Time } from './primitives';
import { schemaOf } from './schema-of';

/** The longest note a session keeps. */
export const MAX_NOTE_LENGTH = 500;

/** The fields one by one, for messages that carry some of them. */
export const sessionFields = {
  id: Id,
  start: Time,
  end: Time,
  clientId: v.nullable(Id),
  platform: PlatformId,
  account: v.nullable(CleanText(300)),
  activity: v.pipe(v.string(), v.minLength(1), v.maxLength(50)),
  source: v.picklist(['auto', 'manual']),
  note: v.optional(CleanText(MAX_NOTE_LENGTH)),
  assignedBy: v.optional(v.nullable(v.picklist(['rule', 'override', 'user']))),
  ruleId: v.optional(v.nullable(Id)),
  page: v.optional(v.nullable(Text(300))),
  createdAt: Time,
  updatedAt: Time,
  recordedBy: v.optional(Id),
  remoteVersion: v.optional(Time),
};

export const SessionSchema = schemaOf<SessionRecord>()(
  v.pipe(
    v.object(sessionFields),
    v.check((s) => s.end > s.start, 'end-before-start'),
    v.check((s) => s.end - s.start <= MAX_SESSION_MS, 'session-too-long'),
  ),
);

/**
 * One person's sessions never overlap: the id of the first one that starts before the
 * previous one of the same recorder ends, or null. Members of an agency syncing through one
 * folder work at the same time: their sessions (told apart by `recordedBy`) may overlap.
 */
export function firstOverlap(sessions: readonly Pick<SessionRecord, 'id' | 'start' | 'end' | 'recordedBy'>[]): string | null {
  const sorted = [...sessions].sort((a, b) => a.start - b.start);
  const lastEnd = new Map<string, number>();
  for (const s of sorted) {
    const recorder = s.recordedBy ?? '';
    if (s.start < (lastEnd.get(recorder) ?? -Infinity)) return s.id;
    lastEnd.set(recorder, Math.max(s.end, lastEnd.get(recorder) ?? -Infinity));
  }
  return null;
}
