import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Popconfirm, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ID_DOCUMENT_TYPES, idDocumentTypeNames, idProblemText, validateIdDocument, type IdDocumentType } from '../../../../../src/shared/identity-documents.ts';
import { checkProfileText, GENDERS, PROFILE_TEXT_LIMITS, profileTextProblemText, type Gender, type ProfileTextField } from '../../../../../src/shared/profile-fields.ts';
import { saveProfile, type Profile, type ProfileEdit } from '../../../api/profile';
import { ErrorNotice } from '../../../shared/ErrorNotice';
import { splitFieldErrors } from '../../../shared/fieldErrors';
import { useLanguage } from '../../../shared/useLanguage';
import { profileQueryKey } from '../../hooks/useProfile';
import { IssuingCountrySelect } from './IssuingCountrySelect';
import { RevealIdNumberModal } from './RevealIdNumberModal';

interface Values {
  name: string;
  gender: Gender | undefined;
  company: string;
  idType: IdDocumentType | undefined;
  idNumber: string;
  issuingCountry: string | undefined;
  email: string;
  address: string;
  otherInfo: string;
  consent: boolean;
}
type FieldName = keyof Values;

const POINTERS: Record<string, FieldName> = {
  '/body/name': 'name',
  '/body/gender': 'gender',
  '/body/company': 'company',
  '/body/idDocument/type': 'idType',
  '/body/idDocument/number': 'idNumber',
  '/body/idDocument/issuingCountry': 'issuingCountry',
  '/body/email': 'email',
  '/body/address': 'address',
  '/body/otherInfo': 'otherInfo',
  '/body/sensitivePiConsent': 'consent',
};
const FIELD_CODES = { sensitive_pi_consent_required: 'consent' } as const;
const TEXT_FIELDS: ProfileTextField[] = ['name', 'company', 'email', 'address', 'otherInfo'];

function initialValuesOf(profile: Profile): Values {
  return {
    name: profile.name ?? '',
    gender: profile.gender ?? undefined,
    company: profile.company ?? '',
    idType: profile.idDocument?.type,
    idNumber: '',
    issuingCountry: profile.idDocument?.issuingCountry ?? 'CN',
    email: profile.email ?? '',
    address: profile.address ?? '',
    otherInfo: profile.otherInfo ?? '',
    consent: false,
  };
}

/** Only what differs from the saved profile is sent; an emptied field is sent as null (cleared). */
function editOf(values: Values, profile: Profile, isEditingId: boolean): ProfileEdit {
  const edit: ProfileEdit = {};
  for (const field of TEXT_FIELDS) {
    const value = values[field].trim();
    if (value !== (profile[field] ?? '')) edit[field] = value === '' ? null : value;
  }
  if ((values.gender ?? null) !== profile.gender) edit.gender = values.gender ?? null;
  if (isEditingId && values.idType && values.idNumber.trim() !== '') {
    edit.idDocument = { type: values.idType, number: values.idNumber, issuingCountry: values.idType === 'passport' ? (values.issuingCountry ?? null) : null };
    if (values.consent) edit.sensitivePiConsent = { version: profile.sensitivePiConsent.notice.version };
  }
  return edit;
}

/**
 * The editable 个人信息. Every field is checked as the person types with the same rules the server
 * applies (src/shared); the saved document number is never sent to the page, only its masked form,
 * with a “显示” that asks for a fresh SMS code. A new document number needs the separate consent,
 * asked right here with its purpose and never pre-ticked.
 */
export function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const initialValues = useMemo(() => initialValuesOf(profile), [profile]);
  const [isChangingId, setChangingId] = useState(false);
  const [isRevealOpen, setRevealOpen] = useState(false);
  const [problem, setProblem] = useState<unknown>(undefined);
  const isEditingId = profile.idDocument === null || isChangingId;
  const idType = Form.useWatch('idType', form);
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const needsConsent = isEditingId && idNumber.trim() !== '' && !profile.sensitivePiConsent.granted;

  const save = useMutation({
    mutationFn: saveProfile,
    onSuccess: (result) => {
      queryClient.setQueryData(profileQueryKey, result.profile);
      setChangingId(false);
      setProblem(undefined);
      form.setFieldsValue(initialValuesOf(result.profile));
      void message.success(result.changedFields.length > 0 ? t('profile.saved') : t('profile.nothingChanged'));
    },
    onError: (error) => {
      const { fields, rest } = splitFieldErrors<FieldName>(error, POINTERS, FIELD_CODES);
      form.setFields(fields);
      setProblem(rest);
    },
  });

  const textRule = (field: ProfileTextField): Rule => ({
    validator: async (_rule, value: string | undefined) => {
      const checked = checkProfileText(field, value ?? '');
      if (!checked.isValid) throw new Error(profileTextProblemText(field, checked.problem, language));
    },
  });
  const idNumberRule: Rule = ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      const type = getFieldValue('idType') as IdDocumentType | undefined;
      if (!isEditingId || !type || (value ?? '').trim() === '') return;
      const result = validateIdDocument({ type, number: value ?? '', issuingCountry: getFieldValue('issuingCountry') as string | undefined }, { stated: { sex: getFieldValue('gender') as Gender | undefined } });
      if (!result.isValid && result.problem !== 'country_invalid') throw new Error(idProblemText(result.problem, type, language));
    },
  });
  const idTypeRule: Rule = ({ getFieldValue }) => ({
    validator: async (_rule, value: IdDocumentType | undefined) => {
      if (isEditingId && !value && String(getFieldValue('idNumber') ?? '').trim() !== '') throw new Error(t('profile.placeholders.choose'));
    },
  });
  const consentRule: Rule = {
    validator: async (_rule, value: boolean | undefined) => {
      if (needsConsent && !value) throw new Error(t('profile.consent.required'));
    },
  };
  const removeId = () => save.mutate({ idDocument: null });

  return (
    <Card title={t('profile.basicsTitle')} className="account-card" data-testid="profile-card">
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="profile-form"
        initialValues={initialValues}
        onFinish={(values) => {
          const edit = editOf(values, profile, isEditingId);
          if (Object.keys(edit).length === 0) {
            void message.info(t('profile.nothingChanged'));
            return;
          }
          setProblem(undefined);
          save.mutate(edit);
        }}
      >
        <Form.Item name="name" label={t('profile.fields.name')} rules={[textRule('name')]}>
          <Input size="large" autoComplete="name" maxLength={PROFILE_TEXT_LIMITS.name + 10} placeholder={t('profile.placeholders.name')} data-testid="profile-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('profile.fields.gender')}>
          <Select
            size="large"
            allowClear
            placeholder={t('profile.placeholders.choose')}
            options={GENDERS.map((gender) => ({ value: gender, label: t(`profile.genders.${gender}`) }))}
            data-testid="profile-gender"
          />
        </Form.Item>
        <Form.Item name="company" label={t('profile.fields.company')} rules={[textRule('company')]}>
          <Input size="large" autoComplete="organization" placeholder={t('profile.placeholders.optional')} data-testid="profile-company" />
        </Form.Item>

        <div className="profile-id" role="group" aria-labelledby="profile-id-title">
          <div className="profile-id__title" id="profile-id-title">
            {t('profile.fields.idDocument')}
          </div>
          {profile.idDocument && !isChangingId ? (
            <div className="profile-id__saved">
              <Typography.Text type="secondary">{t('profile.idSaved')}</Typography.Text>
              <div className="profile-id__value">
                <span>{idDocumentTypeNames[profile.idDocument.type][language]}</span>
                <span className="profile-id__number" data-testid="profile-id-masked">
                  {profile.idDocument.numberMasked}
                </span>
                <Button size="small" type="link" onClick={() => setRevealOpen(true)} data-testid="profile-id-reveal">
                  {t('profile.reveal.button')}
                </Button>
              </div>
              <div className="profile-actions">
                <Button onClick={() => setChangingId(true)} data-testid="profile-id-change">
                  {t('profile.idChange')}
                </Button>
                <Popconfirm
                  title={t('profile.idRemoveConfirm')}
                  description={t('profile.idRemoveBody')}
                  okText={t('profile.idRemoveOk')}
                  cancelText={t('profile.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={removeId}
                >
                  <Button danger data-testid="profile-id-remove">
                    {t('profile.idRemove')}
                  </Button>
                </Popconfirm>
              </div>
            </div>
          ) : (
            <>
              <Form.Item name="idType" label={t('profile.fields.idType')} rules={[idTypeRule]} dependencies={['idNumber']}>
                <Select
                  size="large"
                  allowClear
                  placeholder={t('profile.placeholders.choose')}
                  options={ID_DOCUMENT_TYPES.map((type) => ({ value: type, label: idDocumentTypeNames[type][language] }))}
                  data-testid="profile-id-type"
                />
              </Form.Item>
              {idType === 'passport' ? (
                <Form.Item name="issuingCountry" label={t('profile.fields.issuingCountry')} rules={[{ required: true, message: idProblemText('country_invalid', 'passport', language) }]}>
                  <IssuingCountrySelect />
                </Form.Item>
              ) : null}
              <Form.Item name="idNumber" label={t('profile.fields.idNumber')} rules={[idNumberRule]} dependencies={['idType', 'gender', 'issuingCountry']}>
                <Input size="large" autoComplete="off" spellCheck={false} maxLength={40} placeholder={t('profile.placeholders.idNumber')} data-testid="profile-id-number" />
              </Form.Item>
              {needsConsent ? (
                <div className="profile-consent" data-testid="profile-consent-box">
                  <Typography.Text strong>{t('profile.consent.title')}</Typography.Text>
                  <Typography.Paragraph type="secondary" className="profile-consent__why">
                    {t('profile.consent.why')}
                  </Typography.Paragraph>
                  <Form.Item name="consent" valuePropName="checked" rules={[consentRule]} className="profile-consent__item">
                    <Checkbox data-testid="profile-consent">{t('profile.consent.agree', { text: profile.sensitivePiConsent.notice.text })}</Checkbox>
                  </Form.Item>
                </div>
              ) : null}
              {profile.idDocument ? (
                <Button
                  className="profile-id__cancel"
                  onClick={() => {
                    setChangingId(false);
                    form.setFieldsValue({ idType: profile.idDocument?.type, idNumber: '', consent: false });
                  }}
                >
                  {t('profile.idCancelChange')}
                </Button>
              ) : null}
            </>
          )}
        </div>

        <Form.Item name="email" label={t('profile.fields.email')} rules={[textRule('email')]}>
          <Input size="large" type="email" inputMode="email" autoComplete="email" placeholder={t('profile.placeholders.email')} data-testid="profile-email" />
        </Form.Item>
        <Form.Item name="address" label={t('profile.fields.address')} rules={[textRule('address')]}>
          <Input size="large" autoComplete="street-address" placeholder={t('profile.placeholders.address')} data-testid="profile-address" />
        </Form.Item>
        <Form.Item name="otherInfo" label={t('profile.fields.otherInfo')} rules={[textRule('otherInfo')]} extra={t('profile.otherInfoHint')}>
          <Input.TextArea rows={3} maxLength={PROFILE_TEXT_LIMITS.otherInfo} placeholder={t('profile.placeholders.otherInfo')} data-testid="profile-other-info" />
        </Form.Item>

        {problem ? (
          <div className="profile-notice" data-testid="profile-problem">
            <ErrorNotice error={problem} />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" size="large" loading={save.isPending} data-testid="profile-save">
          {t('profile.save')}
        </Button>
      </Form>
      {/* Outside the form: a dialog's own form would otherwise submit this one (React events bubble through portals). */}
      {profile.idDocument ? <RevealIdNumberModal open={isRevealOpen} onClose={() => setRevealOpen(false)} phoneMasked={profile.phoneMasked} /> : null}
    </Card>
  );
}
