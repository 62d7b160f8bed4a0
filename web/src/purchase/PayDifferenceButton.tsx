import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** 去支付 for a date change's extra premium: to the provider's page, busy until the browser has gone there. */
export function PayDifferenceButton({ payUrl, testId }: { payUrl: string; testId: string }) {
  const { t } = useTranslation();
  const [isLeaving, setLeaving] = useState(false);
  const pay = () => {
    setLeaving(true);
    window.location.assign(payUrl);
  };
  return (
    <Button type="primary" size="small" loading={isLeaving} onClick={pay} data-testid={testId}>
      {t('myInsurance.dateChange.pay')}
    </Button>
  );
}
