import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/apiError';
import { consoleMutationKey, queryKeys } from '../../api/queryKeys';
import { createRecipient, updateRecipient } from '../../api/recipients';
import type { Recipient } from '../../api/types';
import { PURPOSES, purposeKey, RECIPIENT_TYPES, recipientTypeKey } from '../../privacy/privacyTerms';
import { useTerm } from '../../privacy/useTerm';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import { useLanguage } from '../../shared/useLanguage';
import { useDataMap } from '../hooks/useDataMap';
import { recipientFieldsOf, recipientInputOf, type RecipientFields } from '../recipientForm';
import './privacy-pages.css';

// Mirrors the server's pattern for integration names, so most mistakes are caught before sending.
const INTEGRATION = /^[a-z]+\.[a-z0-9_-]+$/;
const POINTERS = {
  '/body/name': 'name',
  '/body/type': 'type',
  '/body/integration': 'integration',
  '/body/purposes': 'purposes',
  '/body/categories': 'categories',
  '/body/agreementReference': 'agreementReference',
  '/body/agreementSignedOn': 'agreementSignedOn',
  '/body/agreementExpiresOn': 'agreementExpiresOn',
} as const;

/** The categories to choose from: those of the data map, plus any the recipient already has. */
function useCategoryOptions(current: readonly string[]) {
  const { language } = useLanguage();
  const dataMap = useDataMap();
  const known = (dataMap.data ?? []).map((entry) => ({ value: entry.category, label: language === 'en' ? entry.name.en : entry.name.zh }));
  const others = current.filter((category) => !known.some((option) => option.value === category)).map((category) => ({ value: category, label: category }));
  return { options: [...known, ...others], dataMap };
}

/**
 * Registers a third party with its agreement, or edits one (recipient given, opened with key={id}).
 * Dates are native date inputs: they give exactly the YYYY-MM-DD the API takes, and the phone's own picker.
 */
export function RecipientFormModal({ recipient, onClose }: { recipient: Recipient | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const term = useTerm();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RecipientFields>();
  const [problem, setProblem] = useState<unknown>(undefined);
  const { options: categoryOptions, dataMap } = useCategoryOptions(recipient?.categories ?? []);

  const save = useMutation({
    mutationKey: consoleMutationKey('recipient-save'),
    mutationFn: (fields: RecipientFields) => {
      const input = recipientInputOf(fields, recipient);
      return recipient ? updateRecipient(recipient.id, input) : createRecipient(input);
    },
    onSuccess: (saved) => {
      void message.success(recipient ? t('console.recipients.saved', { name: saved.name }) : t('console.recipients.created', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.recipients });
      onClose();
    },
    onError: (error, fields) => {
      // conflict on a recipient with an integration: that integration already has its recipient.
      if (error instanceof ApiError && error.code === 'conflict' && fields.integration.trim() !== '') {
        form.setFields([{ name: 'integration', errors: [t('console.recipients.integrationTaken')] }]);
        return;
      }
      const { fields: fieldErrors, rest } = splitFieldErrors<keyof RecipientFields>(error, POINTERS);
      form.setFields(fieldErrors);
      setProblem(rest);
    },
  });

  return (
    <Modal
      open
      width={680}
      title={recipient ? t('console.recipients.editTitle', { name: recipient.name }) : t('console.recipients.createTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('console.recipients.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="recipient-submit">
          {t('console.recipients.save')}
        </Button>,
      ]}
    >
      <Form<RecipientFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="staff-form"
        initialValues={recipientFieldsOf(recipient)}
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate(values);
        }}
      >
        <Form.Item name="name" label={t('console.recipients.name')} rules={[{ required: true, whitespace: true, message: t('console.recipients.nameRequired') }]}>
          <Input maxLength={200} autoComplete="off" data-testid="recipient-name" />
        </Form.Item>
        <Form.Item name="type" label={t('console.recipients.type')} rules={[{ required: true, message: t('console.recipients.typeRequired') }]}>
          <Select options={RECIPIENT_TYPES.map((type) => ({ value: type, label: term(recipientTypeKey, type) }))} data-testid="recipient-type" />
        </Form.Item>
        <Form.Item
          name="integration"
          label={t('console.recipients.integration')}
          extra={t('console.recipients.integrationHint')}
          rules={[{ pattern: INTEGRATION, message: t('console.recipients.integrationInvalid') }]}
        >
          <Input maxLength={64} autoComplete="off" autoCapitalize="none" spellCheck={false} data-testid="recipient-integration" />
        </Form.Item>
        <Form.Item label={t('console.recipients.country')} extra={t('console.recipients.countryHint')}>
          <Input value={t('console.recipients.countryCN')} disabled />
        </Form.Item>
        <Form.Item name="purposes" label={t('console.recipients.purposes')} rules={[{ required: true, type: 'array', min: 1, message: t('console.recipients.purposesRequired') }]}>
          <Checkbox.Group className="privacy-checkboxes" options={PURPOSES.map((purpose) => ({ value: purpose, label: term(purposeKey, purpose) }))} data-testid="recipient-purposes" />
        </Form.Item>
        <Form.Item name="categories" label={t('console.recipients.categories')} rules={[{ required: true, type: 'array', min: 1, message: t('console.recipients.categoriesRequired') }]}>
          <Checkbox.Group className="privacy-checkboxes" options={categoryOptions} data-testid="recipient-categories" />
        </Form.Item>
        {dataMap.isError ? <Alert type="warning" showIcon title={t('console.recipients.categoriesUnavailable')} className="console-page__block" /> : null}
        <Form.Item label={t('console.recipients.agreement')} extra={t('console.recipients.agreementHint')}>
          <div className="recipient-form__dates">
            <Form.Item name="agreementReference" label={t('console.recipients.agreementReference')}>
              <Input maxLength={200} autoComplete="off" data-testid="recipient-agreement-reference" />
            </Form.Item>
            <Form.Item name="agreementSignedOn" label={t('console.recipients.agreementSignedOn')}>
              <Input type="date" data-testid="recipient-agreement-signed" />
            </Form.Item>
            <Form.Item
              name="agreementExpiresOn"
              label={t('console.recipients.agreementExpiresOn')}
              dependencies={['agreementSignedOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, expires: string | undefined) => {
                    const signed = getFieldValue('agreementSignedOn') as string | undefined;
                    // Both YYYY-MM-DD, so they compare as text.
                    return !signed || !expires || expires >= signed ? Promise.resolve() : Promise.reject(new Error(t('console.recipients.expiresBeforeSigned')));
                  },
                }),
              ]}
            >
              <Input type="date" data-testid="recipient-agreement-expires" />
            </Form.Item>
          </div>
        </Form.Item>
        {problem ? <ErrorNotice error={problem} /> : null}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
