import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** 保存 (submits the form around it) and 还原 (back to what the server holds). */
export function SaveButtons({ isSaving, onReset, testId }: { isSaving: boolean; onReset: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space wrap className="catalogue-edit__actions">
      <Button type="primary" htmlType="submit" loading={isSaving} data-testid={testId}>
        {t('catalogue.edit.save')}
      </Button>
      <Button onClick={onReset}>{t('catalogue.edit.reset')}</Button>
    </Space>
  );
}
