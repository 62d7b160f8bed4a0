import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acknowledgeAlert } from '../../api/alerts';
import { consoleMutationKey, queryKeys } from '../../api/queryKeys';
import type { AccessAlert } from '../../api/types';
import { alertKindKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import { formatDateTime } from '../../shared/formatDateTime';
import { useLanguage } from '../../shared/useLanguage';
import './privacy-pages.css';

// The server's minimum (src/http/routes/console/alerts.ts); a note of what was found is the point.
const MIN_NOTE_LENGTH = 2;

interface Fields {
  note: string;
}

/** Closes an alert with a note of what the check found. Opened with key={alert.id}. */
export function AcknowledgeAlertModal({ alert, onClose }: { alert: AccessAlert; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const term = useTerm();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<unknown>(undefined);

  const acknowledge = useMutation({
    mutationKey: consoleMutationKey('alert-acknowledge'),
    mutationFn: (note: string) => acknowledgeAlert(alert.id, note),
    onSuccess: () => {
      void message.success(t('console.alerts.done'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.alerts });
      onClose();
    },
    onError: (error) => {
      const { fields, rest } = splitFieldErrors<keyof Fields>(error, { '/body/note': 'note' });
      form.setFields(fields);
      setProblem(rest);
    },
  });

  return (
    <Modal
      open
      title={t('console.alerts.acknowledgeTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('console.alerts.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={acknowledge.isPending} onClick={() => form.submit()} data-testid="alert-acknowledge-submit">
          {t('console.alerts.submit')}
        </Button>,
      ]}
    >
      <Descriptions
        size="small"
        column={1}
        className="console-page__block"
        items={[
          { key: 'kind', label: t('console.alerts.kind'), children: term(alertKindKey, alert.kind) },
          {
            key: 'staff',
            label: t('console.alerts.staff'),
            children: (
              <span className="privacy-id" translate="no">
                {alert.actorId}
              </span>
            ),
          },
          { key: 'raisedAt', label: t('console.alerts.raisedAt'), children: formatDateTime(alert.raisedAt, language) },
        ]}
      />
      <Typography.Paragraph type="secondary">{t('console.alerts.acknowledgeIntro')}</Typography.Paragraph>
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ note: '' }}
        onFinish={({ note }) => {
          setProblem(undefined);
          acknowledge.mutate(note.trim());
        }}
      >
        <Form.Item
          name="note"
          label={t('console.alerts.note')}
          rules={[
            {
              validator: (_rule, note: string | undefined) =>
                (note?.trim().length ?? 0) >= MIN_NOTE_LENGTH ? Promise.resolve() : Promise.reject(new Error(t('console.alerts.noteRequired'))),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('console.alerts.notePlaceholder')} data-testid="alert-note" />
        </Form.Item>
      </Form>
      {problem ? <ErrorNotice error={problem} /> : null}
    </Modal>
  );
}
