import type { PageContext } from '../platforms/types';
import type { TrackedSession } from './session';

/** What the popup says about right now. */
export type TrackingStatus =
  | { kind: 'tracking'; session: TrackedSession }
  | { kind: 'paused' }
  | { kind: 'locked' }
  | { kind: 'idle'; context: PageContext }
  /** A tracked page, but no input within the reading allowance. */
  | { kind: 'waiting'; context: PageContext }
  | { kind: 'not-focused' }
  | { kind: 'not-tracked' };
