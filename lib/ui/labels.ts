import { MANUAL_KINDS, MANUAL_PLATFORM, PERSONAL_CLIENT_ID, type ClientRecord } from '../db/records';
import { platformName } from '../platforms/catalogue';
import type { CustomSite } from '../sites/custom-site';
import { ACTIVITY_KINDS } from '../platforms/types';
import { t, type MessageKey } from './i18n';

/** The name of a kind of activity (publishing, messages…) or of manual work (call, meeting…). */
export function activityLabel(activity: string): string {
  if ((MANUAL_KINDS as readonly string[]).includes(activity)) return t(`kind_${activity}` as MessageKey);
  if ((ACTIVITY_KINDS as readonly string[]).includes(activity)) return t(`activity_${activity}` as MessageKey);
  return activity;
}

/** The name of a platform, of a site the user added, or of work away from the browser: never a raw id. */
export function platformLabel(platform: string, customSites: readonly CustomSite[]): string {
  return platform === MANUAL_PLATFORM ? t('manualWork') : platformName(platform, customSites);
}

/** A client's rounding as the form offers it; one minute reads "the next minute", not "1 minutes". */
export function roundingLabel(minutes: number): string {
  if (minutes === 0) return t('roundingNone');
  return minutes === 1 ? t('roundingMinute') : t('roundingMinutes', String(minutes));
}

/** The heading of a report's billed time, for a client whose time is rounded. */
export function billedRoundedLabel(minutes: number): string {
  return minutes === 1 ? t('reportBilledRoundedMinute') : t('reportBilledRounded', String(minutes));
}

/** Whose time it is, in words: a client's name, personal time, or unassigned (also for a client since deleted). */
export function clientLabel(clients: readonly Pick<ClientRecord, 'id' | 'name'>[], id: string | null): string {
  if (id === PERSONAL_CLIENT_ID) return t('personalTime');
  return clients.find((c) => c.id === id)?.name ?? t('unassigned');
}
