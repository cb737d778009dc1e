import type { ColourDefinition, ColourShape } from '../../shared/domain/colours';

/** A decision colour as colour + shape + two-letter code + label: never colour alone. */
export function ColourBadge({ colour, showLabel = true }: { colour: ColourDefinition; showLabel?: boolean }) {
  return (
    <span
      className="colour-badge"
      style={{ backgroundColor: colour.hex, color: colour.textHex }}
      title={colour.meaning}
    >
      <ShapeIcon shape={colour.shape} />
      <span className="colour-code">{colour.code}</span>
      <span className={showLabel ? 'colour-label' : 'visually-hidden'}>{colour.label}</span>
    </span>
  );
}

export function ShapeIcon({ shape }: { shape: ColourShape }) {
  return (
    <svg className="colour-shape" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {shape === 'trekant' && <polygon points="8,1 15,15 1,15" fill="currentColor" />}
      {shape === 'ruder' && <polygon points="8,0 16,8 8,16 0,8" fill="currentColor" />}
      {shape === 'cirkel' && <circle cx="8" cy="8" r="7" fill="currentColor" />}
      {shape === 'firkant' && <rect x="1.5" y="1.5" width="13" height="13" fill="currentColor" />}
    </svg>
  );
}
