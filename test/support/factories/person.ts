import { randomInt } from 'node:crypto';

/**
 * Realistic personal information of a made-up person, different on every call, so tests can run in
 * parallel without cleanup and can search logs and dumps for values that are certainly unique.
 * ID numbers carry a correct check digit and bank cards pass Luhn, as real ones do.
 */
export interface PersonPi {
  name: string;
  phone: string;
  idNumber: string;
  bankCard: string;
  email: string;
  address: string;
  passport: string;
  birthDate: string;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '欧阳', '司马'];
const givenChars = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀', '霞', '平'];
const districts = ['北京市朝阳区建国路', '上海市浦东新区世纪大道', '广州市天河区天河路', '成都市武侯区人民南路', '杭州市西湖区文三路'];
const regionCodes = ['110101', '110105', '310115', '440106', '510107', '330106'];
// Allocated mainland mobile prefixes (China Mobile, Unicom, Telecom), so numbers pass validation.
const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189'];

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)] as T;
}

function digits(count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(randomInt(10));
  return text;
}

export function residentIdCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return '10X98765432'[sum % 11] as string;
}

export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  [...payload].reverse().forEach((char, index) => {
    let value = Number(char);
    if (index % 2 === 0) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  });
  return String((10 - (sum % 10)) % 10);
}

export function buildPersonPi(overrides: Partial<PersonPi> = {}): PersonPi {
  const year = 1950 + randomInt(55);
  const month = String(1 + randomInt(12)).padStart(2, '0');
  const day = String(1 + randomInt(28)).padStart(2, '0');
  const first17 = `${pick(regionCodes)}${year}${month}${day}${digits(3)}`;
  const cardPayload = `62${digits(15)}`;
  const name = pick(surnames) + pick(givenChars) + (randomInt(2) === 0 ? pick(givenChars) : '');
  return {
    name,
    phone: `${pick(mobilePrefixes)}${digits(8)}`,
    idNumber: first17 + residentIdCheckCharacter(first17),
    bankCard: cardPayload + luhnCheckDigit(cardPayload),
    email: `user.${digits(8)}@example.cn`,
    address: `${pick(districts)}${1 + randomInt(300)}号${1 + randomInt(30)}栋${100 + randomInt(2000)}室`,
    passport: `E${digits(8)}`,
    birthDate: `${year}-${month}-${day}`,
    ...overrides,
  };
}
