import { DESTINATION_DEFINITIONS, type Destination } from '../../../shared/domain/listening';

/**
 * Where an input goes, as colour + letter + label. The colours are deliberately not the Fair Proces
 * decision colours: sorting says where a matter belongs, not how much influence anyone has on it.
 */
export const DESTINATION_HEX: Readonly<Record<Destination, string>> = {
  lokalt: '#00695C',
  kommune_kreds: '#5E35B1',
  parkeret: '#546E7A',
};

export function destinationOf(key: Destination) {
  const definition = DESTINATION_DEFINITIONS.find((d) => d.key === key);
  if (!definition) throw new Error(`Ukendt sortering: ${key}`);
  return definition;
}

export function DestinationBadge({ destination, showLabel = true }: { destination: Destination; showLabel?: boolean }) {
  const d = destinationOf(destination);
  return (
    <span className="destination-badge" style={{ backgroundColor: DESTINATION_HEX[destination] }}>
      <span className="destination-letter" aria-hidden={showLabel}>
        {d.letter}
      </span>
      <span className={showLabel ? 'destination-label' : 'visually-hidden'}>{d.label}</span>
    </span>
  );
}
