import { Input } from 'antd';
import type { InputProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** A mainland mobile number; the server accepts it with or without +86, spaces or dashes. */
export function PhoneInput(props: Omit<InputProps, 'type' | 'inputMode' | 'autoComplete' | 'prefix'>) {
  const { t } = useTranslation();
  return (
    <Input
      data-testid="sign-in-phone"
      {...props}
      size="large"
      type="tel"
      inputMode="tel"
      autoComplete="tel-national"
      maxLength={20}
      prefix={<span className="phone-input__country">+86</span>}
      placeholder={t('auth.phonePlaceholder')}
    />
  );
}
