import type { ColourDefinition } from '../../shared/domain/colours';
import { common } from '../text/common';
import { ColourBadge } from './ColourBadge';

/** Shown wherever colours appear, so everyone reads them the same way. */
export function ColourLegend({ colours }: { colours: readonly ColourDefinition[] }) {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h3 id="legend-title">{common.legendTitle}</h3>
      <dl>
        {colours.map((colour) => (
          <div key={colour.key} className="legend-row">
            <dt>
              <ColourBadge colour={colour} />
            </dt>
            <dd>{colour.meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Each distinct wording of a colour once: forums may word their colours differently. */
export function distinctColours(definitions: readonly ColourDefinition[]): ColourDefinition[] {
  return [...new Map(definitions.map((c) => [`${c.key}|${c.label}|${c.meaning}`, c])).values()];
}
