/**
 * A safe, readable ASCII file name from a title: "Één loket: samen?" → "een-loket-samen".
 * ASCII only, so the Content-Disposition header needs no encoding and no path can sneak in.
 */
export function fileSlug(title: string, fallback = 'positionpaper'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `attachment; filename="…"` for a name made by {@link fileSlug} and an extension. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}
