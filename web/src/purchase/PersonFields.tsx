import { Input, Radio, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { occupationClassNames, type ApplicantField } from '../../../src/shared/catalogue/terms.ts';
import { ID_DOCUMENT_TYPES, idDocumentTypeNames, type IdDocumentType } from '../../../src/shared/identity-documents.ts';
import { pick } from '../catalogue/format';
import { beijingToday } from '../shared/beijingTime';
import { useLanguage } from '../shared/useLanguage';
import { IssuingCountrySelect } from '../site/components/profile/IssuingCountrySelect';
import type { DocumentForm, PersonForm } from './applicationForm';
import { ProblemField, useTouch } from './FieldProblems';

/** The kind and number of an identity document (with the issuing country of a passport). */
export function DocumentFields({ at, value, onChange, numberLabel }: { at: string; value: DocumentForm; onChange: (next: DocumentForm) => void; numberLabel?: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const touch = useTouch();
  return (
    <>
      <ProblemField pointer={`${at}/type`} label={t('purchase.person.idType')}>
        <Select<IdDocumentType>
          value={value.type}
          options={ID_DOCUMENT_TYPES.map((type) => ({ value: type, label: idDocumentTypeNames[type][language] }))}
          onChange={(type) => {
            touch(`${at}/type`);
            onChange({ ...value, type });
          }}
        />
      </ProblemField>
      {value.type === 'passport' ? (
        <ProblemField pointer={`${at}/issuingCountry`} label={t('purchase.person.issuingCountry')}>
          <IssuingCountrySelect size="middle" value={value.issuingCountry} onChange={(issuingCountry: string) => onChange({ ...value, issuingCountry })} />
        </ProblemField>
      ) : null}
      <ProblemField pointer={`${at}/number`} label={numberLabel ?? t('purchase.person.idNumber')}>
        <Input value={value.number} maxLength={32} autoComplete="off" spellCheck={false} onChange={(event) => onChange({ ...value, number: event.target.value })} />
      </ProblemField>
    </>
  );
}

/**
 * The boxes of one natural person, exactly those the product asks (`asked`, in the product's order):
 * data minimisation starts with not showing a box at all.
 */
export function PersonFields({ at, asked, value, onChange }: { at: string; asked: readonly ApplicantField[]; value: PersonForm; onChange: (next: PersonForm) => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const touch = useTouch();
  const set = (patch: Partial<PersonForm>) => onChange({ ...value, ...patch });
  const boxes: Partial<Record<ApplicantField, ReactNode>> = {
    name: (
      <ProblemField key="name" pointer={`${at}/name`} label={t('purchase.person.name')}>
        <Input value={value.name} maxLength={60} autoComplete="name" onChange={(event) => set({ name: event.target.value })} />
      </ProblemField>
    ),
    name_pinyin: (
      <ProblemField key="name_pinyin" pointer={`${at}/namePinyin`} label={t('purchase.person.namePinyin')} extra={t('purchase.person.namePinyinHint')}>
        <Input value={value.namePinyin} maxLength={110} autoComplete="off" spellCheck={false} onChange={(event) => set({ namePinyin: event.target.value.toUpperCase() })} />
      </ProblemField>
    ),
    id_number: <DocumentFields key="id_number" at={`${at}/idDocument`} value={value.idDocument} onChange={(idDocument) => set({ idDocument })} />,
    passport_number: (
      <div key="passport_number" className="purchase-pair">
        <ProblemField pointer={`${at}/passportCountry`} label={t('purchase.person.passportCountry')}>
          <IssuingCountrySelect size="middle" value={value.passportCountry} onChange={(passportCountry: string) => set({ passportCountry })} />
        </ProblemField>
        <ProblemField pointer={`${at}/passportNumber`} label={t('purchase.person.passportNumber')}>
          <Input value={value.passportNumber} maxLength={24} autoComplete="off" spellCheck={false} onChange={(event) => set({ passportNumber: event.target.value.toUpperCase() })} />
        </ProblemField>
      </div>
    ),
    birth_date: (
      <ProblemField key="birth_date" pointer={`${at}/birthDate`} label={t('purchase.person.birthDate')}>
        <Input type="date" max={beijingToday()} value={value.birthDate} onChange={(event) => set({ birthDate: event.target.value })} />
      </ProblemField>
    ),
    sex: (
      <ProblemField key="sex" pointer={`${at}/sex`} label={t('purchase.person.sex')}>
        <Radio.Group
          value={value.sex || undefined}
          onChange={(event) => {
            touch(`${at}/sex`);
            set({ sex: event.target.value as PersonForm['sex'] });
          }}
          options={[
            { value: 'male', label: t('purchase.person.male') },
            { value: 'female', label: t('purchase.person.female') },
          ]}
        />
      </ProblemField>
    ),
    phone: (
      <ProblemField key="phone" pointer={`${at}/phone`} label={t('purchase.person.phone')}>
        <Input value={value.phone} maxLength={20} inputMode="tel" autoComplete="tel" onChange={(event) => set({ phone: event.target.value })} />
      </ProblemField>
    ),
    email: (
      <ProblemField key="email" pointer={`${at}/email`} label={t('purchase.person.email')}>
        <Input value={value.email} maxLength={254} type="email" autoComplete="email" onChange={(event) => set({ email: event.target.value })} />
      </ProblemField>
    ),
    occupation: (
      <ProblemField key="occupation" pointer={`${at}/occupationClass`} label={t('purchase.person.occupation')}>
        <Select<number>
          value={value.occupationClass ?? undefined}
          placeholder={t('purchase.person.occupationPlaceholder')}
          options={Object.entries(occupationClassNames).map(([key, name]) => ({ value: Number(key), label: pick(name, language) }))}
          onChange={(occupationClass) => {
            touch(`${at}/occupationClass`);
            set({ occupationClass });
          }}
        />
      </ProblemField>
    ),
  };
  return <div className="purchase-person">{asked.map((field) => boxes[field] ?? null)}</div>;
}
