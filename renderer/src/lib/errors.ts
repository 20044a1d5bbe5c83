import type { ApiError } from '../../../shared/types.ts';
import { common } from '../messages/common.ts';

/** Every `window.api` rejection is `{ code, message }` with a Chinese message; anything else is shown plainly. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && typeof (error as ApiError).message === 'string') return (error as ApiError).message;
  return `${common.errorPrefix}${String(error)}`;
}

export const errorCode = (error: unknown): string | null =>
  error && typeof error === 'object' && typeof (error as ApiError).code === 'string' ? (error as ApiError).code : null;
