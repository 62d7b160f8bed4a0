import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COVERAGE_ITEMS, coverageItemNames } from '../../../../src/shared/catalogue/terms.ts';
import { saveProductPlans, type PlanInput, type StaffProductDetail } from '../../api/catalogue';
import { useLanguage } from '../../shared/useLanguage';
import { pick } from '../format';
import { planFormValues, plansOfForm, type PlanFormValues } from './editorForms';
import { ProblemsNotice } from './ProblemsNotice';
import { SaveButtons } from './SaveButtons';
import { useProductForm } from './useProductEdit';

/**
 * 方案与保障: the plans in level order, each with its coverage rows (amounts in yuan). Read-only once
 * the product is sold: orders point at its plans and policies print their rows.
 */
export function PlansEditor({ product, canEdit }: { product: StaffProductDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { form, shown, isSaving, submit, reset } = useProductForm<PlanFormValues, PlanInput[]>('plans', (plans) => saveProductPlans(product.code, plans));
  const editable = canEdit && !product.isSold;
  const required = [{ required: true, message: t('catalogue.edit.terms.required') }];
  const itemOptions = COVERAGE_ITEMS.map((value) => ({ value, label: pick(coverageItemNames[value], language) }));

  return (
    <Form<PlanFormValues> form={form} layout="vertical" initialValues={planFormValues(product.plans)} disabled={!editable} onFinish={(values) => submit(plansOfForm(values))} data-testid="plans-form">
      <ProblemsNotice shown={shown} testId="plans-problems" />
      <Typography.Paragraph type="secondary">{t('catalogue.edit.plans.levelHint')}</Typography.Paragraph>
      <Form.List name="plans">
        {(plans, { add, remove, move }) => (
          <Space orientation="vertical" size="middle" className="catalogue-edit__stack">
            {plans.map((plan, index) => (
              <Card
                key={plan.key}
                size="small"
                data-testid="plan-card"
                title={t('catalogue.edit.plans.level', { level: index + 1 })}
                extra={
                  editable ? (
                    <Space size={4}>
                      <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('catalogue.edit.plans.moveUp')} disabled={index === 0} onClick={() => move(index, index - 1)} />
                      <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('catalogue.edit.plans.moveDown')} disabled={index === plans.length - 1} onClick={() => move(index, index + 1)} />
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('catalogue.edit.plans.remove')} onClick={() => remove(index)} />
                    </Space>
                  ) : null
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item name={[plan.name, 'code']} label={t('catalogue.edit.plans.code')} rules={required}>
                      <Input maxLength={32} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[plan.name, 'nameZh']} label={t('catalogue.edit.plans.nameZh')} rules={required}>
                      <Input maxLength={30} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[plan.name, 'nameEn']} label={t('catalogue.edit.plans.nameEn')} rules={required}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[plan.name, 'schengenCompliant']} valuePropName="checked" label=" ">
                      <Checkbox>{t('catalogue.edit.plans.schengen')}</Checkbox>
                    </Form.Item>
                  </Col>
                </Row>
                <CoverageRows planName={plan.name} planIndex={index} editable={editable} itemOptions={itemOptions} />
              </Card>
            ))}
            {editable ? (
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', nameZh: '', nameEn: '', schengenCompliant: false, coverages: [] })}>
                {t('catalogue.edit.plans.add')}
              </Button>
            ) : null}
          </Space>
        )}
      </Form.List>
      {editable ? (
        <SaveButtons isSaving={isSaving} testId="plans-save" onReset={reset} />
      ) : null}
    </Form>
  );
}

/** The coverage rows of one plan; on a narrow screen each row wraps into a small block. */
function CoverageRows({ planName, planIndex, editable, itemOptions }: { planName: number; planIndex: number; editable: boolean; itemOptions: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('catalogue.edit.terms.required') }];
  return (
    <Form.List name={[planName, 'coverages']}>
      {(rows, { add, remove }) => (
        <div className="catalogue-edit__coverages">
          {rows.map((row, index) => (
            <Row key={row.key} gutter={8} className="catalogue-edit__coverage" data-testid={`coverage-${planIndex}-${index}`}>
              <Col xs={24} md={5}>
                <Form.Item name={[row.name, 'item']} label={t('catalogue.edit.plans.item')} rules={required}>
                  <Select options={itemOptions} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[row.name, 'itemZh']} label={t('catalogue.edit.plans.itemZh')} rules={required}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={[row.name, 'itemEn']} label={t('catalogue.edit.plans.itemEn')} rules={required}>
                  <Input maxLength={80} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[row.name, 'sumInsuredYuan']} label={t('catalogue.edit.plans.sumInsured')} rules={required}>
                  <InputNumber min={0} precision={2} className="catalogue-edit__number" data-testid="coverage-sum-insured" />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[row.name, 'deductibleYuan']} label={t('catalogue.edit.plans.deductible')}>
                  <InputNumber min={0} precision={2} className="catalogue-edit__number" />
                </Form.Item>
              </Col>
              <Col xs={24} md={11}>
                <Form.Item name={[row.name, 'detailZh']} label={t('catalogue.edit.plans.detailZh')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={20} md={12}>
                <Form.Item name={[row.name, 'detailEn']} label={t('catalogue.edit.plans.detailEn')}>
                  <Input maxLength={400} />
                </Form.Item>
              </Col>
              {editable ? (
                <Col xs={4} md={1} className="catalogue-edit__row-remove">
                  <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('catalogue.edit.plans.removeCoverage')} onClick={() => remove(index)} />
                </Col>
              ) : null}
            </Row>
          ))}
          {editable ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ item: undefined, itemZh: '', itemEn: '', detailZh: '', detailEn: '', sumInsuredYuan: null, deductibleYuan: 0 })}>
              {t('catalogue.edit.plans.addCoverage')}
            </Button>
          ) : null}
        </div>
      )}
    </Form.List>
  );
}
