import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/describeError';
import type { ShownProblems } from './useProductEdit';

/** A refused change: the server's title and detail, and the problems that no field on the page shows. */
export function ProblemsNotice({ shown, testId }: { shown: ShownProblems | null; testId?: string }) {
  const { t } = useTranslation();
  if (!shown) return null;
  const { title, detail } = describeError(shown.error, t);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title}
      description={
        <>
          <div>{detail}</div>
          {shown.unplaced.length > 0 ? <ProblemList problems={shown.unplaced} /> : null}
        </>
      }
    />
  );
}

/** Problems with where they point, as the server said them. */
export function ProblemList({ problems }: { problems: ReadonlyArray<{ pointer: string; detail: string }> }) {
  return (
    <ul className="catalogue-problems">
      {problems.map((problem) => (
        <li key={`${problem.pointer}:${problem.detail}`}>
          <code>{problem.pointer}</code> {problem.detail}
        </li>
      ))}
    </ul>
  );
}
