import { DAY } from '../../../lib/time/clock';
import { SyncWorld } from '../../support/sync-devices';
import { FakeDav } from './fake-dav';

export { ITERATIONS, settle, type TestDevice } from '../../support/sync-devices';

/** Devices on a folder in memory, under one clock that the tests move on. */
export class World extends SyncWorld {
  time = Date.UTC(2026, 10, 20, 9);
  readonly dav = new FakeDav(() => this.time);
  readonly days = { from: Date.UTC(2026, 9, 25), to: Date.UTC(2026, 9, 25) + 30 * DAY };

  serverTime(): number {
    return this.time;
  }

  async storedFiles(): Promise<Map<string, Uint8Array>> {
    return new Map([...this.dav.files].map(([name, file]) => [name, file.body]));
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
