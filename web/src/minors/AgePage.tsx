import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { declareAge } from '../api/minors';
import { queryKeys } from '../api/queryKeys';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageSpinner } from '../shared/PageSpinner';
import { signInPathFor } from '../shared/safeNextPath';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { PageHeading } from '../site/components/PageHeading';
import { isCustomer, useSiteSession } from '../site/hooks/useSiteSession';
import { useAgeInfo } from './useAgeInfo';
import './minors.css';

/** The registration question, asked once: 14 or older, or under 14 (R-MIN-1). Neither is preselected. */
export function AgePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSiteSession();
  const age = useAgeInfo();
  const [choice, setChoice] = useState<'at_least_14' | 'under_14' | null>(null);
  useDocumentTitle(t('minors.age.title'));
  const answer = useMutation({
    mutationFn: declareAge,
    onSuccess: async (result) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.accountAge }), queryClient.invalidateQueries({ queryKey: queryKeys.siteSession })]);
      void navigate(result.standing === 'child_awaiting_guardian' ? '/account/guardian' : '/account/security', { replace: true });
    },
  });

  if (session.isPending) return <PageSpinner />;
  if (!isCustomer(session.data)) return <Navigate to={signInPathFor('/sign-in', '/account/age')} replace />;
  if (age.isPending) return <PageSpinner />;
  if (age.isError) return <ErrorNotice variant="result" error={age.error} onRetry={() => void age.refetch()} />;
  if (age.data.standing === 'child_awaiting_guardian') return <Navigate to="/account/guardian" replace />;

  return (
    <div className="minors-page">
      <PageHeading title={t('minors.age.title')} />
      <Card>
        {age.data.standing !== 'unknown' ? (
          <p data-testid="age-known">{t('minors.age.alreadyAnswered')}</p>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (choice) answer.mutate(choice);
            }}
          >
            <p>{t('minors.age.why')}</p>
            <Radio.Group value={choice} onChange={(event) => setChoice(event.target.value as 'at_least_14' | 'under_14')} data-testid="age-choice">
              <Space orientation="vertical">
                <Radio value="at_least_14" data-testid="age-at-least-14">
                  {t('minors.age.atLeast14')}
                </Radio>
                <Radio value="under_14" data-testid="age-under-14">
                  {t('minors.age.under14')}
                </Radio>
              </Space>
            </Radio.Group>
            {answer.isError ? <ErrorNotice error={answer.error} /> : null}
            <div className="minors-actions">
              <Button type="primary" htmlType="submit" disabled={!choice} loading={answer.isPending} data-testid="age-submit">
                {t('minors.age.confirm')}
              </Button>
            </div>
          </form>
        )}
      </Card>
    </div>
  );
}
