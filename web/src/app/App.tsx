import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, useState } from 'react';
// The react-dom flavour wires up flushSync, which navigations that must land before a state change rely on.
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../api/queryClient';
import { useLanguage } from '../shared/useLanguage';
import { usePrefersReducedMotion } from '../shared/usePrefersReducedMotion';
import { router } from './router';
import { themeFor } from './theme';

// No dayjs locale is loaded: nothing in the shell renders an antd date component yet.
// Add dayjs.locale() next to this when the first DatePicker arrives.
export function App() {
  const [queryClient] = useState(createQueryClient);
  const { language } = useLanguage();
  const reducesMotion = usePrefersReducedMotion();
  const theme = useMemo(() => themeFor({ reducesMotion }), [reducesMotion]);

  return (
    <QueryClientProvider client={queryClient}>
      {/* antd would put a space between two-character Chinese button labels (重 试); Chinese sites don't. */}
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntdApp>
          <RouterProvider router={router} />
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
