import { Link } from 'react-router';
import { useT } from '../i18n/useT';

/** The way to "Which kind of help fits?", from home, sign-in, the pre-join page, the circle and the request form. */
export function HelpLink({ children }: { children?: string }) {
  const t = useT();
  return (
    <Link to="/help" className="help-link">
      {children ?? t('help.link')}
    </Link>
  );
}
