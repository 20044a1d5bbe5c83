import type { ApiError } from '../../shared/types.ts';

/** The one error shape core throws: it crosses IPC as plain data and the CLI prints it as is. */
export class CoreError extends Error implements ApiError {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'CoreError';
  }
}

export function fail(code: string, message: string): never {
  throw new CoreError(code, message);
}

export const isCoreError = (error: unknown): error is CoreError => error instanceof CoreError;
