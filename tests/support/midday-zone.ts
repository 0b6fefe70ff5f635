/**
 * A fixed-offset time zone in which it is about midday at `nowMs`.
 *
 * The browser tests compare "today" as the runner sees it with "today" as the extension
 * sees it (its e2e clock starts at the real time), and some advance that clock by hours:
 * run near local midnight, they would cross it and split a day, whenever CI happens to
 * run. Midday leaves eleven hours either side. Midnight itself is the unit tests' subject.
 */
export function middayZone(nowMs: number): string {
  const hoursEast = 12 - new Date(nowMs).getUTCHours();
  if (hoursEast === 0) return 'Etc/GMT';
  // POSIX sign convention: Etc/GMT-12 is twelve hours east of Greenwich.
  return `Etc/GMT${hoursEast > 0 ? '-' : '+'}${Math.abs(hoursEast)}`;
}
