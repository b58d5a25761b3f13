import type { VenueView } from '../../../shared/schemas/venue';
import { useT } from '../i18n/useT';

/**
 * Where an in-person circle meets, for the people going: the room and the address, a directions link (https, checked
 * by the server), then accessibility notes and what to expect, each only when staff gave it. `headingLevel` fits
 * the page's outline.
 */
export function VenueDetails({
  venue,
  location,
  headingLevel = 'h3',
  idPrefix,
}: {
  venue: VenueView;
  location: string | null;
  headingLevel?: 'h2' | 'h3' | 'h4';
  /** Unique on the page: several circles may show their venues at once. */
  idPrefix: string;
}) {
  const t = useT();
  const Heading = headingLevel;
  const headingId = `${idPrefix}-venue`;
  return (
    <section className="venue" aria-labelledby={headingId} data-testid="venue">
      <Heading id={headingId}>{t('common.venue.heading')}</Heading>
      <address>
        {venue.room && <span className="venue-room">{venue.room}</span>}
        {location && <span className="venue-place">{location}</span>}
        <span className="venue-address">{venue.address}</span>
      </address>
      {venue.directionsUrl && (
        <p>
          <a href={venue.directionsUrl} target="_blank" rel="noopener noreferrer">
            {t('common.venue.directions')}
            <span className="visually-hidden">{t('common.venue.directionsTo', { address: venue.address })}</span>
          </a>
        </p>
      )}
      {venue.accessibility && (
        <>
          <p className="venue-label">{t('common.venue.accessibility')}</p>
          <p className="venue-text">{venue.accessibility}</p>
        </>
      )}
      {venue.whatToExpect && (
        <>
          <p className="venue-label">{t('common.venue.whatToExpect')}</p>
          <p className="venue-text">{venue.whatToExpect}</p>
        </>
      )}
    </section>
  );
}
