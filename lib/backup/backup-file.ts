import * as v from 'valibot';
import type { ClientRecord, EditRecord, InvoiceRecord, RuleRecord, SessionRecord, TombstoneRecord } from '../db/records';
import { PERSONAL_CLIENT_ID } from '../db/records';
import { firstOverlap } from '../schema/session';
import type { Settings } from '../settings/settings';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, READABLE_VERSIONS, type Backup } from './backup-schema';

/** Larger files are refused before parsing: a backup of years of work is far smaller. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export interface BackupContents {
  sessions: SessionRecord[];
  clients: ClientRecord[];
  rules: RuleRecord[];
  edits: EditRecord[];
  tombstones: TombstoneRecord[];
  invoices: InvoiceRecord[];
  settings: Settings;
}

export function createBackup(contents: BackupContents, now: number): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, ...contents });
}

export type BackupProblem =
  | { code: 'too-large'; limitMb: number }
  | { code: 'not-json' }
  | { code: 'not-a-backup' }
  | { code: 'wrong-version'; version: unknown }
  | { code: 'invalid'; where: string }
  | { code: 'duplicate-id'; table: string; id: string }
  | { code: 'unknown-client'; table: string; id: string }
  | { code: 'overlap'; id: string };

/** Where in the file a schema problem is, for the message: `sessions[12].end`. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * Reads a backup file, checking everything before anything is written: JSON, format,
 * version, every record's fields, unique ids, and references to clients that exist in the
 * file. The result is either the contents, or the first problem in words a user can act on.
 */
export function readBackup(text: string, byteLength: number): { ok: true; backup: Backup } | { ok: false; problem: BackupProblem } {
  if (byteLength > MAX_BACKUP_BYTES) return { ok: false, problem: { code: 'too-large', limitMb: MAX_BACKUP_BYTES / 1024 / 1024 } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: { code: 'not-a-backup' } };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) return { ok: false, problem: { code: 'wrong-version', version } };
  const parsed = v.safeParse(BackupSchema, json);
  if (!parsed.success) return { ok: false, problem: { code: 'invalid', where: issuePath(parsed.issues[0]) || parsed.issues[0].message } };
  const backup = parsed.output;

  for (const [table, records] of [['sessions', backup.sessions], ['clients', backup.clients], ['rules', backup.rules], ['edits', backup.edits], ['invoices', backup.invoices]] as const) {
    const seen = new Set<string>();
    for (const record of records) {
      if (seen.has(record.id)) return { ok: false, problem: { code: 'duplicate-id', table, id: record.id } };
      seen.add(record.id);
    }
  }
  const clients = new Set([...backup.clients.map((c) => c.id), PERSONAL_CLIENT_ID]);
  const missing = (id: string | null) => id !== null && !clients.has(id);
  const session = backup.sessions.find((s) => missing(s.clientId));
  if (session) return { ok: false, problem: { code: 'unknown-client', table: 'sessions', id: session.id } };
  const rule = backup.rules.find((r) => missing(r.clientId));
  if (rule) return { ok: false, problem: { code: 'unknown-client', table: 'rules', id: rule.id } };
  const invoice = backup.invoices.find((i) => missing(i.clientId));
  if (invoice) return { ok: false, problem: { code: 'unknown-client', table: 'invoices', id: invoice.id } };
  const overlap = firstOverlap(backup.sessions);
  if (overlap) return { ok: false, problem: { code: 'overlap', id: overlap } };
  return { ok: true, backup };
}
