import * as v from 'valibot';
import type { SocialHoursDatabase } from '../db/database';
import { deleteRemembered } from '../db/tombstones';
import { ClientSchema } from '../schema/client';
import { RuleSchema } from '../schema/rule';
import type { ClientRecord, RuleRecord } from '../db/records';
import { request } from './background-client';

/**
 * Writes of clients and rules from the extension pages. Each one tells the background to
 * re-read them: a popup is often closed right after a click, before a database change
 * notification could reach the worker, and attribution must follow at once.
 */
export class ConfigStore {
  constructor(private db: SocialHoursDatabase) {}

  /** Only records the schema accepts reach the database: the same check as a backup's. */
  async saveClient(client: ClientRecord): Promise<void> {
    await this.db.clients.put(v.parse(ClientSchema, client));
    await this.notify();
  }

  async setArchived(clientId: string, archived: boolean): Promise<void> {
    await this.db.clients.update(clientId, { archived });
    await this.notify();
  }

  /** Adds a rule, replacing any with the same target (`replaces`). */
  async putRule(rule: RuleRecord, replaces?: string): Promise<void> {
    const checked = v.parse(RuleSchema, rule);
    await this.db.transaction('rw', this.db.rules, this.db.tombstones, async () => {
      if (replaces) await deleteRemembered(this.db, 'rules', [replaces], checked.createdAt);
      await this.db.rules.put(checked);
    });
    await this.notify();
  }

  async deleteRule(ruleId: string, now: number): Promise<void> {
    await this.db.transaction('rw', this.db.rules, this.db.tombstones, () => deleteRemembered(this.db, 'rules', [ruleId], now));
    await this.notify();
  }

  private async notify(): Promise<void> {
    await request({ type: 'reload-config' }).catch(() => undefined);
  }
}
