/** Review status: an entry is due when lastReviewed + reviewEveryDays is before the build date. */

const DAY_MS = 86_400_000;

export interface ReviewStatus {
  /** The date the next review falls due, YYYY-MM-DD. */
  dueOn: string;
  /** True when `dueOn` is before today. */
  due: boolean;
  /** Days past `dueOn` (0 when not due). */
  daysOverdue: number;
  /** Days until `dueOn` (0 when due or overdue). */
  daysUntilDue: number;
}

/** How far ahead the review page looks: what falls due within this many days. */
export const REVIEW_SOON_DAYS = 30;

export function reviewStatus(lastReviewed: string, everyDays: number, today: string): ReviewStatus {
  const dueTime = Date.parse(`${lastReviewed}T00:00:00Z`) + everyDays * DAY_MS;
  const todayTime = Date.parse(`${today}T00:00:00Z`);
  const due = dueTime < todayTime;
  // Beyond the calendar (the schema caps the cadence, so only a bad date gets here): say "never" rather than throw.
  const dueDate = new Date(dueTime);
  return {
    dueOn: Number.isNaN(dueDate.getTime()) ? '9999-12-31' : dueDate.toISOString().slice(0, 10),
    due,
    daysOverdue: due ? Math.round((todayTime - dueTime) / DAY_MS) : 0,
    daysUntilDue: due ? 0 : Math.round((dueTime - todayTime) / DAY_MS),
  };
}

/** Today's date in UTC, YYYY-MM-DD; `PLAYBOOK_TODAY` fixes it for reproducible builds and tests. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.PLAYBOOK_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date().toISOString().slice(0, 10);
}
