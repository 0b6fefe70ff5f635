import * as v from 'valibot';
import type { SocialHoursDatabase } from '../db/database';
import { deleteRemembered } from '../db/tombstones';
import { nextVersion, versionOf } from '../db/versions';
import { ClientSchema } from '../schema/client';
import { RuleSchema } from '../schema/rule';
import type { ClientRecord, RuleRecord } from '../db/records';
import type { Clock } from '../time/clock';
import { request } from './background-client';

/**
 * Writes of clients and rules from the extension pages. Each one tells the background to
 * re-read them: a popup is often closed right after a click, before a database change
 * notification could reach the worker, and attribution must follow at once.
 *
 * Every write dates the record after the version it replaces (`nextVersion`): browser sync
 * keeps the later edit, and an edit must win against the copy it was made from.
 */
export class ConfigStore {
  constructor(
    private db: SocialHoursDatabase,
    private clock: Clock = () => Date.now(),
  ) {}

  /** Only records the schema accepts reach the database: the same check as a backup's. */
  async saveClient(client: ClientRecord): Promise<void> {
    const checked = v.parse(ClientSchema, client);
    await this.db.transaction('rw', this.db.clients, async () => {
      const previous = await this.db.clients.get(checked.id);
      await this.db.clients.put({ ...checked, updatedAt: this.dated(previous) });
    });
    await this.notify();
  }

  async setArchived(clientId: string, archived: boolean): Promise<void> {
    await this.db.transaction('rw', this.db.clients, async () => {
      const previous = await this.db.clients.get(clientId);
      if (previous) await this.db.clients.put({ ...previous, archived, updatedAt: this.dated(previous) });
    });
    await this.notify();
  }

  /** Adds a rule, replacing any with the same target (`replaces`). */
  async putRule(rule: RuleRecord, replaces?: string): Promise<void> {
    const checked = v.parse(RuleSchema, rule);
    await this.db.transaction('rw', this.db.rules, this.db.tombstones, async () => {
      if (replaces) await deleteRemembered(this.db, 'rules', [replaces], checked.createdAt);
      const previous = await this.db.rules.get(checked.id);
      await this.db.rules.put({ ...checked, updatedAt: this.dated(previous) });
    });
    await this.notify();
  }

  async deleteRule(ruleId: string, now: number): Promise<void> {
    await this.db.transaction('rw', this.db.rules, this.db.tombstones, () => deleteRemembered(this.db, 'rules', [ruleId], now));
    await this.notify();
  }

  /** The edit time of a change made now to `previous` (absent: a new record). */
  private dated(previous: ClientRecord | RuleRecord | undefined): number {
    const now = this.clock();
    return previous ? nextVersion(versionOf(previous), now) : now;
  }

  private async notify(): Promise<void> {
    await request({ type: 'reload-config' }).catch(() => undefined);
  }
}
