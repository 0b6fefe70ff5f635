import { SessionCommands } from '../../../../lib/background/session-commands';
import { SocialHoursDatabase } from '../../../../lib/db/database';
import { versionOf } from '../../../../lib/db/versions';
import { loadDatedSettings, type SettingsArea } from '../../../../lib/settings/settings-storage';
import type { SyncArea } from '../../../../lib/sync/browser-sync/sync-area';
import { syncSettingsOnce } from '../../../../lib/sync/browser-sync/sync-once';
import { ConfigStore } from '../../../../lib/ui/config-store';

/** `storage.local` of one browser. */
export function memoryArea(): SettingsArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, structuredClone(items[k])])),
    set: async (changes) => void Object.assign(items, structuredClone(changes)),
  };
}

/** One browser of the user: its own database, storage and clock (`skew` ms off), sharing the sync area with the others. */
export class TestBrowser {
  readonly settings = memoryArea();
  readonly config: ConfigStore;
  readonly commands: SessionCommands;
  private ids = 0;

  private constructor(
    readonly name: string,
    readonly db: SocialHoursDatabase,
    readonly area: SyncArea,
    private readonly clock: () => number,
    private readonly skew: number,
  ) {
    this.config = new ConfigStore(db, () => this.now());
    this.commands = new SessionCommands(db, this.newId);
  }

  static async open(name: string, area: SyncArea, clock: () => number, skew = 0): Promise<TestBrowser> {
    const db = new SocialHoursDatabase(name);
    await db.delete();
    await db.open();
    return new TestBrowser(name, db, area, clock, skew);
  }

  now = (): number => this.clock() + this.skew;
  newId = (): string => `${this.name}-${++this.ids}`;

  sync() {
    return syncSettingsOnce({ area: this.area, db: this.db, settings: this.settings, newId: this.newId, now: this.now() });
  }

  /** What the user sees: clients and rules (as dated records, however they were saved) and settings. */
  async state() {
    const dated = <T extends { createdAt: number; updatedAt?: number }>(r: T) => ({ ...r, updatedAt: versionOf(r) });
    return {
      clients: (await this.db.clients.orderBy('id').toArray()).map(dated),
      rules: (await this.db.rules.orderBy('id').toArray()).map(dated),
      settings: await loadDatedSettings(this.settings),
    };
  }

  async close(): Promise<void> {
    await this.db.delete();
  }
}
