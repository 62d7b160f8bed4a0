import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { emptyBeneficiary, type BeneficiaryForm, type InsuredForm } from './applicationForm';
import { ProblemField, ProblemNote, useTouch } from './FieldProblems';
import { DocumentFields } from './PersonFields';

const RELATIONSHIPS = ['spouse', 'child', 'parent', 'other'] as const;
// A policy names a handful of beneficiaries; the server takes at most ten.
const MAX_BENEFICIARIES = 10;

/**
 * 身故受益人 of one insured person: the statutory heirs (法定) unless the person names beneficiaries with
 * their documents and whole-per-cent shares adding up to 100 (accident and medical cover only).
 */
export function BeneficiaryFields({ at, insured, onChange }: { at: string; insured: InsuredForm; onChange: (next: InsuredForm) => void }) {
  const { t } = useTranslation();
  const touch = useTouch();
  const setOne = (index: number, next: BeneficiaryForm) => onChange({ ...insured, beneficiaries: insured.beneficiaries.map((entry, position) => (position === index ? next : entry)) });
  return (
    <fieldset className="purchase-beneficiaries">
      <legend>{t('purchase.beneficiaries.title')}</legend>
      <ProblemField pointer={`${at}/kind`} label={null}>
        <Radio.Group
          value={insured.beneficiaryKind}
          onChange={(event) => {
            const kind = event.target.value as InsuredForm['beneficiaryKind'];
            onChange({ ...insured, beneficiaryKind: kind, beneficiaries: kind === 'named' && insured.beneficiaries.length === 0 ? [emptyBeneficiary()] : insured.beneficiaries });
          }}
          options={[
            { value: 'statutory', label: t('purchase.beneficiaries.statutory') },
            { value: 'named', label: t('purchase.beneficiaries.named') },
          ]}
        />
      </ProblemField>
      <ProblemNote pointer={`${at}/named`} />
      {insured.beneficiaryKind === 'named'
        ? insured.beneficiaries.map((beneficiary, index) => {
            const entryAt = `${at}/named/${index}`;
            return (
              <div key={beneficiary.key} className="purchase-beneficiary">
                <ProblemField pointer={`${entryAt}/name`} label={t('purchase.beneficiaries.name')}>
                  <Input value={beneficiary.name} maxLength={60} onChange={(event) => setOne(index, { ...beneficiary, name: event.target.value })} />
                </ProblemField>
                <DocumentFields at={`${entryAt}/idDocument`} value={beneficiary.idDocument} onChange={(idDocument) => setOne(index, { ...beneficiary, idDocument })} />
                <div className="purchase-pair">
                  <ProblemField pointer={`${entryAt}/relationship`} label={t('purchase.beneficiaries.relationship')}>
                    <Select
                      value={beneficiary.relationship || undefined}
                      placeholder={t('purchase.insured.relationshipPlaceholder')}
                      options={RELATIONSHIPS.map((value) => ({ value, label: t(`purchase.beneficiaries.relationships.${value}`) }))}
                      onChange={(relationship: BeneficiaryForm['relationship']) => {
                        touch(`${entryAt}/relationship`);
                        setOne(index, { ...beneficiary, relationship });
                      }}
                    />
                  </ProblemField>
                  <ProblemField pointer={`${entryAt}/sharePercent`} label={t('purchase.beneficiaries.share')}>
                    <InputNumber min={1} max={100} precision={0} suffix="%" value={beneficiary.sharePercent} onChange={(sharePercent) => setOne(index, { ...beneficiary, sharePercent })} />
                  </ProblemField>
                </div>
                {insured.beneficiaries.length > 1 ? (
                  <Button type="link" danger icon={<DeleteOutlined />} onClick={() => onChange({ ...insured, beneficiaries: insured.beneficiaries.filter((_entry, position) => position !== index) })}>
                    {t('purchase.beneficiaries.remove')}
                  </Button>
                ) : null}
              </div>
            );
          })
        : null}
      {insured.beneficiaryKind === 'named' && insured.beneficiaries.length < MAX_BENEFICIARIES ? (
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange({ ...insured, beneficiaries: [...insured.beneficiaries, emptyBeneficiary()] })}>
          {t('purchase.beneficiaries.add')}
        </Button>
      ) : null}
    </fieldset>
  );
}
