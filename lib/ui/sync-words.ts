import type { SyncProblem } from '../sync/status';
import { t, type MessageKey } from './i18n';

/** A sync problem in words the user can act on, with its detail (a byte count, a file) where the message has room for it. */
export function syncProblemText(problem: SyncProblem): string {
  const key = `syncError_${problem.code.replace(/-/g, '_')}` as MessageKey;
  if (problem.code === 'quota' && problem.detail) return t('syncError_quota_bytes', String(Math.ceil(Number(problem.detail) / 1024)));
  return t(key);
}
