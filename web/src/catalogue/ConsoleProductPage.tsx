import { ArrowLeftOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { copyProduct, type StaffProductDetail } from '../api/catalogue';
import { ConsolePageHeader } from '../console/components/ConsolePageHeader';
import { RequirePermission } from '../console/components/RequirePermission';
import { useCurrentStaff } from '../console/hooks/useCurrentStaff';
import { hasPermission } from '../console/permissions';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { useLanguage } from '../shared/useLanguage';
import { DocumentsPanel } from './editing/DocumentsPanel';
import { PlansEditor } from './editing/PlansEditor';
import { ProblemList, ProblemsNotice } from './editing/ProblemsNotice';
import { RatingEditor } from './editing/RatingEditor';
import { TermsForm, termsOf } from './editing/TermsForm';
import { useFormProblems, useProductEdit } from './editing/useProductEdit';
import { localised } from './format';
import { ProductStatusButton } from './ProductStatusButton';
import { useStaffProduct } from './useCatalogue';
import '../console/components/privacy-pages.css';
import './editing/catalogue-edit.css';

/**
 * One product in the console (R-POL-1, R-POL-3): 基本信息, 方案与保障, 文档 and 费率表, with 上架/下架 and
 * 复制为新产品. Operations edit (catalogue.edit); other readers see the same tabs read-only. A sold
 * product says why its cover is frozen and offers the copy instead.
 */
function ProductEditor({ code }: { code: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useCurrentStaff();
  const product = useStaffProduct(code);
  const canEdit = hasPermission(me, 'catalogue.edit');
  const canPublish = hasPermission(me, 'catalogue.publish');
  useDocumentTitle(product.data ? localised(product.data, 'name', language) : t('catalogue.console.title'));
  if (product.isError) return <ErrorNotice error={product.error} onRetry={() => void product.refetch()} variant="result" />;
  if (!product.data) return <Spin description={t('catalogue.edit.loading')} />;
  const detail = product.data;

  return (
    <div className="console-page catalogue-edit">
      <Link to="/console/products" className="catalogue-edit__back">
        <ArrowLeftOutlined /> {t('catalogue.edit.back')}
      </Link>
      <ConsolePageHeader
        title={localised(detail, 'name', language)}
        subtitle={detail.code}
        testId="product-editor-title"
        actions={
          <Space wrap>
            <Tag color={detail.status === 'published' ? 'success' : 'default'} data-testid="product-editor-status" data-status={detail.status}>
              {t(`catalogue.console.statuses.${detail.status}`)}
            </Tag>
            {detail.isSold ? (
              <Tag color="blue" data-testid="product-editor-sold">
                {t('catalogue.edit.soldTag')}
              </Tag>
            ) : null}
            {canPublish ? <ProductStatusButton code={detail.code} status={detail.status} testIdPrefix="product-editor-status" /> : null}
            {canEdit ? <CopyButton product={detail} /> : null}
          </Space>
        }
      />
      {detail.isSold ? <Alert type="info" showIcon title={t('catalogue.edit.soldTitle')} description={t('catalogue.edit.soldBody')} data-testid="product-editor-sold-notice" /> : null}
      {canEdit ? null : <Alert type="info" showIcon title={t('catalogue.edit.readOnly')} />}
      {detail.problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('catalogue.edit.problemsTitle', { count: detail.problems.length })}
          description={<ProblemList problems={detail.problems} />}
        />
      ) : null}
      <Card>
        <Tabs
          items={[
            // Each editor starts again from the server's answer when what it edits changed there.
            { key: 'terms', label: <span data-testid="tab-terms">{t('catalogue.edit.tabs.terms')}</span>, children: <TermsForm key={JSON.stringify(termsOf(detail))} product={detail} canEdit={canEdit} /> },
            { key: 'plans', label: <span data-testid="tab-plans">{t('catalogue.edit.tabs.plans')}</span>, children: <PlansEditor key={JSON.stringify(detail.plans)} product={detail} canEdit={canEdit} /> },
            { key: 'documents', label: <span data-testid="tab-documents">{t('catalogue.edit.tabs.documents')}</span>, children: <DocumentsPanel product={detail} canEdit={canEdit} /> },
            { key: 'rating', label: <span data-testid="tab-rating">{t('catalogue.edit.tabs.rating')}</span>, children: <RatingEditor key={`${detail.rating?.hash ?? 'none'}:${detail.plans.map((plan) => plan.code).join()}`} product={detail} canEdit={canEdit} /> },
          ]}
        />
      </Card>
    </div>
  );
}

interface CopyValues {
  newCode: string;
  nameZh: string;
  nameEn: string;
}

/** 复制为新产品: a new draft under a new code, then its own page. */
function CopyButton({ product }: { product: StaffProductDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<CopyValues>();
  const { shown, showProblems, clear } = useFormProblems(form);
  const copy = useProductEdit('copy', (values: CopyValues) => copyProduct(product.code, values), (detail) => {
    void message.success(t('catalogue.edit.copy.done'));
    setOpen(false);
    clear();
    void navigate(`/console/products/${encodeURIComponent(detail.code)}`);
  });
  const required = [{ required: true, whitespace: true, message: t('catalogue.edit.terms.required') }];
  return (
    <>
      <Button icon={<CopyOutlined />} onClick={() => setOpen(true)} data-testid="product-copy">
        {t('catalogue.edit.copy.button')}
      </Button>
      <Modal
        open={isOpen}
        title={t('catalogue.edit.copy.title')}
        okText={t('catalogue.edit.copy.ok')}
        cancelText={t('catalogue.edit.copy.cancel')}
        okButtonProps={{ loading: copy.isPending, 'data-testid': 'product-copy-confirm' }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p className="privacy-muted">{t('catalogue.edit.copy.hint')}</p>
        <ProblemsNotice shown={shown} />
        <Form<CopyValues> form={form} layout="vertical" initialValues={{ newCode: `${product.code}-copy`, nameZh: product.nameZh, nameEn: product.nameEn }} onFinish={(values) => copy.mutate(values, { onError: showProblems })}>
          <Form.Item name="newCode" label={t('catalogue.edit.copy.newCode')} extra={t('catalogue.edit.copy.newCodeHint')} rules={required}>
            <Input maxLength={64} data-testid="product-copy-code" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('catalogue.edit.copy.nameZh')} rules={required}>
            <Input maxLength={60} data-testid="product-copy-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('catalogue.edit.copy.nameEn')} rules={required}>
            <Input maxLength={120} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function ConsoleProductPage() {
  const { code = '' } = useParams();
  return (
    <RequirePermission permission="catalogue.read">
      <ProductEditor key={code} code={code} />
    </RequirePermission>
  );
}
