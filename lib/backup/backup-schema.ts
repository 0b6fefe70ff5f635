import * as v from 'valibot';
import { ROUNDING_CHOICES } from '../db/records';

export const BACKUP_FORMAT = 'social-hours-backup';
export const BACKUP_VERSION = 1;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Time = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0), v.maxValue(8_640_000_000_000));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Names and notes are shown as text everywhere; control characters have no business in them. */
const CleanText = (max: number) => v.pipe(Text(max), v.regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/));

export const SessionSchema = v.pipe(
  v.object({
    id: Id,
    start: Time,
    end: Time,
    clientId: v.nullable(Id),
    platform: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
    account: v.nullable(CleanText(300)),
    activity: v.pipe(v.string(), v.minLength(1), v.maxLength(50)),
    source: v.picklist(['auto', 'manual']),
    note: v.optional(CleanText(500)),
    assignedBy: v.optional(v.nullable(v.picklist(['rule', 'override', 'user']))),
    ruleId: v.optional(v.nullable(Id)),
    page: v.optional(v.nullable(Text(300))),
    createdAt: Time,
    updatedAt: Time,
  }),
  v.check((s) => s.end > s.start, 'end-before-start'),
  v.check((s) => s.end - s.start <= 24 * 3_600_000, 'session-too-long'),
);

const TermSchema = v.object({
  from: v.pipe(v.string(), v.isoDate()),
  period: v.picklist(['none', 'day', 'week', 'month']),
  hours: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(744)),
});

export const ClientSchema = v.object({
  id: Id,
  name: v.pipe(CleanText(80), v.minLength(1)),
  color: v.pipe(v.string(), v.hexColor()),
  archived: v.boolean(),
  createdAt: Time,
  contracts: v.optional(v.array(TermSchema)),
  hourlyRate: v.optional(v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000)))),
  currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))),
  roundingMinutes: v.optional(v.picklist(ROUNDING_CHOICES)),
});

export const RuleSchema = v.object({
  id: Id,
  clientId: Id,
  platform: v.nullable(v.pipe(v.string(), v.maxLength(300))),
  account: v.nullable(CleanText(300)),
  urlPattern: v.nullable(CleanText(500)),
  createdAt: Time,
});

export const EditSchema = v.object({
  id: Id,
  at: Time,
  action: v.picklist(['assign', 'update', 'split', 'merge', 'delete', 'reattribute', 'manual-overlap', 'client-deleted']),
  sessionIds: v.array(Id),
  before: v.array(SessionSchema),
  after: v.array(SessionSchema),
});

export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: Time,
  sessions: v.array(SessionSchema),
  clients: v.array(ClientSchema),
  rules: v.array(RuleSchema),
  edits: v.optional(v.array(EditSchema), []),
  settings: v.optional(v.unknown()),
});

export type Backup = v.InferOutput<typeof BackupSchema>;
