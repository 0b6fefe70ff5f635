import * as v from 'valibot';
import { EDIT_ACTIONS, type EditRecord } from '../db/records';
import { Id, Time } from './primitives';
import { schemaOf } from './schema-of';
import { SessionSchema } from './session';

export const EditSchema = schemaOf<EditRecord>()(
  v.object({
    id: Id,
    at: Time,
    action: v.picklist(EDIT_ACTIONS),
    sessionIds: v.array(Id),
    before: v.array(SessionSchema),
    after: v.array(SessionSchema),
    invoiceId: v.optional(Id),
  }),
);
