import type { ColourDefinition } from '../../shared/domain/colours';
import { ShapeIcon } from '../components/ColourBadge';

/** The colour badge at projector size: colour, shape, two-letter code and label, never colour alone. */
export function BigBadge({ colour }: { colour: ColourDefinition }) {
  return (
    <span className="presenter-badge" style={{ backgroundColor: colour.hex, color: colour.textHex }}>
      <ShapeIcon shape={colour.shape} />
      <span className="presenter-badge-code">{colour.code}</span>
      <span className="presenter-badge-label">{colour.label}</span>
    </span>
  );
}

/** A badge with what the colour promises the room, side by side. */
export function ColourWithMeaning({ colour }: { colour: ColourDefinition }) {
  return (
    <div className="presenter-colour">
      <BigBadge colour={colour} />
      <p className="presenter-meaning">{colour.meaning}</p>
    </div>
  );
}
