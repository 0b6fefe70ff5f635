import * as v from 'valibot';
import { ClientSchema } from '../schema/client';
import { EditSchema } from '../schema/edit';
import { InvoiceSchema } from '../schema/invoice';
import { Time } from '../schema/primitives';
import { RuleSchema } from '../schema/rule';
import { SessionSchema } from '../schema/session';
import { TombstoneSchema } from '../schema/tombstone';

export const BACKUP_FORMAT = 'social-hours-backup';
/** Version 2 adds the deletions (`tombstones`) and the invoiced periods; a version 1 file is read as one without any. */
export const BACKUP_VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/** A backup is the records, each checked by the same schema as the forms and messages that write them. */
export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist([1, 2]),
  exportedAt: Time,
  sessions: v.array(SessionSchema),
  clients: v.array(ClientSchema),
  rules: v.array(RuleSchema),
  edits: v.optional(v.array(EditSchema), []),
  tombstones: v.optional(v.array(TombstoneSchema), []),
  invoices: v.optional(v.array(InvoiceSchema), []),
  settings: v.optional(v.unknown()),
});

export type Backup = v.InferOutput<typeof BackupSchema>;
