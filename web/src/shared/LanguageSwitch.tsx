import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { otherLanguage } from '../i18n/language';
import { useLanguage } from './useLanguage';

/** One button that flips between zh-CN and English; its label is written in the target language. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const target = otherLanguage(language);

  return (
    <Button
      className={className}
      data-testid="lang-switch"
      icon={<GlobalOutlined />}
      aria-label={t('language.switchLabel')}
      title={t('language.switchLabel')}
      onClick={() => void setLanguage(target)}
    >
      <span lang={target}>{t('language.switchText')}</span>
    </Button>
  );
}
