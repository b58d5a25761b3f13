import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { fetchNotices } from './matchingApi';

/** In-app notices about requests and matches (email is not sent yet). */
export function NoticesList() {
  const { state } = useLoad(fetchNotices);
  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading">Notices</h2>
      <Loaded state={state}>{(data) =>
        (data.notices.length === 0 ? (
          <p>No notices yet.</p>
        ) : (
          <ul className="notices">
            {data.notices.map((n) => (
              <li key={n.id}>
                <time dateTime={n.at}>{new Date(n.at).toLocaleString()}</time>: {n.text}
              </li>
            ))}
          </ul>
        ))}</Loaded>
    </section>
  );
}
