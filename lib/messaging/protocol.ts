import type { TrackingStatus } from '../tracking/status';

/** What a content script reports about its page. The background adds the tab and window from the sender. */
export interface PageReport {
  type: 'page-report';
  url: string;
  /** Milliseconds since the last trusted input, or null when the report carries no input. */
  inputAgoMs: number | null;
  hasFocus: boolean;
  visible: boolean;
  mediaPlaying: boolean;
}

/** Requests from the extension's own pages (popup, dashboard) to the background. */
export type PageRequest = { type: 'get-status' } | { type: 'set-paused'; paused: boolean };

export interface StatusResponse {
  status: TrackingStatus;
  paused: boolean;
  now: number;
}

const MAX_AGO_MS = 10 * 60_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Accepts a page report only when every field has the right type and a sane value. */
export function parsePageReport(value: unknown): PageReport | null {
  if (!isObject(value) || value.type !== 'page-report') return null;
  const { url, inputAgoMs, hasFocus, visible, mediaPlaying } = value;
  if (typeof url !== 'string' || url.length > 8192) return null;
  if (inputAgoMs !== null && (typeof inputAgoMs !== 'number' || !Number.isFinite(inputAgoMs) || inputAgoMs < 0 || inputAgoMs > MAX_AGO_MS)) {
    return null;
  }
  if (typeof hasFocus !== 'boolean' || typeof visible !== 'boolean' || typeof mediaPlaying !== 'boolean') return null;
  return { type: 'page-report', url, inputAgoMs, hasFocus, visible, mediaPlaying };
}

export function parsePageRequest(value: unknown): PageRequest | null {
  if (!isObject(value)) return null;
  if (value.type === 'get-status') return { type: 'get-status' };
  if (value.type === 'set-paused' && typeof value.paused === 'boolean') return { type: 'set-paused', paused: value.paused };
  return null;
}
