import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { pointerOf } from '../../../src/shared/application-problems.ts';
import { ProblemField, ProblemNote, useTouch } from './FieldProblems';

/**
 * 健康告知 for one insured person (R-POL-6): each question yes or no, neither preselected. A yes shows
 * the shared check's decline message at once; the answers are sensitive and are sent only with the
 * application.
 */
export function HealthQuestions({ at, questions, answers, onChange }: { at: string; questions: ReadonlyArray<{ id: string; text: string }>; answers: Record<string, boolean>; onChange: (next: Record<string, boolean>) => void }) {
  const { t } = useTranslation();
  const touch = useTouch();
  return (
    <fieldset className="purchase-health" data-testid={`health${at.replaceAll('/', '-')}`}>
      <legend>{t('purchase.health.title')}</legend>
      <ol className="purchase-health__questions">
        {questions.map((question) => {
          const pointer = `${at}${pointerOf(question.id)}`;
          const value = answers[question.id];
          return (
            <li key={question.id}>
              <ProblemField pointer={pointer} label={question.text}>
                <Radio.Group
                  value={value === undefined ? undefined : value ? 'yes' : 'no'}
                  onChange={(event) => {
                    touch(pointer);
                    touch(at);
                    onChange({ ...answers, [question.id]: event.target.value === 'yes' });
                  }}
                  options={[
                    { value: 'yes', label: t('purchase.health.yes') },
                    { value: 'no', label: t('purchase.health.no') },
                  ]}
                  data-testid={`health-question-${question.id}`}
                />
              </ProblemField>
            </li>
          );
        })}
      </ol>
      <ProblemNote pointer={at} />
    </fieldset>
  );
}
