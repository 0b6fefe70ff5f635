import type { DeviceInfo } from './status';

/**
 * Whose time a session is: the member of the device that recorded it. Time recorded here
 * and not yet published carries no device: it is this browser's member's. A device whose
 * files were not read yet is named by its id, so its time is never folded into another's.
 * Null when this browser syncs with nobody: there are no members to tell apart.
 */
export function memberResolver(devices: readonly DeviceInfo[], self: DeviceInfo | null): ((recordedBy: string | null | undefined) => string) | null {
  if (!self) return null;
  const byId = new Map(devices.map((d) => [d.id, d.member]));
  return (recordedBy) => (recordedBy ? (byId.get(recordedBy) ?? (recordedBy === self.id ? self.member : recordedBy)) : self.member);
}
