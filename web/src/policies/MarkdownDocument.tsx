import type { ComponentProps, ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { Link } from 'react-router';
import remarkGfm from 'remark-gfm';
import './policies.css';

// Headings move one level down: the page title is the only h1. Tables scroll inside their own box,
// so a wide table never pushes a phone's page sideways.
const components: Components = {
  h1: ({ children }) => <h2>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  table: ({ children }) => (
    <div className="policy-markdown__table" tabIndex={0}>
      <table>{children}</table>
    </div>
  ),
  a: ({ href, children }) => <DocumentLink href={href}>{children}</DocumentLink>,
};

function DocumentLink({ href, children }: { href: string | undefined; children: ReactNode }) {
  if (href?.startsWith('/') && !href.startsWith('//')) return <Link to={href}>{children}</Link>;
  const external: ComponentProps<'a'> = /^https?:/i.test(href ?? '') ? { target: '_blank', rel: 'noopener noreferrer' } : {};
  return (
    <a href={href} {...external}>
      {children}
    </a>
  );
}

/** A body that starts with its own title as a heading would repeat the page title right under it. */
export function withoutLeadingTitle(body: string, title: string): string {
  const match = /^\s*#\s+(.+?)\s*(?:\n|$)/.exec(body);
  return match && match[1] === title.trim() ? body.slice(match[0].length) : body;
}

/**
 * A policy document's markdown as React elements (react-markdown + GitHub tables and lists). Raw
 * HTML in the text is dropped, never rendered, and link targets are filtered by react-markdown (no
 * `javascript:`): a published text cannot put script or markup on the page, and nothing needs
 * `dangerouslySetInnerHTML` or a relaxed content security policy.
 */
export function MarkdownDocument({ body, title, testId }: { body: string; title?: string; testId?: string }) {
  return (
    <div className="policy-markdown" data-testid={testId}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {title ? withoutLeadingTitle(body, title) : body}
      </Markdown>
    </div>
  );
}
