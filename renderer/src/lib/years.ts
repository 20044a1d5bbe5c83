/** Years offered by the inspection, request and report pickers: this year first, back ten years. */
export const yearChoices = (now = new Date()): number[] => Array.from({ length: 11 }, (_, i) => now.getFullYear() - i);

/** Today as a local calendar day, YYYY-MM-DD: the default for dates an officer records. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
