/**
 * "Mette Lund (Skoleleder)". A role that has its own parenthesis, "TR (lærere)", reads "Jonas Holm (TR, lærere)"
 * rather than the doubled "(TR (lærere))".
 */
export function nameWithRole(name: string, role: string): string {
  const plainRole = role.replace(/\s*\(([^()]*)\)/g, (_, inner: string) => `, ${inner.trim()}`).trim();
  return plainRole === '' ? name : `${name} (${plainRole})`;
}
