import * as v from 'valibot';
import { CleanText, Time } from '../schema/primitives';
import { SessionSchema } from '../schema/session';
import { TombstoneSchema } from '../schema/tombstone';
import { DEVICE_ID } from './file-names';

/**
 * What each data file holds once opened, checked by the same schemas as backups. Unknown
 * fields are dropped rather than refused, so a later version can add some without older
 * ones taking its files for corrupt.
 */

/** Longest device or member name: a browser and a person, as the user types them. */
export const MAX_NAME_LENGTH = 80;

/** This device as it names its files and describes itself to the others: checked before a sync writes anything under its name. */
export const DeviceIdentitySchema = v.object({
  id: v.pipe(v.string(), v.regex(DEVICE_ID)),
  name: CleanText(MAX_NAME_LENGTH),
  member: CleanText(MAX_NAME_LENGTH),
});

export const DeviceFileSchema = v.object({
  name: CleanText(MAX_NAME_LENGTH),
  member: CleanText(MAX_NAME_LENGTH),
  writtenAt: Time,
});

export const SessionsFileSchema = v.object({
  sessions: v.array(SessionSchema),
});

/** Every deletion the device knows, of sessions (other tables' are kept for a later version and ignored). */
export const TombstonesFileSchema = v.object({
  tombstones: v.array(TombstoneSchema),
});

/** What of a device file says who the device is: its date changes with every write and is left out of the digest. */
export const deviceIdentityOf = ({ name, member }: { name: string; member: string }) => ({ name, member });
