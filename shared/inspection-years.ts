/**
 * The years an annual inspection may be opened for: from 2008, when the disclosure regulations took effect,
 * through the current year. Inspections are never deleted, so a mistyped year must be stopped before it is opened.
 */
export const firstInspectionYear = 2008;

export const isInspectionYear = (year: number, currentYear: number): boolean => Number.isInteger(year) && year >= firstInspectionYear && year <= currentYear;

/** The years a picker offers, newest first. */
export const inspectionYears = (currentYear: number): number[] => Array.from({ length: Math.max(0, currentYear - firstInspectionYear + 1) }, (_, i) => currentYear - i);
