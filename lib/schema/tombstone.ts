import * as v from 'valibot';
import { TOMBSTONE_TABLES, type TombstoneRecord } from '../db/records';
import { Id, Time } from './primitives';
import { schemaOf } from './schema-of';

export const TombstoneSchema = schemaOf<TombstoneRecord>()(
  v.object({
    table: v.picklist(TOMBSTONE_TABLES),
    id: Id,
    deletedAt: Time,
  }),
);
