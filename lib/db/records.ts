import type { ActivityKind } from '../platforms/types';

export type SessionSource = 'auto' | 'manual';

/** One stretch of time on one (client, platform, account, activity). `end > start`, epoch ms. */
export interface SessionRecord {
  /** A UUID, stable across export, import and merge. */
  id: string;
  start: number;
  end: number;
  /** null: unassigned. */
  clientId: string | null;
  /** A catalogue platform id, a custom site id, or `manual` for time away from the browser. */
  platform: string;
  account: string | null;
  activity: ActivityKind | string;
  source: SessionSource;
  note?: string;
  createdAt: number;
  updatedAt: number;
}

export interface ClientRecord {
  id: string;
  name: string;
  /** CSS colour, `#rrggbb`. */
  color: string;
  archived: boolean;
  createdAt: number;
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
}
