import { useT } from '../i18n/useT';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { momentIn } from './labels';
import { fetchNotices } from './matchingApi';

/** In-app notices about requests and matches (the server writes them in the reader's locale). */
export function NoticesList() {
  const t = useT();
  const { state } = useLoad(fetchNotices);
  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading">{t('matching.notices.heading')}</h2>
      <Loaded state={state}>{(data) =>
        (data.notices.length === 0 ? (
          <p>{t('matching.notices.none')}</p>
        ) : (
          <ul className="notices">
            {data.notices.map((n) => (
              <li key={n.id}>
                {t.rich('matching.notices.item', {
                  at: momentIn(t.locale, n.at),
                  text: n.text,
                  when: (chunks) => <time dateTime={n.at}>{chunks}</time>,
                })}
              </li>
            ))}
          </ul>
        ))}</Loaded>
    </section>
  );
}
