import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZONES, zoneNames } from '../../../../src/shared/catalogue/destinations.ts';
import { APPLICANT_FIELDS, MARKETING_TERMS_FIELDS, PRODUCT_TERMS_FIELDS, applicantFieldNames, productTypeNames } from '../../../../src/shared/catalogue/terms.ts';
import { updateProductTerms, type ProductTerms, type StaffProductDetail } from '../../api/catalogue';
import { useLanguage } from '../../shared/useLanguage';
import { localised, pick } from '../format';
import { ProblemsNotice } from './ProblemsNotice';
import { SaveButtons } from './SaveButtons';
import { useProductForm } from './useProductEdit';

export function termsOf(product: StaffProductDetail): ProductTerms {
  return Object.fromEntries(PRODUCT_TERMS_FIELDS.map((field) => [field, product[field]])) as ProductTerms;
}

/** 基本信息: the product's terms. Once sold, only the summary and the list order stay open. */
export function TermsForm({ product, canEdit }: { product: StaffProductDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { form, shown, isSaving, submit, reset } = useProductForm<ProductTerms, ProductTerms>('terms', (terms) => updateProductTerms(product.code, terms));
  const isFrozen = (field: keyof ProductTerms) => !canEdit || (product.isSold && !MARKETING_TERMS_FIELDS.includes(field));
  const label = (field: keyof ProductTerms) => t(`catalogue.edit.terms.${field}`);
  const required = [{ required: true, message: t('catalogue.edit.terms.required') }];
  const text = (field: 'nameZh' | 'nameEn', maxLength: number) => (
    <Form.Item name={field} label={label(field)} rules={required}>
      <Input maxLength={maxLength} disabled={isFrozen(field)} data-testid={`terms-${field}`} />
    </Form.Item>
  );
  const count = (field: 'minDays' | 'maxDays' | 'maxTripDays' | 'minAge' | 'maxAge' | 'maxInsured' | 'coolingOffDays' | 'sortOrder') => (
    <Col xs={12} md={6}>
      <Form.Item name={field} label={label(field)} rules={field === 'maxTripDays' ? [] : required}>
        <InputNumber min={0} precision={0} disabled={isFrozen(field)} className="catalogue-edit__number" data-testid={`terms-${field}`} />
      </Form.Item>
    </Col>
  );
  const fieldOptions = APPLICANT_FIELDS.map((value) => ({ value, label: pick(applicantFieldNames[value], language) }));

  return (
    <Form<ProductTerms>
      form={form}
      layout="vertical"
      initialValues={termsOf(product)}
      disabled={!canEdit}
      onFinish={(values) => submit({ ...values, maxTripDays: values.maxTripDays ?? null })}
      data-testid="terms-form"
    >
      <ProblemsNotice shown={shown} testId="terms-problems" />
      <p className="privacy-muted">
        {t('catalogue.edit.terms.type')}: {pick(productTypeNames[product.type], language)} · {t('catalogue.edit.terms.insurer')}: {localised(product.insurer, 'shortName', language)}
      </p>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {text('nameZh', 60)}
        </Col>
        <Col xs={24} md={12}>
          {text('nameEn', 120)}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="summaryZh" label={label('summaryZh')} rules={required}>
            <Input.TextArea rows={3} maxLength={300} showCount disabled={isFrozen('summaryZh')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="summaryEn" label={label('summaryEn')} rules={required}>
            <Input.TextArea rows={3} maxLength={600} showCount disabled={isFrozen('summaryEn')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="zones" label={label('zones')} rules={required}>
        <Select mode="multiple" disabled={isFrozen('zones')} options={ZONES.map((value) => ({ value, label: pick(zoneNames[value], language) }))} />
      </Form.Item>
      <Row gutter={16}>
        {count('minDays')}
        {count('maxDays')}
        {product.type === 'annual_multi_trip' ? count('maxTripDays') : null}
        {count('minAge')}
        {count('maxAge')}
        {count('maxInsured')}
        {count('coolingOffDays')}
        {count('sortOrder')}
      </Row>
      <Form.Item name="policyholderFields" label={label('policyholderFields')} rules={required}>
        <Select mode="multiple" disabled={isFrozen('policyholderFields')} options={fieldOptions} />
      </Form.Item>
      <Form.Item name="insuredFields" label={label('insuredFields')} rules={required}>
        <Select mode="multiple" disabled={isFrozen('insuredFields')} options={fieldOptions} />
      </Form.Item>
      {canEdit ? (
        <SaveButtons isSaving={isSaving} testId="terms-save" onReset={reset} />
      ) : null}
    </Form>
  );
}
