import type { CommandResponse } from '../messaging/protocol';
import { request } from './background-client';
import { db } from './page-db';

/**
 * Undoes an edit of many sessions (an assignment, a deletion): the sessions as they were
 * before it go back through the background, which checks them, respects invoiced periods
 * and records the undo in the history like any other change.
 */
export async function undoEdit(editId: string): Promise<CommandResponse> {
  const edit = await db.edits.get(editId);
  if (!edit || edit.before.length === 0) return { ok: false, error: 'unknown-session' };
  return request({ type: 'restore-sessions', sessions: edit.before });
}
