import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleMutationKey, queryKeys } from '../../api/queryKeys';
import { placeLegalHold } from '../../api/retention';
import { useTerm } from '../../privacy/useTerm';
import { beijingToday } from '../../shared/beijingTime';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import { CUSTOMER_ID, emptyLegalHoldFields, legalHoldInputOf, MIN_HOLD_REASON_LENGTH, RECORD_ID, RECORD_TABLE, type LegalHoldFields } from '../legalHoldForm';
import { holdKindKey, PLACEABLE_HOLD_KINDS } from '../retentionTerms';
import { minTrimmedLength } from './ReasonModal';
import './privacy-pages.css';
import './retention.css';

const POINTERS = {
  '/body/subjectId': 'subjectId',
  '/body/recordTable': 'recordTable',
  '/body/recordId': 'recordId',
  '/body/kind': 'kind',
  '/body/reference': 'reference',
  '/body/retainUntil': 'retainUntil',
  '/body/reason': 'reason',
} as const;

/** Places a legal hold on a customer (or one of their records) with a reason; the sweep then keeps it. */
export function PlaceHoldModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const term = useTerm();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LegalHoldFields>();
  const [problem, setProblem] = useState<unknown>(undefined);
  const today = beijingToday();

  const place = useMutation({
    mutationKey: consoleMutationKey('legal-hold-place'),
    mutationFn: (fields: LegalHoldFields) => placeLegalHold(legalHoldInputOf(fields)),
    onSuccess: (hold) => {
      void message.success(t('console.retention.place.done', { reference: hold.reference }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.retention });
      onClose();
    },
    onError: (error) => {
      const { fields, rest } = splitFieldErrors<keyof LegalHoldFields>(error, POINTERS, { reason_required: 'reason' });
      form.setFields(fields);
      setProblem(rest);
    },
  });

  // Table and id name one record together: both or neither.
  const bothOrNeither = (other: keyof LegalHoldFields) => ({ getFieldValue }: { getFieldValue: (name: keyof LegalHoldFields) => unknown }) => ({
    validator: (_rule: unknown, value: string | undefined) =>
      !value?.trim() && String(getFieldValue(other) ?? '').trim() ? Promise.reject(new Error(t('console.retention.place.recordBoth'))) : Promise.resolve(),
  });

  return (
    <Modal
      open
      width={600}
      title={t('console.retention.place.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('console.retention.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={place.isPending} onClick={() => form.submit()} data-testid="hold-place-submit">
          {t('console.retention.place.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('console.retention.place.intro')}</Typography.Paragraph>
      <Form<LegalHoldFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={emptyLegalHoldFields}
        onFinish={(values) => {
          setProblem(undefined);
          place.mutate(values);
        }}
      >
        <Form.Item
          name="subjectId"
          label={t('console.retention.place.subjectId')}
          rules={[{ validator: (_rule, id: string | undefined) => (CUSTOMER_ID.test(id?.trim() ?? '') ? Promise.resolve() : Promise.reject(new Error(t('console.retention.place.subjectInvalid')))) }]}
        >
          <Input placeholder="cus_…" maxLength={40} autoComplete="off" autoCapitalize="none" spellCheck={false} translate="no" data-testid="hold-subject" />
        </Form.Item>
        <Form.Item label={t('console.retention.place.record')} extra={t('console.retention.place.recordHint')}>
          <div className="retention-form__pair">
            <Form.Item
              name="recordTable"
              label={t('console.retention.place.recordTable')}
              dependencies={['recordId']}
              rules={[{ pattern: RECORD_TABLE, message: t('console.retention.place.recordTableInvalid') }, bothOrNeither('recordId')]}
            >
              <Input maxLength={63} autoComplete="off" autoCapitalize="none" spellCheck={false} data-testid="hold-record-table" />
            </Form.Item>
            <Form.Item
              name="recordId"
              label={t('console.retention.place.recordId')}
              dependencies={['recordTable']}
              rules={[{ pattern: RECORD_ID, message: t('console.retention.place.recordIdInvalid') }, bothOrNeither('recordTable')]}
            >
              <Input maxLength={40} autoComplete="off" autoCapitalize="none" spellCheck={false} data-testid="hold-record-id" />
            </Form.Item>
          </div>
        </Form.Item>
        <Form.Item name="kind" label={t('console.retention.kind')} rules={[{ required: true, message: t('console.retention.place.kindRequired') }]}>
          <Select options={PLACEABLE_HOLD_KINDS.map((kind) => ({ value: kind, label: term(holdKindKey, kind) }))} data-testid="hold-kind" />
        </Form.Item>
        <Form.Item
          name="reference"
          label={t('console.retention.reference')}
          extra={t('console.retention.place.referenceHint')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('console.retention.place.referenceRequired') }]}
        >
          <Input maxLength={100} autoComplete="off" data-testid="hold-reference" />
        </Form.Item>
        <Form.Item
          name="retainUntil"
          label={t('console.retention.place.retainUntil')}
          extra={t('console.retention.place.retainUntilHint')}
          rules={[{ validator: (_rule, date: string | undefined) => (!date || date >= today ? Promise.resolve() : Promise.reject(new Error(t('console.retention.place.retainUntilPast')))) }]}
        >
          <Input type="date" min={today} data-testid="hold-retain-until" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('console.retention.place.reason')}
          rules={[minTrimmedLength(MIN_HOLD_REASON_LENGTH, t('console.retention.reasonRequired'))]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('console.retention.place.reasonPlaceholder')} data-testid="hold-reason" />
        </Form.Item>
        {problem ? <ErrorNotice error={problem} /> : null}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
