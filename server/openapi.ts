/** The OpenAPI 3.1 document of the API, generated from the same schemas the SDK and server use. */
import { toJsonSchema } from '@valibot/to-json-schema';
import {
  ApiErrorSchema,
  ContentPackSchema,
  OperatorSchema,
  ReportDraftSchema,
  ReportStatusSchema,
  StatusChangeSchema,
  SubmitResponseSchema,
  TICKET_PATTERN,
} from 'lindungi/sdk';
import type { GenericSchema } from 'valibot';

/** The health answer. */
const HEALTH = {
  type: 'object',
  required: ['ok', 'database', 'store'],
  properties: { ok: { type: 'boolean' }, database: { enum: ['ok', 'unreachable'] }, store: { enum: ['sqlite', 'postgres'] } },
};

const json = (schema: GenericSchema) => {
  const { $schema: _schema, ...rest } = toJsonSchema(schema, { errorMode: 'ignore', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
};

/** The error body, from the schema the server answers with. */
const error = json(ApiErrorSchema);
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Lindungi API', version: '1.0.0', description: 'Protection content for Indonesian migrant workers, and reports that are never lost.' },
    paths: {
      '/v1/content/{corridor}': {
        get: {
          summary: 'The content pack of a corridor',
          parameters: [
            { name: 'corridor', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]{2}-[A-Z]{2}$' } },
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'The pack',
              headers: { ETag: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ContentPack' } } },
            },
            304: { description: 'Not modified since the ETag given' },
            404: errorResponse('No pack for this corridor'),
            429: errorResponse('Too many requests; see Retry-After'),
          },
        },
      },
      '/v1/reports': {
        post: {
          summary: 'Submit a report',
          parameters: [
            { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 8, maxLength: 200 } },
            {
              name: 'Withdrawal-Key',
              in: 'header',
              required: false,
              description: "A random key made on the reporter's device; only its SHA-256 is stored. Whoever holds it can withdraw the report.",
              schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,200}$' },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportDraft' } } } },
          responses: {
            201: { description: 'Stored', content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmitResponse' } } } },
            200: {
              description: 'Already stored under this Idempotency-Key: the same ticket',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmitResponse' } } },
            },
            400: errorResponse('Invalid report, with the path of each problem'),
            404: errorResponse('Reporting is not set up on this server (no operator)'),
            409: errorResponse('The Idempotency-Key was used for a different report'),
            413: errorResponse('Body too large'),
            429: errorResponse('Too many requests; see Retry-After'),
          },
        },
      },
      '/v1/reports/{ticket}': {
        get: {
          summary: "A report's status as timeline stages (nothing personal)",
          parameters: [{ name: 'ticket', in: 'path', required: true, schema: { type: 'string', pattern: TICKET_PATTERN.source } }],
          responses: {
            200: { description: 'The status', content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportStatus' } } } },
            404: errorResponse('No report with this ticket'),
          },
        },
        delete: {
          summary: 'Withdraw a report (by its reporter): marked withdrawn, contact details destroyed at once',
          parameters: [
            { name: 'ticket', in: 'path', required: true, schema: { type: 'string', pattern: TICKET_PATTERN.source } },
            { name: 'Withdrawal-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,200}$' } },
          ],
          responses: {
            200: {
              description: 'Withdrawn (again, if it already was)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmitResponse' } } },
            },
            403: errorResponse('No key, or not the key this report was sent with: nothing changed'),
            404: errorResponse('No report with this ticket'),
          },
        },
      },
      '/v1/operator': {
        get: {
          summary: 'Who receives reports, how long personal data is kept, and where it is stored',
          responses: {
            200: { description: 'The operator', content: { 'application/json': { schema: { $ref: '#/components/schemas/Operator' } } } },
            404: errorResponse('No operator: this server does not accept reports'),
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Health for a load balancer: the instance and its database',
          responses: {
            200: { description: 'Up, and the database answers', content: { 'application/json': { schema: HEALTH } } },
            503: {
              description: 'The database does not answer (within 2 s): send nothing to this instance',
              content: { 'application/json': { schema: HEALTH } },
            },
          },
        },
      },
      ...deskPaths(),
    },
    components: {
      securitySchemes: { operatorToken: { type: 'http', scheme: 'bearer', description: 'An operator token from `npm run desk -- operator add`' } },
      schemas: {
        ContentPack: json(ContentPackSchema),
        ReportDraft: json(ReportDraftSchema),
        ReportStatus: json(ReportStatusSchema),
        Operator: json(OperatorSchema),
        SubmitResponse: json(SubmitResponseSchema),
        StatusChange: json(StatusChangeSchema),
        Error: error,
      },
    },
  };
}

/** The case desk: every path needs an operator token; the role each needs is in its summary. */
function deskPaths() {
  const ticket = { name: 'ticket', in: 'path', required: true, schema: { type: 'string', pattern: TICKET_PATTERN.source } };
  const query = (name: string, schema: object, description: string) => ({
    name,
    in: 'query',
    required: false,
    schema,
    description,
  });
  const denied = {
    400: errorResponse('Invalid filters or body, with the path of each problem'),
    401: errorResponse('No token, a wrong one, or a revoked operator'),
    403: errorResponse('The operator’s role is not enough'),
    429: errorResponse('Too many failed sign-ins from this address; see Retry-After'),
  };
  const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
  const security = [{ operatorToken: [] }];
  return {
    '/v1/desk/session': {
      post: {
        summary: 'Sign in to the desk page: a token for an HttpOnly, SameSite=Strict session cookie (8 hours; Secure over HTTPS)',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } } } },
        },
        responses: { 200: ok('`{ operator: { id, name, role }, expiresAt }` and the cookie'), 401: denied[401], 429: denied[429] },
      },
      delete: { summary: 'Sign out: the session ends and its cookie is cleared', responses: { 200: ok('`{ signedOut: true }`') } },
    },
    '/v1/desk/me': {
      get: { summary: 'Who is signed in (viewer)', security, responses: { 200: ok('`{ id, name, role }`'), ...denied } },
    },
    '/v1/desk/reports': {
      get: {
        summary: 'Reports, newest first (viewer): no free text, no contact details',
        security,
        parameters: [
          query('status', { type: 'string', enum: ['received', 'verified', 'in-handling', 'resolved', 'closed', 'withdrawn'] }, 'only this status'),
          query('category', { type: 'string', pattern: '^[a-z0-9-]{1,40}$' }, 'only this category'),
          query('inDanger', { type: 'string', enum: ['true', 'false'] }, 'only reports whose reporter said they are (not) in danger'),
          query('corridor', { type: 'string', pattern: '^[A-Z]{2}-[A-Z]{2}$' }, 'only this corridor'),
          query('from', { type: 'string', format: 'date' }, 'received on or after this day'),
          query('to', { type: 'string', format: 'date' }, 'received on or before this day'),
          query('dangerFirst', { type: 'string', enum: ['true', 'false'] }, 'reports in danger first'),
          query('cursor', { type: 'string' }, '`next` of the previous page'),
          query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 50 }, 'reports per page'),
        ],
        responses: { 200: ok('`{ reports, next? }`'), ...denied },
      },
    },
    '/v1/desk/reports/{ticket}': {
      get: {
        summary: 'One report without contact details (viewer; audited as a read)',
        security,
        parameters: [ticket],
        responses: { 200: ok('The report with its stages and notes'), 404: errorResponse('No report with this ticket'), ...denied },
      },
    },
    '/v1/desk/reports/{ticket}/reveal': {
      post: {
        summary: 'The contact details of a report (handler; audited with the fields revealed)',
        security,
        parameters: [ticket],
        responses: { 200: ok('`{ ticket, anonymous, contact }`'), 404: errorResponse('No report with this ticket'), ...denied },
      },
    },
    '/v1/desk/reports/{ticket}/status': {
      post: {
        summary: 'Move a report forward (verified → in-handling → resolved) or close it with a reason (handler; audited)',
        security,
        parameters: [ticket],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/StatusChange' },
            },
          },
        },
        responses: {
          200: ok('`{ ticket, status, updatedAt }`'),
          404: errorResponse('No report with this ticket'),
          409: errorResponse('Backwards, or the report is resolved, closed or withdrawn'),
          ...denied,
        },
      },
    },
    '/v1/desk/export': {
      get: {
        summary: 'Every report as JSON Lines (admin; audited): free texts, stages, and contact details only with `contact=true`',
        security,
        parameters: [query('contact', { type: 'string', enum: ['true', 'false'] }, 'include contact details')],
        responses: { 200: { description: 'One report per line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } }, ...denied },
      },
    },
    '/v1/desk/audit': {
      get: {
        summary: 'The audit log, oldest first (admin): reads, reveals, status and operator changes — never a value',
        security,
        parameters: [
          query('after', { type: 'integer' }, 'sequence number of the last entry seen'),
          query('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 200 }, 'entries per page'),
          query('format', { type: 'string', enum: ['json', 'jsonl'] }, '`jsonl`: the whole log as JSON Lines'),
        ],
        responses: { 200: ok('`{ entries, next? }`, or JSON Lines'), ...denied },
      },
    },
  };
}
