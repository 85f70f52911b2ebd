/** What the routes' query schemas share: query values are strings, documented where they are declared. */
import * as v from 'valibot';

/** A boolean query parameter, written `true` or `false`. */
export const YES_NO = v.picklist(['true', 'false'], 'not true or false');

/** An optional query parameter with the description the OpenAPI document shows for it. */
export const about = <S extends v.GenericSchema>(schema: S, description: string) => v.optional(v.pipe(schema, v.description(description)));
