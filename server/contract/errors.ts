/** The JSON body of every error answer from the sidecar. Types only. */
export interface ApiErrorBody {
  error: { status: number; message: string; [detail: string]: unknown };
}
