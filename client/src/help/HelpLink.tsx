import { Link } from 'react-router';

/** The way to "Which kind of help fits?", from home, sign-in, the pre-join page, the circle and the request form. */
export function HelpLink({ children = 'Which kind of help fits?' }: { children?: string }) {
  return (
    <Link to="/help" className="help-link">
      {children}
    </Link>
  );
}
