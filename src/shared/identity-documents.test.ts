import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateOf,
  hasValidCheckCharacter,
  ID_DOCUMENT_TYPES,
  idDocumentLookupKey,
  idProblemText,
  normaliseIdNumber,
  residentIdCheckCharacter,
  sexOf,
  todayInBeijing,
  validateIdDocument,
  type IdProblem,
} from './identity-documents.ts';

const today = '2025-06-15';
const problemOf = (type: Parameters<typeof validateIdDocument>[0]['type'], number: string, options: Parameters<typeof validateIdDocument>[1] = { today }): IdProblem | 'valid' => {
  const result = validateIdDocument({ type, number }, options);
  return result.isValid ? 'valid' : result.problem;
};

const provinces = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
const digitString = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((digits) => digits.join(''));
const birthDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
/** Any well-formed 居民身份证 number born by `today`, with its birth date. */
const residentId = fc.tuple(fc.constantFrom(...provinces), digitString(4), birthDate, digitString(3)).map(([province, area, born, sequence]) => {
  const first17 = `${province}${area}${born.replaceAll('-', '')}${sequence}`;
  return { number: first17 + residentIdCheckCharacter(first17), born };
});

describe('居民身份证 (R-ACC-4)', () => {
  it('R-ACC-4 accepts real-format numbers, including the X check character of GB 11643', () => {
    expect(problemOf('resident_id', '11010519491231002X')).toBe('valid');
    expect(problemOf('resident_id', '11010519491231002x')).toBe('valid');
    expect(problemOf('resident_id', '440524188001010014')).toBe('valid');
    expect(problemOf('resident_id', ' 110101 20000229 0034 ')).toBe('valid');
    expect(problemOf('resident_id', '１１０１０５１９４９１２３１００２Ｘ')).toBe('valid');
  });

  it('R-ACC-4 tells what is wrong: length, region, birth date, future birth, check digit', () => {
    expect(problemOf('resident_id', '')).toBe('required');
    expect(problemOf('resident_id', '1101051949123100')).toBe('format');
    expect(problemOf('resident_id', '110105194912310X2X')).toBe('format');
    expect(problemOf('resident_id', '99010519491231002X')).toBe('region');
    expect(problemOf('resident_id', '110101200102290035')).toBe('birth_date_invalid');
    expect(problemOf('resident_id', '110101203001010011', { today })).toBe('birth_date_future');
    expect(problemOf('resident_id', '110105194912310021')).toBe('check_digit');
  });

  it('R-ACC-4 reads the birth date and the sex (17th digit odd: male) from the number', () => {
    const result = validateIdDocument({ type: 'resident_id', number: '11010519491231002x' }, { today });
    expect(result).toEqual({ isValid: true, document: { type: 'resident_id', number: '11010519491231002X', issuingCountry: null, birthDate: '1949-12-31', sex: 'female' } });
    expect(birthDateOf('440524188001010014')).toBe('1880-01-01');
    expect(sexOf('440524188001010014')).toBe('male');
    expect(birthDateOf('E12345678')).toBeNull();
    expect(birthDateOf('110101200102290035')).toBeNull();
  });

  it('R-ACC-4 checks the number against the stated birth date and sex', () => {
    const number = '11010519491231002X';
    expect(problemOf('resident_id', number, { today, stated: { sex: 'female', birthDate: '1949-12-31' } })).toBe('valid');
    expect(problemOf('resident_id', number, { today, stated: { sex: 'male' } })).toBe('sex_mismatch');
    expect(problemOf('resident_id', number, { today, stated: { birthDate: '1950-01-01' } })).toBe('birth_date_mismatch');
    expect(problemOf('resident_id', number, { today, stated: { sex: null, birthDate: null } })).toBe('valid');
  });

  it('R-ACC-4 every generated well-formed number validates, with its birth date and sex', () => {
    fc.assert(
      fc.property(residentId, ({ number, born }) => {
        const result = validateIdDocument({ type: 'resident_id', number }, { today });
        expect(result.isValid).toBe(true);
        if (!result.isValid) return;
        expect(result.document.birthDate).toBe(born);
        expect(result.document.sex).toBe(Number(number[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('R-ACC-4 changing any one character of a valid number makes it invalid', () => {
    fc.assert(
      fc.property(residentId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), ({ number }, position, shift) => {
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(number[position] as string);
        const replacement = alphabet[(current + shift) % alphabet.length] as string;
        fc.pre(replacement !== number[position]);
        const changed = number.slice(0, position) + replacement + number.slice(position + 1);
        expect(hasValidCheckCharacter(changed)).toBe(false);
        expect(validateIdDocument({ type: 'resident_id', number: changed }, { today }).isValid).toBe(false);
      }),
    );
  });

  it('R-ACC-4 swapping two different adjacent digits is caught too', () => {
    fc.assert(
      fc.property(residentId, fc.integer({ min: 0, max: 15 }), ({ number }, position) => {
        fc.pre(number[position] !== number[position + 1]);
        const swapped = number.slice(0, position) + number[position + 1] + number[position] + number.slice(position + 2);
        expect(hasValidCheckCharacter(swapped)).toBe(false);
      }),
    );
  });
});

describe('other identity documents (R-ACC-4)', () => {
  it('R-ACC-4 passports: Chinese E/G numbers strictly, other countries 5–20 letters and digits', () => {
    expect(validateIdDocument({ type: 'passport', number: 'e12345678' }).isValid).toBe(true);
    expect(validateIdDocument({ type: 'passport', number: 'EA1234567', issuingCountry: 'CN' }).isValid).toBe(true);
    expect(validateIdDocument({ type: 'passport', number: 'G12345678' }).isValid).toBe(true);
    expect(validateIdDocument({ type: 'passport', number: 'K12345678' })).toEqual({ isValid: false, problem: 'format' });
    expect(validateIdDocument({ type: 'passport', number: 'E1234567' })).toEqual({ isValid: false, problem: 'format' });
    expect(validateIdDocument({ type: 'passport', number: 'C01X00T47', issuingCountry: 'de' })).toMatchObject({ isValid: true, document: { issuingCountry: 'DE', number: 'C01X00T47' } });
    expect(validateIdDocument({ type: 'passport', number: '1234', issuingCountry: 'US' })).toEqual({ isValid: false, problem: 'format' });
    expect(validateIdDocument({ type: 'passport', number: 'AB-12345', issuingCountry: 'GB' })).toEqual({ isValid: false, problem: 'format' });
    expect(validateIdDocument({ type: 'passport', number: '123456789', issuingCountry: 'USA' })).toEqual({ isValid: false, problem: 'country_invalid' });
  });

  it('R-ACC-4 港澳居民来往内地通行证: H or M and 8 or 10 digits', () => {
    for (const number of ['H12345678', 'm12345678', 'H1234567890']) expect(problemOf('hk_macao_permit', number)).toBe('valid');
    for (const number of ['H1234567', 'X12345678', 'H123456789', '12345678']) expect(problemOf('hk_macao_permit', number)).toBe('format');
  });

  it('R-ACC-4 台湾居民来往大陆通行证: 8 digits', () => {
    expect(problemOf('taiwan_permit', '01234567')).toBe('valid');
    for (const number of ['1234567', '123456789', 'T1234567']) expect(problemOf('taiwan_permit', number)).toBe('format');
  });

  it('R-ACC-4 港澳台居民居住证: 18 characters from 810000/820000/830000 with the same check character', () => {
    expect(problemOf('hmt_residence_permit', '810000199001011230')).toBe('valid');
    const first17 = '83000019851111002';
    expect(problemOf('hmt_residence_permit', first17 + residentIdCheckCharacter(first17))).toBe('valid');
    expect(problemOf('hmt_residence_permit', '810000199001011231')).toBe('check_digit');
    expect(problemOf('hmt_residence_permit', '11010519491231002X')).toBe('region');
    expect(problemOf('resident_id', '810000199001011230')).toBe('region');
    expect(validateIdDocument({ type: 'hmt_residence_permit', number: '810000199001011230' }, { stated: { sex: 'female' } })).toEqual({ isValid: false, problem: 'sex_mismatch' });
  });

  it('R-ACC-4 normalisation folds width, drops spaces and upper-cases; lookup keys separate types', () => {
    expect(normaliseIdNumber(' 11010519491231002x\t')).toBe('11010519491231002X');
    expect(normaliseIdNumber('ｅ１２３４５６７８')).toBe('E12345678');
    const digits = { number: '12345678', issuingCountry: null };
    expect(idDocumentLookupKey({ type: 'taiwan_permit', ...digits })).not.toBe(idDocumentLookupKey({ type: 'hk_macao_permit', ...digits }));
    expect(idDocumentLookupKey({ type: 'passport', number: 'E12345678', issuingCountry: 'CN' })).toBe('passport:CN:E12345678');
  });

  it('R-ACC-4 every problem has a text in both languages that never repeats the number', () => {
    const problems: IdProblem[] = ['required', 'format', 'region', 'birth_date_invalid', 'birth_date_future', 'check_digit', 'country_invalid', 'birth_date_mismatch', 'sex_mismatch'];
    for (const type of ID_DOCUMENT_TYPES) {
      for (const problem of problems) {
        for (const language of ['zh-CN', 'en'] as const) {
          const text = idProblemText(problem, type, language);
          expect(text.length).toBeGreaterThan(5);
          expect(text).not.toMatch(/\d{6,}/);
        }
      }
    }
  });
});

describe('birthDateOf and ageOn (for minors and purchases)', () => {
  it('R-ACC-4 age in full years, counting the birthday itself', () => {
    expect(ageOn('2011-06-15', '2025-06-14')).toBe(13);
    expect(ageOn('2011-06-15', '2025-06-15')).toBe(14);
    expect(ageOn('1949-12-31', '2025-01-01')).toBe(75);
    expect(ageOn('2025-06-15', '2025-06-15')).toBe(0);
  });

  it('R-ACC-4 born on 29 February: a year older on 1 March of a common year', () => {
    expect(ageOn('2008-02-29', '2022-02-28')).toBe(13);
    expect(ageOn('2008-02-29', '2022-03-01')).toBe(14);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('R-ACC-4 a Date counts as its day in Beijing', () => {
    // 2025-06-14 16:30 UTC is already 15 June in Beijing.
    expect(todayInBeijing(new Date('2025-06-14T16:30:00Z'))).toBe('2025-06-15');
    expect(ageOn('2011-06-15', new Date('2025-06-14T16:30:00Z'))).toBe(14);
    expect(() => ageOn('2011-02-30', '2025-01-01')).toThrow();
  });

  it('R-ACC-4 age never decreases with time and is exact on anniversaries', () => {
    fc.assert(
      fc.property(birthDate, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 400 }), (born, years, extraDays) => {
        const [year, month, day] = born.split('-') as [string, string, string];
        fc.pre(!(month === '02' && day === '29'));
        const anniversary = `${Number(year) + years}-${month}-${day}`.padStart(10, '0');
        expect(ageOn(born, anniversary)).toBe(years);
        const later = new Date(Date.parse(`${anniversary}T00:00:00Z`) + extraDays * 86_400_000).toISOString().slice(0, 10);
        expect(ageOn(born, later)).toBeGreaterThanOrEqual(years);
      }),
    );
  });
});
