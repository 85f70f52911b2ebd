/**
 * The OpenAPI 3.1 document of the API, made from the schemas the server validates and answers with
 * (the SDK's, the desk's and the server's own): each operation below names its schemas, and nothing
 * here writes a shape by hand. A test checks that the document's operations are the app's routes.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import {
  ApiErrorSchema,
  CORRIDOR_PATTERN,
  ContentPackSchema,
  DeskAuditPageSchema,
  DeskOperatorSchema,
  DeskReportPageSchema,
  DeskReportSchema,
  DeskRevealSchema,
  DeskSessionSchema,
  DeskSignInSchema,
  DeskSignedOutSchema,
  DeskStatusAnswerSchema,
  IdempotencyKeySchema,
  OperatorSchema,
  ReportDraftSchema,
  ReportStatusSchema,
  StatusChangeSchema,
  SubmitResponseSchema,
  TICKET_PATTERN,
  WithdrawalKeySchema,
  type DeskRole,
} from 'lindungi/sdk';
import { AuditQuery, ExportQuery, ListQuery, SESSION_COOKIE } from './desk.js';
import { EMBED_CACHE, EmbedQuery } from './embed.js';
import { HEALTH_TIMEOUT_MS, HealthSchema } from './health.js';
import { WIDGETS } from 'lindungi/ssr';

type Schema = v.GenericSchema;
type QuerySchema = v.StrictObjectSchema<v.ObjectEntries, undefined>;

/** The schemas the document names (`#/components/schemas/…`). */
const COMPONENTS = {
  ContentPack: ContentPackSchema,
  ReportDraft: ReportDraftSchema,
  ReportStatus: ReportStatusSchema,
  SubmitResponse: SubmitResponseSchema,
  Operator: OperatorSchema,
  Health: HealthSchema,
  StatusChange: StatusChangeSchema,
  DeskSignIn: DeskSignInSchema,
  DeskSession: DeskSessionSchema,
  DeskSignedOut: DeskSignedOutSchema,
  DeskOperator: DeskOperatorSchema,
  DeskReportPage: DeskReportPageSchema,
  DeskReport: DeskReportSchema,
  DeskReveal: DeskRevealSchema,
  DeskStatusAnswer: DeskStatusAnswerSchema,
  DeskAuditPage: DeskAuditPageSchema,
  Error: ApiErrorSchema,
} satisfies Record<string, Schema>;
type Component = keyof typeof COMPONENTS;

interface Header {
  schema: Schema;
  required: boolean;
  description?: string | undefined;
}

/** An answer: a JSON body of a named schema, any JSON object, JSON Lines, or none. */
type Answer = { description: string } & ({ json: Component } | { object: true } | { jsonLines: true } | { html: true } | { empty: true });

interface Operation {
  /** The operation's name in generated clients. */
  id: string;
  summary: string;
  /** The desk's operations: the role they need (they take an operator token or the desk's session). */
  role?: DeskRole | undefined;
  path?: Record<string, Schema> | undefined;
  query?: QuerySchema | undefined;
  headers?: Record<string, Header> | undefined;
  body?: Component | undefined;
  answers: Record<number, Answer>;
}

const TICKET = v.pipe(v.string(), v.regex(TICKET_PATTERN));
const CORRIDOR = v.pipe(v.string(), v.regex(CORRIDOR_PATTERN));
const error = (description: string): Answer => ({ description, json: 'Error' });
const TOO_MANY = error('Too many requests; see Retry-After');
const NO_TICKET = error('No report with this ticket');
const DESK_REFUSALS: Record<number, Answer> = {
  400: error('Invalid filters or body, with the path of each problem'),
  401: error('No token, a wrong one, or a revoked operator'),
  403: error('The operator’s role is not enough'),
  429: error('Too many failed sign-ins from this address; see Retry-After'),
};

/** Every operation of the API, by path and method. */
const OPERATIONS: Record<string, Record<string, Operation>> = {
  '/v1/content/{corridor}': {
    get: {
      id: 'getContent',
      summary: 'The content pack of a corridor',
      path: { corridor: CORRIDOR },
      query: v.strictObject({
        locale: v.optional(
          v.pipe(
            v.string(),
            v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
            v.description(
              'The pack in that language only (its `locales` is that one); a language the pack lacks gets the one its texts fall back to (Indonesian, then English). Without it, the whole pack.',
            ),
          ),
        ),
      }),
      headers: { 'If-None-Match': { schema: v.string(), required: false } },
      answers: {
        200: { description: 'The pack, or its slice in one locale (with its ETag)', json: 'ContentPack' },
        304: { description: 'Not modified since the ETag given', empty: true },
        400: error('Not a locale code'),
        404: error('No pack for this corridor'),
        429: TOO_MANY,
      },
    },
  },
  '/v1/reports': {
    post: {
      id: 'submitReport',
      summary: 'Submit a report',
      headers: {
        'Idempotency-Key': { schema: IdempotencyKeySchema, required: true, description: 'One per report, the same on every retry of it' },
        'Withdrawal-Key': {
          schema: WithdrawalKeySchema,
          required: false,
          description: "A random key made on the reporter's device; only its SHA-256 is stored. Whoever holds it can withdraw the report.",
        },
      },
      body: 'ReportDraft',
      answers: {
        201: { description: 'Stored', json: 'SubmitResponse' },
        200: { description: 'Already stored under this Idempotency-Key: the same ticket', json: 'SubmitResponse' },
        400: error('Invalid report, with the path of each problem'),
        404: error('Reporting is not set up on this server (no operator)'),
        409: error('The Idempotency-Key was used for a different report'),
        413: error('Body too large'),
        429: TOO_MANY,
      },
    },
  },
  '/v1/reports/{ticket}': {
    get: {
      id: 'getReportStatus',
      summary: "A report's status as timeline stages (nothing personal)",
      path: { ticket: TICKET },
      answers: { 200: { description: 'The status', json: 'ReportStatus' }, 404: NO_TICKET, 429: TOO_MANY },
    },
    delete: {
      id: 'withdrawReport',
      summary: 'Withdraw a report (by its reporter): marked withdrawn, contact details destroyed at once',
      path: { ticket: TICKET },
      headers: { 'Withdrawal-Key': { schema: WithdrawalKeySchema, required: true } },
      answers: {
        200: { description: 'Withdrawn (again, if it already was)', json: 'SubmitResponse' },
        403: error('No key, or not the key this report was sent with: nothing changed'),
        404: NO_TICKET,
        429: TOO_MANY,
      },
    },
  },
  '/v1/embed/{corridor}/{widget}': {
    get: {
      id: 'getEmbed',
      summary: 'A widget rendered on the server: the element with its declarative shadow root, readable before and without any script',
      path: { corridor: CORRIDOR, widget: v.picklist(WIDGETS) },
      query: EmbedQuery,
      headers: { 'If-None-Match': { schema: v.string(), required: false } },
      answers: {
        200: {
          description: `The HTML (with its ETag; public, cached ${EMBED_CACHE.maxAge} s, then served stale for up to ${EMBED_CACHE.staleWhileRevalidate} s while refreshed)`,
          html: true,
        },
        304: { description: 'Not modified since the ETag given', empty: true },
        400: error('An attribute the widget does not have, or a value it does not take, with its path'),
        404: error('No such widget, or no pack for this corridor'),
        429: TOO_MANY,
      },
    },
  },
  '/v1/operator': {
    get: {
      id: 'getOperator',
      summary: 'Who receives reports, how long personal data is kept, and where it is stored',
      answers: { 200: { description: 'The operator', json: 'Operator' }, 404: error('No operator: this server does not accept reports'), 429: TOO_MANY },
    },
  },
  '/v1/openapi.json': {
    get: { id: 'getOpenApiDocument', summary: 'This document', answers: { 200: { description: 'The OpenAPI document', object: true }, 429: TOO_MANY } },
  },
  '/healthz': {
    get: {
      id: 'getHealth',
      summary: 'Health for a load balancer: the instance and its database',
      answers: {
        200: { description: 'Up, and the database answers', json: 'Health' },
        503: { description: `The database does not answer (within ${HEALTH_TIMEOUT_MS / 1000} s): send nothing to this instance`, json: 'Health' },
      },
    },
  },
  '/v1/desk/session': {
    post: {
      id: 'signIn',
      summary: 'Sign in to the desk page: a token for an HttpOnly, SameSite=Strict session cookie (8 hours; Secure over HTTPS)',
      body: 'DeskSignIn',
      answers: {
        200: { description: 'Who signed in, and when the session ends; the cookie', json: 'DeskSession' },
        401: DESK_REFUSALS[401]!,
        429: DESK_REFUSALS[429]!,
      },
    },
    delete: {
      id: 'signOut',
      summary: 'Sign out: the session ends and its cookie is cleared',
      answers: { 200: { description: 'Signed out', json: 'DeskSignedOut' }, 429: TOO_MANY },
    },
  },
  '/v1/desk/me': {
    get: { id: 'getDeskOperator', summary: 'Who is signed in', role: 'viewer', answers: { 200: { description: 'The operator', json: 'DeskOperator' } } },
  },
  '/v1/desk/reports': {
    get: {
      id: 'listDeskReports',
      summary: 'Reports, newest first: no free text, no contact details',
      role: 'viewer',
      query: ListQuery,
      answers: { 200: { description: 'A page of reports', json: 'DeskReportPage' } },
    },
  },
  '/v1/desk/reports/{ticket}': {
    get: {
      id: 'getDeskReport',
      summary: 'One report without contact details (audited as a read)',
      role: 'viewer',
      path: { ticket: TICKET },
      answers: { 200: { description: 'The report with its stages and notes', json: 'DeskReport' }, 404: NO_TICKET },
    },
  },
  '/v1/desk/reports/{ticket}/reveal': {
    post: {
      id: 'revealContact',
      summary: 'The contact details of a report (audited with the fields revealed)',
      role: 'handler',
      path: { ticket: TICKET },
      answers: { 200: { description: 'The contact details', json: 'DeskReveal' }, 404: NO_TICKET },
    },
  },
  '/v1/desk/reports/{ticket}/status': {
    post: {
      id: 'changeStatus',
      summary: 'Move a report forward (verified → in-handling → resolved) or close it with a reason (audited)',
      role: 'handler',
      path: { ticket: TICKET },
      body: 'StatusChange',
      answers: {
        200: { description: 'The new status', json: 'DeskStatusAnswer' },
        404: NO_TICKET,
        409: error('Backwards, or the report is resolved, closed or withdrawn, or changed meanwhile'),
      },
    },
  },
  '/v1/desk/export': {
    get: {
      id: 'exportReports',
      summary: 'Every report as JSON Lines (audited): free texts, stages, and contact details only with `contact=true`',
      role: 'admin',
      query: ExportQuery,
      answers: { 200: { description: 'One report per line, each a DeskReport without internal notes', jsonLines: true } },
    },
  },
  '/v1/desk/audit': {
    get: {
      id: 'getAuditLog',
      summary: 'The audit log, oldest first: reads, reveals, status and operator changes — never a value',
      role: 'admin',
      query: AuditQuery,
      answers: { 200: { description: 'A page of entries, or with `format=jsonl` the whole log as JSON Lines', json: 'DeskAuditPage' } },
    },
  },
};

/** A schema as JSON Schema (draft 2020-12, what OpenAPI 3.1 reads). */
const json = (schema: Schema) => {
  const { $schema: _schema, ...rest } = toJsonSchema(schema, { errorMode: 'ignore', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
};
const ref = (name: Component) => ({ $ref: `#/components/schemas/${name}` });

/** The OpenAPI form of an optional entry: what it wraps, and whether it may be left out. */
const unwrap = (schema: Schema) =>
  schema.type === 'optional' ? { required: false, inner: (schema as v.OptionalSchema<Schema, undefined>).wrapped } : { required: true, inner: schema };

function parameters(operation: Operation) {
  const path = Object.entries(operation.path ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: json(schema) }));
  const query = Object.entries(operation.query?.entries ?? {}).map(([name, entry]) => {
    const { required, inner } = unwrap(entry as Schema);
    const { description, ...schema } = json(inner);
    return { name, in: 'query', required, schema, ...(description ? { description } : {}) };
  });
  const headers = Object.entries(operation.headers ?? {}).map(([name, header]) => ({
    name,
    in: 'header',
    required: header.required,
    schema: json(header.schema),
    ...(header.description ? { description: header.description } : {}),
  }));
  return [...path, ...query, ...headers];
}

function response(answer: Answer) {
  if ('json' in answer) return { description: answer.description, content: { 'application/json': { schema: ref(answer.json) } } };
  if ('object' in answer) return { description: answer.description, content: { 'application/json': { schema: { type: 'object' } } } };
  if ('html' in answer) return { description: answer.description, content: { 'text/html': { schema: { type: 'string' } } } };
  if ('jsonLines' in answer) return { description: answer.description, content: { 'application/x-ndjson': { schema: { type: 'string' } } } };
  return { description: answer.description };
}

function operation(op: Operation) {
  const params = parameters(op);
  const answers = op.role ? { ...DESK_REFUSALS, ...op.answers } : op.answers;
  return {
    operationId: op.id,
    summary: op.role ? `${op.summary} (${op.role})` : op.summary,
    // The desk's operations take an operator token or the desk page's session; the others are public.
    security: op.role ? [{ operatorToken: [] }, { deskSession: [] }] : [],
    ...(params.length ? { parameters: params } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
    responses: Object.fromEntries(Object.entries(answers).map(([status, answer]) => [status, response(answer)])),
  };
}

/** Each documented operation, as `METHOD /path` with Hono's `:param` for `{param}` (the app's routes are checked against these). */
export const documentedRoutes = () =>
  Object.entries(OPERATIONS).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lindungi API',
      version: '1.0.0',
      description: 'Protection content for Indonesian migrant workers, and reports that are never lost.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    // Relative: the server that serves this document (each deployment has its own address).
    servers: [{ url: '/', description: 'The server that serves this document' }],
    paths: Object.fromEntries(
      Object.entries(OPERATIONS).map(([path, methods]) => [path, Object.fromEntries(Object.entries(methods).map(([method, op]) => [method, operation(op)]))]),
    ),
    components: {
      securitySchemes: {
        operatorToken: { type: 'http', scheme: 'bearer', description: 'An operator token from `npm run desk -- operator add`' },
        deskSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `The desk page’s session (\`__Host-${SESSION_COOKIE}\` over HTTPS), from POST /v1/desk/session`,
        },
      },
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, schema]) => [name, json(schema)])),
    },
  };
}
