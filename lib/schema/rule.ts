import * as v from 'valibot';
import { urlPatternProblem } from '../attribution/url-pattern';
import type { RuleRecord } from '../db/records';
import { CleanText, Id, PlatformId, Time } from './primitives';
import { schemaOf } from './schema-of';

/**
 * A rule names exactly one thing: an account on a platform, a URL pattern that names a
 * site, or a whole platform. A rule naming nothing, or a pattern such as `*`, would take
 * every page.
 */
export const RuleSchema = schemaOf<RuleRecord>()(
  v.pipe(
    v.object({
      id: Id,
      clientId: Id,
      platform: v.nullable(PlatformId),
      account: v.nullable(v.pipe(CleanText(300), v.minLength(1))),
      urlPattern: v.nullable(CleanText(500)),
      createdAt: Time,
      updatedAt: v.optional(Time),
    }),
    v.check((r) => (r.urlPattern === null ? r.platform !== null : r.platform === null && r.account === null), 'rule-shape'),
    v.check((r) => r.urlPattern === null || urlPatternProblem(r.urlPattern) === null, 'pattern-invalid'),
  ),
);
