import type { SocialHoursDatabase } from '../db/database';
import type { ClientRecord, RuleRecord } from '../db/records';
import { request } from './background-client';

/**
 * Writes of clients and rules from the extension pages. Each one tells the background to
 * re-read them: a popup is often closed right after a click, before a database change
 * notification could reach the worker, and attribution must follow at once.
 */
export class ConfigStore {
  constructor(private db: SocialHoursDatabase) {}

  async saveClient(client: ClientRecord): Promise<void> {
    await this.db.clients.put(client);
    await this.notify();
  }

  async setArchived(clientId: string, archived: boolean): Promise<void> {
    await this.db.clients.update(clientId, { archived });
    await this.notify();
  }

  /** Adds a rule, replacing any with the same target (`replaces`). */
  async putRule(rule: RuleRecord, replaces?: string): Promise<void> {
    await this.db.transaction('rw', this.db.rules, async () => {
      if (replaces) await this.db.rules.delete(replaces);
      await this.db.rules.put(rule);
    });
    await this.notify();
  }

  async deleteRule(ruleId: string): Promise<void> {
    await this.db.rules.delete(ruleId);
    await this.notify();
  }

  private async notify(): Promise<void> {
    await request({ type: 'reload-config' }).catch(() => undefined);
  }
}
