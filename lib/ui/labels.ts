import { MANUAL_KINDS } from '../db/records';
import { ACTIVITY_KINDS } from '../platforms/types';
import { t, type MessageKey } from './i18n';

/** The name of a kind of activity (publishing, messages…) or of manual work (call, meeting…). */
export function activityLabel(activity: string): string {
  if ((MANUAL_KINDS as readonly string[]).includes(activity)) return t(`kind_${activity}` as MessageKey);
  if ((ACTIVITY_KINDS as readonly string[]).includes(activity)) return t(`activity_${activity}` as MessageKey);
  return activity;
}
