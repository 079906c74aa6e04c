/** Joins class names, skipping empty ones. */
export function cx(...names: (string | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
