import { isMessageKey, t } from './i18n';

/**
 * Why a change of stored time was refused, in words: the reason when the interface has
 * one for it (an invoiced period, a client gone), else an invitation to try again.
 */
export function sessionErrorText(error: string): string {
  const key = `err_edit_${error.replace(/-/g, '_')}`;
  return isMessageKey(key) ? t(key) : t('actionFailed');
}
