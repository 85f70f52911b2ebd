import { request } from './http.js';
import { OperatorSchema, type Operator } from './report-schema.js';
import { parseWith } from './validate.js';

/** Who receives the reports sent to `api`: `GET {api}/v1/operator`, validated. */
export async function fetchOperator(
  api: string,
  options: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined; fetch?: typeof fetch | undefined } = {},
): Promise<Operator> {
  const response = await request(`${api}/v1/operator`, { signal: options.signal, timeoutMs: options.timeoutMs ?? 10_000, fetch: options.fetch });
  return parseWith(OperatorSchema, await response.json(), 'operator');
}
