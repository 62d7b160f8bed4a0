import type { ReactNode } from 'react';
import './page.css';

/** The tinted title band at the top of secondary pages. */
export function PageHeading({
  title,
  intro,
  testId,
  narrow = false,
}: {
  title: string;
  intro?: ReactNode;
  testId?: string;
  /** Match a page body that uses the narrow reading column. */
  narrow?: boolean;
}) {
  return (
    <header className="page-heading">
      <div className={narrow ? 'site-container page-narrow' : 'site-container'}>
        <h1 className="page-heading__title" data-testid={testId}>
          {title}
        </h1>
        {intro ? <p className="page-heading__intro">{intro}</p> : null}
      </div>
    </header>
  );
}
