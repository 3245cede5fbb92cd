import type { ApiErrorBody } from '../../server/contract';

/** An error answer from the sidecar: its status and the message of its JSON body `{error: {message}}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** fetch + JSON, turning error answers into `ApiError` with the server's message. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!response.ok) {
    const message =
      (body as Partial<ApiErrorBody> | null)?.error?.message ??
      `${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status, body);
  }
  return body as T;
}

export function jsonBody(value: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    body: JSON.stringify(value),
    headers: { 'content-type': 'application/json', ...headers },
  };
}
