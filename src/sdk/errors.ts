/** One problem found in data, with the path to the offending field (e.g. `hotlines[2].channels[0].value`). */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Base class of every error the SDK throws, so callers can tell them from their own. */
export class LindungiError extends Error {
  override name = 'LindungiError';
  constructor(
    message: string,
    /** A stable code for errors callers may want to tell apart, e.g. `unknown-corridor`. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Data (a content pack, an API response or a report draft) does not match the schema. */
export class LindungiValidationError extends LindungiError {
  override name = 'LindungiValidationError';
  constructor(
    readonly issues: readonly ValidationIssue[],
    what = 'data',
  ) {
    super(`Invalid ${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

/** The request could not be made or did not complete (offline, DNS, timeout, aborted). */
export class LindungiNetworkError extends LindungiError {
  override name = 'LindungiNetworkError';
  constructor(
    message: string,
    readonly reason: 'offline' | 'timeout' | 'aborted' | 'failed' = 'failed',
    options?: { cause?: unknown },
  ) {
    super(message, reason, options);
  }
}

/** Reporting was asked of a client without an API. */
export class LindungiNotConfiguredError extends LindungiError {
  override name = 'LindungiNotConfiguredError';
  constructor() {
    super('Reporting needs an API: create the client with { api }', 'no-api');
  }
}

/** The server answered with an error status. */
export class LindungiApiError extends LindungiError {
  override name = 'LindungiApiError';
  /** How long the server asked to wait before trying again (429, 503), if it said. */
  retryAfterMs?: number | undefined;
  constructor(
    message: string,
    readonly status: number,
    readonly body?: unknown,
  ) {
    super(message, `http-${status}`);
  }
}
