import { request } from './http.js';
import { OperatorSchema, type Operator } from './report-schema.js';
import { type RequestOptions, type StartedRequest } from './request-start.js';
import { parseWith } from './validate.js';

/** Who receives the reports (`GET {api}/v1/operator` at `url`), validated; `started` is the request if already sent. */
export async function readOperator(url: string, options: RequestOptions, started?: StartedRequest): Promise<Operator> {
  const response = await request(url, options, started);
  return parseWith(OperatorSchema, await response.json(), 'operator');
}
