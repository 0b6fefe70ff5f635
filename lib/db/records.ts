import type { ActivityKind } from '../platforms/types';

export type SessionSource = 'auto' | 'manual';

/** How a session got its client. Time the user assigned by hand is never changed by a rule. */
export type AssignedBy = 'rule' | 'override' | 'user';

/** Kinds of time away from the browser, for manual entries and the timer. */
export const MANUAL_KINDS = ['call', 'meeting', 'strategy', 'content', 'other'] as const;
export type ManualKind = (typeof MANUAL_KINDS)[number];

/** The platform of manual entries in sessions and exports. */
export const MANUAL_PLATFORM = 'manual';

/** A reserved client: time that is nobody's to bill, left out of every client figure. */
export const PERSONAL_CLIENT_ID = 'personal';

/** One stretch of time on one (client, platform, account, activity). `end > start`, epoch ms. */
export interface SessionRecord {
  /** A UUID, stable across export, import and merge. */
  id: string;
  start: number;
  end: number;
  /** null: unassigned; PERSONAL_CLIENT_ID: personal. */
  clientId: string | null;
  /** A catalogue platform id, a custom site id (`site:host`), or `manual` for time away from the browser. */
  platform: string;
  account: string | null;
  /** An activity kind for platform time, a manual kind for manual entries. */
  activity: ActivityKind | ManualKind | string;
  source: SessionSource;
  note?: string;
  /** How the client was set, and by which rule. */
  assignedBy?: AssignedBy | null;
  ruleId?: string | null;
  /** Host and path (no query) of an automatic session's page: lets a new URL-pattern rule find its past time. */
  page?: string | null;
  createdAt: number;
  /** When this version was made; every change sets it past the version it changes (`nextVersion`). */
  updatedAt: number;
  /** The synced device that recorded it (its member's time); absent until the recording device first publishes it. */
  recordedBy?: string;
  /** Set when this version came from another device's sync file: the `updatedAt` it had there. A local change makes it differ, and the session is then this device's to publish. */
  remoteVersion?: number;
}

export type ContractPeriod = 'day' | 'week' | 'month';

/** A contract from a date on: hours per day, week or month, or none. */
export interface ContractTerm {
  /** Local date `YYYY-MM-DD` from which this term applies. */
  from: string;
  period: ContractPeriod | 'none';
  hours: number;
  /** Weekly and monthly terms: unused time of a period, up to the cap, is added to the next one. */
  carryOver?: { enabled: boolean; capMinutes: number };
}

/** An hourly rate from a local date `YYYY-MM-DD` on (null: no rate from then). */
export interface RateTerm {
  from: string;
  hourlyRate: number | null;
}

export const ROUNDING_CHOICES = [0, 1, 5, 6, 10, 15] as const;
export type RoundingMinutes = (typeof ROUNDING_CHOICES)[number];

export interface ClientRecord {
  id: string;
  name: string;
  /** CSS colour, `#rrggbb`. */
  color: string;
  archived: boolean;
  createdAt: number;
  /** Last change (absent on clients saved before browser sync: `createdAt` then); the later edit wins a sync. */
  updatedAt?: number;
  /** Contract history, oldest first; a changed contract adds a term and leaves past periods to the old one. */
  contracts?: ContractTerm[];
  /** The rate in force now (and on every day before `rates` begins). */
  hourlyRate?: number | null;
  /** Rate history, oldest first: a changed rate applies from a date and leaves past amounts alone. */
  rates?: RateTerm[];
  /** ISO 4217 code. */
  currency?: string;
  /** Reports round each day's time per client up to this many minutes (0: no rounding). */
  roundingMinutes?: RoundingMinutes;
  /** Contact, address, company ids…, several lines as typed: printed at the top of the client's reports. */
  details?: string;
}

/**
 * Sends matching time to a client. Exactly one of the three shapes: an account on a
 * platform, a URL pattern, or a whole platform (the platform's default client).
 */
export interface RuleRecord {
  id: string;
  clientId: string;
  platform: string | null;
  account: string | null;
  urlPattern: string | null;
  createdAt: number;
  /** Last change (absent on rules saved before browser sync: `createdAt` then). */
  updatedAt?: number;
}

export const EDIT_ACTIONS = ['assign', 'update', 'split', 'merge', 'delete', 'reattribute', 'manual-overlap', 'client-deleted', 'invoiced', 'unlocked', 'restore'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];

/**
 * One change the user made to stored time, with the sessions as they were before and as
 * they are after: the timesheet shows it, and nothing is changed without a trace.
 */
export interface EditRecord {
  id: string;
  at: number;
  action: EditAction;
  /** Every session the change touched (before and after): `*sessionIds` finds a session's history. */
  sessionIds: string[];
  before: SessionRecord[];
  after: SessionRecord[];
  /** For `invoiced` and `unlocked`: the invoice marked or unlocked. */
  invoiceId?: string;
}

/**
 * A client's period marked as invoiced: its sessions are locked, and stay so until the
 * user unlocks it explicitly (which the history records). Dates are local, inclusive.
 */
export interface InvoiceRecord {
  id: string;
  clientId: string;
  from: string;
  to: string;
  invoicedAt: number;
  /** When the user unlocked it to make changes; null while it locks its sessions. */
  unlockedAt: number | null;
}

export const TOMBSTONE_TABLES = ['sessions', 'clients', 'rules'] as const;
export type TombstoneTable = (typeof TOMBSTONE_TABLES)[number];

/**
 * That a record was deleted, and when. Backups carry them and restores honour them, so a
 * deleted session (or both halves of a merge) never comes back from an older file or
 * another browser's.
 */
export interface TombstoneRecord {
  table: TombstoneTable;
  id: string;
  deletedAt: number;
}
