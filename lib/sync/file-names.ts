/**
 * Names of the sync folder's files. They say which device wrote a file and, for sessions,
 * which month, and nothing about clients or members: those are inside, encrypted.
 */

export type SyncFileName =
  | { kind: 'device'; device: string }
  | { kind: 'sessions'; device: string; month: string }
  | { kind: 'tombstones'; device: string };

export const DEVICE_ID = /^[a-z0-9]{16}$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new device's id: 16 random letters and digits (82 bits), so that two devices never pick the same. */
export function newDeviceId(randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  let id = '';
  while (id.length < 16) {
    // 252 = 7 × 36: bytes above would favour the first letters.
    for (const byte of randomBytes(32)) if (byte < 252 && id.length < 16) id += ALPHABET[byte % 36];
  }
  return id;
}

export const deviceFileName = (device: string): string => `${device}.device`;
export const monthFileName = (device: string, month: string): string => `${device}.${month}.sessions`;
export const tombstonesFileName = (device: string): string => `${device}.tombstones`;

export function parseFileName(name: string): SyncFileName | null {
  const match = /^([a-z0-9]{16})\.(?:(device|tombstones)|(\d{4}-(?:0[1-9]|1[0-2]))\.sessions)$/.exec(name);
  if (!match) return null;
  const device = match[1]!;
  if (match[3]) return { kind: 'sessions', device, month: match[3] };
  return match[2] === 'device' ? { kind: 'device', device } : { kind: 'tombstones', device };
}

/**
 * The UTC month (`YYYY-MM`) a session starting at `time` is filed under: devices in
 * different time zones file it in the same place.
 */
export const monthOf = (time: number): string => new Date(time).toISOString().slice(0, 7);

/** The UTC month's bounds, [from, to). */
export function monthRange(month: string): { from: number; to: number } {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return { from: Date.UTC(year, index - 1, 1), to: Date.UTC(year, index, 1) };
}

/** Every month from the one holding `from` to the one holding `to`, in order. */
export function monthsBetween(from: number, to: number): string[] {
  const months: string[] = [];
  for (let at = monthRange(monthOf(from)).from; at <= to; at = monthRange(monthOf(at)).to) months.push(monthOf(at));
  return months;
}
