import { MINUTE } from '../time/clock';

/** Where the sync state lives (`storage.local`): the popup and the dashboard follow it as it changes. */
export const SYNC_STATUS_KEY = 'syncStatus';

/** How often a healthy sync runs by itself; "Sync now" runs at once. */
export const SYNC_INTERVAL_MS = 15 * MINUTE;

/** Longest wait between two attempts after failures. */
export const MAX_RETRY_DELAY_MS = 60 * MINUTE;

/** Why a sync did not happen, each said in words in both languages (`syncError_<code>`). */
export const SYNC_ERROR_CODES = [
  'offline',
  'timeout',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'full',
  'server',
  'bad-response',
  'wrong-passphrase',
  'key-missing',
  'newer-format',
  'corrupt-file',
  'permission-missing',
  'quota',
  'rate-limited',
  'unavailable',
  'internal',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncProblem {
  code: SyncErrorCode;
  /** A file name, a byte count…: what makes the message precise. */
  detail?: string;
}

/** One way of syncing (the browser's sync storage, or a WebDAV folder). */
export interface ChannelStatus {
  enabled: boolean;
  running: boolean;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** Failed attempts in a row: the wait before the next one doubles with each. */
  failures: number;
  nextAttemptAt: number | null;
  problem: SyncProblem | null;
}

export interface DeviceInfo {
  id: string;
  name: string;
  member: string;
  /** When that device last wrote its files (its own clock). */
  lastSeenAt: number | null;
}

export interface SyncStatus {
  browser: ChannelStatus & { bytesInUse: number | null; quotaBytes: number };
  webdav: ChannelStatus & {
    folderUrl: string | null;
    device: DeviceInfo | null;
    devices: DeviceInfo[];
    /** This computer's clock minus the server's, when over a minute: times recorded here are off by as much. */
    clockSkewMs: number | null;
    /** Files of other devices that could not be read (corrupt, newer format): the rest synced. */
    fileProblems: Array<{ name: string; code: SyncErrorCode }>;
  };
}

const idle = (): ChannelStatus => ({ enabled: false, running: false, lastAttemptAt: null, lastSuccessAt: null, failures: 0, nextAttemptAt: null, problem: null });

export const NO_SYNC: SyncStatus = {
  browser: { ...idle(), bytesInUse: null, quotaBytes: 102_400 },
  webdav: { ...idle(), folderUrl: null, device: null, devices: [], clockSkewMs: null, fileProblems: [] },
};

/** 1, 2, 4… minutes after consecutive failures, at most an hour: a server that is down is not hammered, one that is back is found soon. */
export function retryDelayMs(failures: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, MINUTE * 2 ** Math.max(0, failures - 1));
}

/** A channel's state after an attempt that ended at `at`, with the problem that stopped it (null: it worked). */
export function afterAttempt<T extends ChannelStatus>(status: T, at: number, problem: SyncProblem | null): T {
  const failures = problem ? status.failures + 1 : 0;
  return {
    ...status,
    running: false,
    lastAttemptAt: at,
    lastSuccessAt: problem ? status.lastSuccessAt : at,
    failures,
    nextAttemptAt: at + (problem ? retryDelayMs(failures) : SYNC_INTERVAL_MS),
    problem,
  };
}
