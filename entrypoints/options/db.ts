import { SocialHoursDatabase } from '../../lib/db/database';
import { ConfigStore } from '../../lib/ui/config-store';

/** The dashboard's handle on the database: it reads everything; sessions are written by the background alone. */
export const db = new SocialHoursDatabase();

/** Writes of clients and rules, which the background hears about at once. */
export const config = new ConfigStore(db);
