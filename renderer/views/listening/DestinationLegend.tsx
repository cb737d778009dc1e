import { DESTINATION_DEFINITIONS } from '../../../shared/domain/listening';
import { DestinationBadge } from './DestinationBadge';

/** The three places an input can go, with what each means for the school. */
export function DestinationLegend() {
  return (
    <dl className="destination-legend" aria-label="Sorteringerne">
      {DESTINATION_DEFINITIONS.map((d) => (
        <div key={d.key}>
          <dt>
            <DestinationBadge destination={d.key} />
          </dt>
          <dd>{d.next}</dd>
        </div>
      ))}
    </dl>
  );
}
