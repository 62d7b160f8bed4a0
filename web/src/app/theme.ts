import type { ThemeConfig } from 'antd';

export const BRAND_BLUE = '#1a56db';
export const BRAND_NAVY = '#0f1f3d';

// System fonts only: the CSP allows no external font hosts, and Chinese system fonts look right everywhere.
const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

const baseTheme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorTextBase: '#1f2937',
    borderRadius: 8,
    fontFamily,
    fontSize: 15,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 64,
      headerPadding: '0 24px',
      bodyBg: '#ffffff',
      footerBg: BRAND_NAVY,
      footerPadding: '0',
      siderBg: BRAND_NAVY,
      triggerBg: '#0b1830',
    },
    Menu: {
      darkItemBg: BRAND_NAVY,
      darkSubMenuItemBg: BRAND_NAVY,
      darkItemSelectedBg: BRAND_BLUE,
    },
  },
};

/** The theme, without antd's opening and closing animations for people who asked for less motion. */
export function themeFor({ reducesMotion }: { reducesMotion: boolean }): ThemeConfig {
  if (!reducesMotion) return baseTheme;
  return { ...baseTheme, token: { ...baseTheme.token, motion: false } };
}
