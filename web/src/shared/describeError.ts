import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR } from '../api/apiError';

export interface ErrorDescription {
  title: string;
  detail: string;
  requestId: string | undefined;
}

/** What to tell a person about an error: the server's own words when it sent a problem, ours otherwise. */
export function describeError(error: unknown, t: TFunction): ErrorDescription {
  if (error instanceof ApiError && error.isProblem) {
    return { title: error.title, detail: error.detail ?? '', requestId: error.instance };
  }
  if (error instanceof ApiError && error.code === NETWORK_ERROR) {
    return { title: t('errors.network.title'), detail: t('errors.network.detail'), requestId: undefined };
  }
  return { title: t('errors.unexpected.title'), detail: t('errors.unexpected.detail'), requestId: undefined };
}
