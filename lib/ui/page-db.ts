import { SocialHoursDatabase } from '../db/database';
import { ConfigStore } from './config-store';

/** The extension pages' one connection to the database: they read everything; sessions are written by the background alone. */
export const db = new SocialHoursDatabase();

/** Writes of clients and rules, which the background hears about at once. */
export const config = new ConfigStore(db);
