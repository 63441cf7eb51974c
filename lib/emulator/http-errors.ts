// API error answers in the two documented shapes: `{"error": "…"}` (400/404/405/413/5xx) and
// `{"errors": {"field": ["…"]}}` (422). Handlers throw ApiError; the HTTP layer renders it.

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error: string } | { errors: FieldErrors },
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super('error' in body ? body.error : JSON.stringify(body.errors));
  }
}

export function notFound(message: string): ApiError {
  return new ApiError(404, { error: message });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, { error: message });
}

export function methodNotAllowed(method: string, path: string, allowed: readonly string[]): ApiError {
  return new ApiError(
    405,
    { error: `method ${method} is not allowed on ${path}; use ${allowed.join(', ')}` },
    { Allow: allowed.join(', ') },
  );
}

export function unprocessable(field: string, message: string): ApiError {
  return new ApiError(422, { errors: { [field]: [message] } });
}

/** Collects validation messages per field and throws one 422 with all of them. */
export class ErrorCollector {
  private readonly errors: FieldErrors = {};

  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }

  has(field?: string): boolean {
    return field === undefined ? Object.keys(this.errors).length > 0 : field in this.errors;
  }

  throwIfAny(): void {
    if (this.has()) throw new ApiError(422, { errors: this.errors });
  }
}
