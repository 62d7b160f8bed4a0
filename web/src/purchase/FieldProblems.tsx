import { Form } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { messagesAt, type FormProblem } from './problems';

interface FieldProblemsValue {
  problems: readonly FormProblem[];
  /** The person left this box (or changed a choice): its problems may show from now on. */
  touch: (pointer: string) => void;
}

const FieldProblemsContext = createContext<FieldProblemsValue>({ problems: [], touch: () => undefined });

export const FieldProblemsProvider = FieldProblemsContext.Provider;

/** The test id of the box at a pointer: `/policyholder/person/name` → `field-policyholder-person-name`. */
export function fieldTestId(pointer: string): string {
  return `field${pointer.replaceAll('/', '-')}`;
}

/**
 * One labelled box of the purchase form with the problems the shared check (or the server) found at
 * its JSON pointer shown right under it, in the person's language.
 */
export function ProblemField({ pointer, label, extra, children }: { pointer: string; label: ReactNode; extra?: ReactNode; children: ReactNode }) {
  const { problems, touch } = useContext(FieldProblemsContext);
  const messages = messagesAt(problems, pointer);
  return (
    <div className="purchase-field" data-testid={fieldTestId(pointer)} onBlur={() => touch(pointer)}>
      <Form.Item
        label={label}
        extra={extra}
        validateStatus={messages.length > 0 ? 'error' : ''}
        help={messages.length > 0 ? <span data-testid="field-problem">{messages.join(' ')}</span> : undefined}
      >
        {children}
      </Form.Item>
    </div>
  );
}

/** Problems at a pointer that has no box of its own (a whole insured person, the list), shown where it starts. */
export function ProblemNote({ pointer }: { pointer: string }) {
  const { problems } = useContext(FieldProblemsContext);
  const messages = messagesAt(problems, pointer);
  if (messages.length === 0) return null;
  return (
    <div className="purchase-problem-note" role="alert" data-testid={`problem${pointer.replaceAll('/', '-')}`}>
      {messages.join(' ')}
    </div>
  );
}

export function useTouch(): (pointer: string) => void {
  return useContext(FieldProblemsContext).touch;
}
