import { ReminderCounts, ReminderSettings, UnsubscribeResult, type ReminderList } from '../../../shared/schemas/reminders';
import { ApiError, ApiErrorBodySchema, unexpectedMessage, unreachableMessage } from '../api/ApiError';
import { apiGet, apiPost } from '../api/apiRequest';

export const fetchReminderSettings = () => apiGet('/api/reminders', ReminderSettings);
export const chooseReminder = (list: ReminderList, subscribed: boolean) =>
  apiPost(`/api/reminders/${encodeURIComponent(list)}`, { subscribed }, ReminderSettings);
export const fetchReminderCounts = () => apiGet('/api/reminders/counts', ReminderCounts);

/**
 * The unsubscribe page's button: the same RFC 8058 one-click POST a mail program makes (a form body, no session
 * needed), so the page and the mail program reach one route.
 */
export async function oneClickUnsubscribe(token: string): Promise<UnsubscribeResult> {
  let res: Response;
  try {
    res = await fetch(`/unsubscribe/${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }).toString(),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, { code: 'INTERNAL', message: unreachableMessage() });
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = ApiErrorBodySchema.safeParse(body);
    throw new ApiError(res.status, err.success ? err.data : { code: 'INTERNAL', message: unexpectedMessage() });
  }
  const parsed = UnsubscribeResult.safeParse(body);
  if (!parsed.success) throw new ApiError(res.status, { code: 'INTERNAL', message: unexpectedMessage() });
  return parsed.data;
}
