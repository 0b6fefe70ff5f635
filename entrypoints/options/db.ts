import { SocialHoursDatabase } from '../../lib/db/database';

/** The dashboard's handle on the database: it reads everything, and writes clients and rules (sessions go through the background). */
export const db = new SocialHoursDatabase();
