import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, documentKindNames, type ProductDocumentKind } from '../../../../src/shared/catalogue/terms.ts';
import { addDocumentVersion, fetchDocumentVersion, type DocumentInput, type StaffProductDetail } from '../../api/catalogue';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useLanguage } from '../../shared/useLanguage';
import { localised, pick } from '../format';
import { ProblemsNotice } from './ProblemsNotice';
import { VersionHistory } from './VersionHistory';
import { useFormProblems, useProductEdit } from './useProductEdit';

type History = StaffProductDetail['documentHistory'];

/**
 * 文档: each document's version in force with its hash, every earlier version (who wrote it, when,
 * its full text), and a new version prefilled with the current text. A new version is used by new
 * sales at once; sold policies keep the version whose hash their sale recorded.
 */
export function DocumentsPanel({ product, canEdit }: { product: StaffProductDetail; canEdit: boolean }) {
  const asksHealth = product.insuredFields.includes('health_declaration') || product.documents.some((document) => document.kind === 'health_declaration');
  const kinds = DOCUMENT_KINDS.filter((kind) => kind !== 'health_declaration' || asksHealth);
  return (
    <Space orientation="vertical" size="middle" className="catalogue-edit__stack">
      {kinds.map((kind) => (
        <DocumentCard key={kind} product={product} kind={kind} canEdit={canEdit} />
      ))}
    </Space>
  );
}

function DocumentCard({ product, kind, canEdit }: { product: StaffProductDetail; kind: ProductDocumentKind; canEdit: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [isEditing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const current = product.documents.find((document) => document.kind === kind);
  const history: History = product.documentHistory.filter((row) => row.kind === kind);
  return (
    <Card
      size="small"
      title={pick(documentKindNames[kind], language)}
      data-testid={`document-${kind}`}
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(true)} data-testid={`document-${kind}-new`}>
            {t('catalogue.edit.documents.newVersion')}
          </Button>
        ) : null
      }
    >
      {current ? (
        <p data-testid={`document-${kind}-current`} data-version={current.version}>
          {t('catalogue.edit.documents.current', { version: current.version })} · {t('catalogue.edit.documents.hash')} <code className="privacy-id">{current.textHash.slice(0, 16)}…</code>
        </p>
      ) : (
        <p className="privacy-muted">{t('catalogue.edit.documents.none')}</p>
      )}
      {history.length > 0 ? (
        <VersionHistory rows={history.map(({ textHash, ...row }) => ({ ...row, hash: textHash }))} viewLabel={t('catalogue.edit.documents.view')} onView={setViewing} />
      ) : null}
      {viewing !== null ? <VersionModal code={product.code} kind={kind} version={viewing} onClose={() => setViewing(null)} /> : null}
      {isEditing ? <NewVersionModal product={product} kind={kind} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

function VersionModal({ code, kind, version, onClose }: { code: string; kind: ProductDocumentKind; version: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const document = useQuery({ queryKey: ['console', 'catalogue', 'document', code, kind, version], queryFn: ({ signal }) => fetchDocumentVersion(code, kind, version, signal) });
  return (
    <Modal open width={760} title={`${pick(documentKindNames[kind], language)} v${version}`} onCancel={onClose} footer={<Button onClick={onClose}>{t('catalogue.edit.documents.close')}</Button>}>
      {document.isPending ? <Spin /> : null}
      {document.isError ? <ErrorNotice error={document.error} /> : null}
      {document.data ? (
        <div className="catalogue-edit__document" data-testid="document-version-text">
          <Typography.Title level={5}>{localised(document.data, 'title', language)}</Typography.Title>
          <pre>{localised(document.data, 'body', language)}</pre>
          {(document.data.questions ?? []).map((question) => (
            <p key={question.id}>
              <code>{question.id}</code> {pick(question, language)}
            </p>
          ))}
          <p className="privacy-muted">
            {t('catalogue.edit.documents.hash')} <code className="privacy-id">{document.data.textHash}</code>
          </p>
        </div>
      ) : null}
    </Modal>
  );
}

function NewVersionModal({ product, kind, onClose }: { product: StaffProductDetail; kind: ProductDocumentKind; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<DocumentInput>();
  const { shown, showProblems } = useFormProblems(form);
  const current = product.documents.find((document) => document.kind === kind);
  const save = useProductEdit('document', (document: DocumentInput) => addDocumentVersion(product.code, document), (detail) => {
    const written = detail.documents.find((document) => document.kind === kind);
    void message.success(written && written.version !== current?.version ? t('catalogue.edit.documents.saved', { version: written.version }) : t('catalogue.edit.documents.unchanged'));
    onClose();
  });
  const required = [{ required: true, whitespace: true, message: t('catalogue.edit.terms.required') }];
  const initial: DocumentInput = {
    kind,
    titleZh: current?.titleZh ?? '',
    titleEn: current?.titleEn ?? '',
    bodyZh: current?.bodyZh ?? '',
    bodyEn: current?.bodyEn ?? '',
    questions: kind === 'health_declaration' ? (current?.questions ?? []) : null,
  };
  return (
    <Modal
      open
      width={860}
      title={t('catalogue.edit.documents.newVersionTitle', { kind: pick(documentKindNames[kind], language) })}
      okText={t('catalogue.edit.save')}
      cancelText={t('catalogue.edit.documents.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'document-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('catalogue.edit.documents.hint')}</Typography.Paragraph>
      <ProblemsNotice shown={shown} testId="document-problems" />
      <Form<DocumentInput> form={form} layout="vertical" initialValues={initial} onFinish={(values) => save.mutate({ ...initial, ...values, questions: kind === 'health_declaration' ? (values.questions ?? []) : null }, { onError: showProblems })}>
        <Form.Item name="kind" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="titleZh" label={t('catalogue.edit.documents.titleZh')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('catalogue.edit.documents.titleEn')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="bodyZh" label={t('catalogue.edit.documents.bodyZh')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} data-testid="document-body-zh" />
        </Form.Item>
        <Form.Item name="bodyEn" label={t('catalogue.edit.documents.bodyEn')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} data-testid="document-body-en" />
        </Form.Item>
        {kind === 'health_declaration' ? <QuestionsEditor /> : null}
      </Form>
    </Modal>
  );
}

function QuestionsEditor() {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('catalogue.edit.terms.required') }];
  return (
    <Form.List name="questions">
      {(questions, { add, remove }) => (
        <Card size="small" title={t('catalogue.edit.documents.questions')}>
          {questions.map((question, index) => (
            <div key={question.key} className="catalogue-edit__question">
              <Form.Item name={[question.name, 'id']} label={t('catalogue.edit.documents.questionId')} rules={required}>
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item name={[question.name, 'zh']} label={t('catalogue.edit.documents.questionZh')} rules={required}>
                <Input.TextArea autoSize maxLength={300} />
              </Form.Item>
              <Form.Item name={[question.name, 'en']} label={t('catalogue.edit.documents.questionEn')} rules={required}>
                <Input.TextArea autoSize maxLength={600} />
              </Form.Item>
              <Button size="small" danger onClick={() => remove(index)}>
                {t('catalogue.edit.documents.removeQuestion')}
              </Button>
            </div>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ id: '', zh: '', en: '' })}>
            {t('catalogue.edit.documents.addQuestion')}
          </Button>
        </Card>
      )}
    </Form.List>
  );
}
