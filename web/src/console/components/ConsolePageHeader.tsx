import { Typography } from 'antd';
import type { ReactNode } from 'react';
import './console-page.css';

/** Title, one-line explanation and the page's main actions, the same on every console page. */
export function ConsolePageHeader({ title, subtitle, actions, testId }: { title: string; subtitle?: string; actions?: ReactNode; testId?: string }) {
  return (
    <div className="console-page__header">
      <div className="console-page__heading">
        <Typography.Title level={2} className="console-page__title" data-testid={testId}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Paragraph type="secondary" className="console-page__subtitle">
            {subtitle}
          </Typography.Paragraph>
        ) : null}
      </div>
      {actions ? <div className="console-page__actions">{actions}</div> : null}
    </div>
  );
}
