/**
 * The API document and the SDK cannot drift: a client generated from dist/openapi.json by
 * openapi-typescript (as a partner would make one) must have exactly the SDK's types for every
 * body the API takes and answers. `scripts/check-api-client.mjs` generates it and compiles this.
 */
import type * as v from 'valibot';
import type { components, paths } from '../../.tmp/api-types/openapi.js';
import type { ApiErrorBody, ContentPack, Operator, ReportStatusResponse, SubmitResponseSchema, ValidReport } from '../../dist/sdk/index.js';
import type {
  DeskAuditPageSchema,
  DeskOperator,
  DeskReport,
  DeskReportPageSchema,
  DeskRevealSchema,
  DeskSessionSchema,
  DeskSignInSchema,
  DeskSignedOutSchema,
  DeskStatusAnswerSchema,
  StatusChange,
} from '../../dist/sdk/desk-schema.js';
import type { HealthSchema } from '../../server/health.js';

/** True only when each type is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
type Schemas = components['schemas'];
type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;
type Sent<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody: { content: { 'application/json': infer Body } } }
  ? Body
  : never;

export type Checks = [
  // What the widgets and the SDK read.
  Holds<Same<Schemas['ContentPack'], ContentPack>>,
  Holds<Same<Json<'/v1/content/{corridor}', 'get', 200>, ContentPack>>,
  Holds<Same<Schemas['Operator'], Operator>>,
  Holds<Same<Json<'/v1/operator', 'get', 200>, Operator>>,
  Holds<Same<Schemas['ReportStatus'], ReportStatusResponse>>,
  Holds<Same<Json<'/v1/reports/{ticket}', 'get', 200>, ReportStatusResponse>>,
  Holds<Same<Schemas['Error'], ApiErrorBody>>,
  Holds<Same<Json<'/v1/reports', 'post', 400>, ApiErrorBody>>,
  // What a reporter sends, and the answer. (openapi-typescript writes a field with a default as
  // required, so the body is compared with the report as the server reads it, defaults filled in.)
  Holds<Same<Sent<'/v1/reports', 'post'>, ValidReport>>,
  Holds<Same<Json<'/v1/reports', 'post', 201>, v.InferOutput<typeof SubmitResponseSchema>>>,
  Holds<Same<Json<'/v1/reports/{ticket}', 'delete', 200>, v.InferOutput<typeof SubmitResponseSchema>>>,
  // The case desk.
  Holds<Same<Sent<'/v1/desk/session', 'post'>, v.InferOutput<typeof DeskSignInSchema>>>,
  Holds<Same<Json<'/v1/desk/session', 'post', 200>, v.InferOutput<typeof DeskSessionSchema>>>,
  Holds<Same<Json<'/v1/desk/session', 'delete', 200>, v.InferOutput<typeof DeskSignedOutSchema>>>,
  Holds<Same<Json<'/v1/desk/me', 'get', 200>, DeskOperator>>,
  Holds<Same<Json<'/v1/desk/reports', 'get', 200>, v.InferOutput<typeof DeskReportPageSchema>>>,
  Holds<Same<Json<'/v1/desk/reports/{ticket}', 'get', 200>, DeskReport>>,
  Holds<Same<Json<'/v1/desk/reports/{ticket}/reveal', 'post', 200>, v.InferOutput<typeof DeskRevealSchema>>>,
  Holds<Same<Sent<'/v1/desk/reports/{ticket}/status', 'post'>, StatusChange>>,
  Holds<Same<Json<'/v1/desk/reports/{ticket}/status', 'post', 200>, v.InferOutput<typeof DeskStatusAnswerSchema>>>,
  Holds<Same<Json<'/v1/desk/audit', 'get', 200>, v.InferOutput<typeof DeskAuditPageSchema>>>,
  Holds<Same<Json<'/healthz', 'get', 200>, v.InferOutput<typeof HealthSchema>>>,
];
