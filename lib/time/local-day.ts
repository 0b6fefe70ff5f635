/** A span of time, epoch ms: `from` included, `to` excluded. Calendar arithmetic lives in `calendar.ts`. */
export interface TimeRange {
  from: number;
  to: number;
}
