import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useMemo } from 'react';
import { useLanguage } from '../../../shared/useLanguage';

// The passports travellers booking here most often hold come first; then every ISO 3166-1 code.
// Residents of Taiwan travel to the mainland on the 台湾居民来往大陆通行证, a document type of its own.
const COMMON = ['CN', 'HK', 'MO', 'US', 'GB', 'CA', 'AU', 'JP', 'KR', 'SG', 'MY'];
const ALL = 'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(' ');

/** Issuing country of a passport, named in the page's language by the browser (Intl.DisplayNames). */
export function IssuingCountrySelect(props: Omit<SelectProps<string>, 'options' | 'showSearch'>) {
  const { language } = useLanguage();
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    return [...COMMON, ...ALL.filter((code) => !COMMON.includes(code))].map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
  }, [language]);
  return <Select size="large" {...props} showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="profile-issuing-country" />;
}
