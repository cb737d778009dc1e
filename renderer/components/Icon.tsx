/**
 * Small line icons drawn in SVG, so they look the same on every machine (emoji fonts differ, and
 * some Linux and older Windows machines have none). Always shown next to words, never alone.
 */
export type IconName = 'laas' | 'ur' | 'brev' | 'advarsel' | 'online';

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon-svg" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {name === 'laas' && (
        <>
          <rect x="3" y="7" width="10" height="8" rx="1" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </>
      )}
      {name === 'ur' && (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 4.5V8l2.5 1.8" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </>
      )}
      {name === 'advarsel' && (
        <>
          <path d="M8 1.5 15 14.5H1z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          <path d="M8 6v4" stroke="currentColor" strokeWidth="1.6" />
          <circle cx="8" cy="12.2" r="0.9" fill="currentColor" />
        </>
      )}
      {name === 'online' && (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <circle cx="8" cy="8" r="3.4" fill="currentColor" />
        </>
      )}
      {name === 'brev' && (
        <>
          <rect x="1.5" y="3.5" width="13" height="9" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M1.8 4l6.2 5 6.2-5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </>
      )}
    </svg>
  );
}
