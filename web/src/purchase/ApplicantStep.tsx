import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationRules } from '../../../src/shared/application.ts';
import { emptyInsured, type ApplicantForm, type InsuredForm } from './applicationForm';
import { ProblemField, ProblemNote } from './FieldProblems';
import { InsuredCard } from './InsuredCard';
import { PersonFields } from './PersonFields';
import { StepDocument } from './StepDocument';

interface ApplicantStepProps {
  saleId: string;
  rules: ApplicationRules;
  form: ApplicantForm;
  onChange: (next: ApplicantForm) => void;
  /** The 健康告知 questions once the server showed them; null for a product without one. */
  healthQuestions: ReadonlyArray<{ id: string; text: string }> | null;
  hasHealthStep: boolean;
  healthHash: string | null;
  onHealthConfirmed: (hash: string | null) => void;
  isPrefilled: boolean;
}

/** 填写信息 (R-POL-4): the policyholder, each insured person, beneficiaries and the health declaration. */
export function ApplicantStep({ saleId, rules, form, onChange, healthQuestions, hasHealthStep, healthHash, onHealthConfirmed, isPrefilled }: ApplicantStepProps) {
  const { t } = useTranslation();
  const setInsured = (index: number, next: InsuredForm) => onChange({ ...form, insured: form.insured.map((entry, position) => (position === index ? next : entry)) });
  const institution = form.institution;
  const setInstitution = (patch: Partial<ApplicantForm['institution']>) => onChange({ ...form, institution: { ...institution, ...patch } });

  return (
    <Form layout="vertical" component={false}>
      <section className="purchase-section" aria-labelledby="holder-title" data-testid="holder-section">
        <h2 id="holder-title">{t('purchase.holder.title')}</h2>
        {isPrefilled ? <Alert className="purchase-alert" type="info" showIcon title={t('purchase.person.prefilled')} /> : null}
        <ProblemNote pointer="/policyholder" />
        {rules.allowsInstitution ? (
          <ProblemField pointer="/policyholder/kind" label={t('purchase.holder.kind')}>
            <Radio.Group
              value={form.holderKind}
              optionType="button"
              onChange={(event) => onChange({ ...form, holderKind: event.target.value as ApplicantForm['holderKind'] })}
              options={[
                { value: 'person', label: t('purchase.holder.person') },
                { value: 'institution', label: t('purchase.holder.institution') },
              ]}
              data-testid="holder-kind"
            />
          </ProblemField>
        ) : null}
        {form.holderKind === 'person' ? (
          <PersonFields at="/policyholder/person" asked={rules.policyholderFields} value={form.holder} onChange={(holder) => onChange({ ...form, holder })} />
        ) : (
          <div className="purchase-person">
            <ProblemField pointer="/policyholder/institution/name" label={t('purchase.institution.name')}>
              <Input value={institution.name} maxLength={120} onChange={(event) => setInstitution({ name: event.target.value })} />
            </ProblemField>
            <ProblemField pointer="/policyholder/institution/creditCode" label={t('purchase.institution.creditCode')}>
              <Input value={institution.creditCode} maxLength={24} spellCheck={false} onChange={(event) => setInstitution({ creditCode: event.target.value.toUpperCase() })} />
            </ProblemField>
            <ProblemField pointer="/policyholder/institution/contactName" label={t('purchase.institution.contactName')}>
              <Input value={institution.contactName} maxLength={60} onChange={(event) => setInstitution({ contactName: event.target.value })} />
            </ProblemField>
            <ProblemField pointer="/policyholder/institution/contactPhone" label={t('purchase.institution.contactPhone')}>
              <Input value={institution.contactPhone} maxLength={20} inputMode="tel" onChange={(event) => setInstitution({ contactPhone: event.target.value })} />
            </ProblemField>
            <ProblemField pointer="/policyholder/institution/contactEmail" label={t('purchase.institution.contactEmail')}>
              <Input value={institution.contactEmail} maxLength={254} type="email" onChange={(event) => setInstitution({ contactEmail: event.target.value })} />
            </ProblemField>
          </div>
        )}
      </section>

      <section className="purchase-section" aria-labelledby="insured-title" data-testid="insured-section">
        <h2 id="insured-title">{t('purchase.insured.title')}</h2>
        {healthQuestions && healthQuestions.length > 0 ? <p className="purchase-note">{t('purchase.health.intro')}</p> : null}
        <ProblemNote pointer="/insured" />
        {form.insured.map((insured, index) => (
          <InsuredCard
            key={insured.key}
            index={index}
            form={form}
            rules={rules}
            healthQuestions={healthQuestions}
            onChange={(next) => setInsured(index, next)}
            onRemove={form.insured.length > 1 ? () => onChange({ ...form, insured: form.insured.filter((_entry, position) => position !== index) }) : null}
          />
        ))}
        {form.insured.length < rules.maxInsured ? (
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => onChange({ ...form, insured: [...form.insured, emptyInsured()] })} data-testid="insured-add">
            {t('purchase.insured.add')}
          </Button>
        ) : (
          <p className="purchase-note">{t('purchase.insured.limit', { max: rules.maxInsured })}</p>
        )}
      </section>

      {hasHealthStep ? (
        <section className="purchase-section">
          <StepDocument saleId={saleId} kind="health_declaration" confirmedHash={healthHash} onConfirmed={onHealthConfirmed} isOpenAtFirst />
        </section>
      ) : null}
    </Form>
  );
}
