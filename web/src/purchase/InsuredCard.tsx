import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { relationshipNames, type ApplicationRules, type InsuredRelationship } from '../../../src/shared/application.ts';
import { pick } from '../catalogue/format';
import { useLanguage } from '../shared/useLanguage';
import { factsOfHolder, fieldsAskedOf, offersNamedBeneficiaries, type ApplicantForm, type InsuredForm } from './applicationForm';
import { BeneficiaryFields } from './BeneficiaryFields';
import { ProblemField, ProblemNote, useTouch } from './FieldProblems';
import { HealthQuestions } from './HealthQuestions';
import { PersonFields } from './PersonFields';

// Whom each kind of policyholder may insure (保险法 art. 31); the shared check explains any other choice.
const RELATIONSHIPS_OF: Record<ApplicantForm['holderKind'], InsuredRelationship[]> = {
  person: ['self', 'spouse', 'child', 'parent', 'other'],
  institution: ['employee', 'other'],
};

interface InsuredCardProps {
  index: number;
  form: ApplicantForm;
  rules: ApplicationRules;
  healthQuestions: ReadonlyArray<{ id: string; text: string }> | null;
  onChange: (next: InsuredForm) => void;
  onRemove: (() => void) | null;
}

/** One insured person: how they are related to the buyer, the fields the product asks, beneficiaries and health answers. */
export function InsuredCard({ index, form, rules, healthQuestions, onChange, onRemove }: InsuredCardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const touch = useTouch();
  const insured = form.insured[index] as InsuredForm;
  const at = `/insured/${index}`;
  const isSelf = insured.relationship === 'self' && form.holderKind === 'person';
  const facts = isSelf ? factsOfHolder(form) : null;
  const asked = fieldsAskedOf(rules, form, index);
  return (
    <Card
      className="purchase-insured"
      size="small"
      title={t('purchase.insured.numbered', { n: index + 1 })}
      extra={
        onRemove ? (
          <Button type="link" danger icon={<DeleteOutlined />} onClick={onRemove} data-testid={`insured-${index}-remove`}>
            {t('purchase.insured.remove')}
          </Button>
        ) : null
      }
      data-testid={`insured-${index}`}
    >
      <ProblemNote pointer={at} />
      <ProblemNote pointer={`${at}/person`} />
      <ProblemField pointer={`${at}/relationship`} label={t('purchase.insured.relationship')}>
        <Select<InsuredRelationship>
          value={insured.relationship || undefined}
          placeholder={t('purchase.insured.relationshipPlaceholder')}
          options={RELATIONSHIPS_OF[form.holderKind].map((value) => ({ value, label: pick(relationshipNames[value], language) }))}
          onChange={(relationship) => {
            touch(`${at}/relationship`);
            onChange({ ...insured, relationship });
          }}
        />
      </ProblemField>
      {isSelf ? (
        <p className="purchase-note" data-testid={`insured-${index}-self-note`}>
          {t('purchase.insured.selfNote')}
          {facts ? ` ${t('purchase.insured.selfFacts', { birthDate: facts.birthDate, sex: facts.sex === 'male' ? t('purchase.person.male') : t('purchase.person.female') })}` : ''}
        </p>
      ) : null}
      <PersonFields at={`${at}/person`} asked={asked} value={insured.person} onChange={(person) => onChange({ ...insured, person })} />
      {offersNamedBeneficiaries(rules.type) ? <BeneficiaryFields at={`${at}/beneficiaries`} insured={insured} onChange={onChange} /> : null}
      {healthQuestions && healthQuestions.length > 0 ? (
        <HealthQuestions at={`${at}/healthAnswers`} questions={healthQuestions} answers={insured.healthAnswers} onChange={(healthAnswers) => onChange({ ...insured, healthAnswers })} />
      ) : null}
    </Card>
  );
}
