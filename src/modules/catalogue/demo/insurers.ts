import type { InsurerDefinition } from '../import-product.ts';

/** Three invented insurers for the demo (licence numbers marked DEMO, 400 lines that belong to no one). */
export const demoInsurers: InsurerDefinition[] = [
  {
    code: 'haiyan',
    fullNameZh: '海晏财产保险股份有限公司',
    fullNameEn: 'Haiyan Property & Casualty Insurance Co., Ltd.',
    shortNameZh: '海晏财险',
    shortNameEn: 'Haiyan P&C',
    licenceNumber: 'DEMO-000101',
    servicePhone: '400-820-0101',
    claimsHotline: '400-820-0199',
    website: null,
    addressZh: '上海市浦东新区滨江演示路 101 号',
    addressEn: '101 Binjiang Demo Road, Pudong, Shanghai',
  },
  {
    code: 'chengchuan',
    fullNameZh: '澄川财产保险股份有限公司',
    fullNameEn: 'Chengchuan General Insurance Co., Ltd.',
    shortNameZh: '澄川保险',
    shortNameEn: 'Chengchuan Insurance',
    licenceNumber: 'DEMO-000202',
    servicePhone: '400-830-0202',
    claimsHotline: '400-830-0299',
    website: null,
    addressZh: '浙江省杭州市西湖区湖畔演示街 202 号',
    addressEn: '202 Lakeside Demo Street, Xihu, Hangzhou, Zhejiang',
  },
  {
    code: 'yunfan',
    fullNameZh: '云帆人寿保险股份有限公司',
    fullNameEn: 'Yunfan Life Insurance Co., Ltd.',
    shortNameZh: '云帆人寿',
    shortNameEn: 'Yunfan Life',
    licenceNumber: 'DEMO-000303',
    servicePhone: '400-860-0303',
    claimsHotline: '400-860-0399',
    website: null,
    addressZh: '广东省深圳市南山区科技演示大道 303 号',
    addressEn: '303 Science Demo Avenue, Nanshan, Shenzhen, Guangdong',
  },
];
