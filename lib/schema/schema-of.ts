import type * as v from 'valibot';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Ties a schema to its record type: the schema's output must be exactly the type, so a
 * field added to one and not the other fails to compile, and they cannot drift apart.
 */
export function schemaOf<T>() {
  return <S extends v.GenericSchema>(schema: S & (Same<v.InferOutput<S>, T> extends true ? unknown : { schemaDiffersFromRecordType: T })): S => schema;
}
