/** A short confirmation or error that screen readers announce. */
export function Notice({ kind, children }: { kind: 'ok' | 'error'; children: string | undefined }) {
  if (!children) return null;
  return (
    <p className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
