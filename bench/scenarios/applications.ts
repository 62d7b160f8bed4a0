import { buildPersonPi, type PersonPi } from '../../test/support/factories/person.ts';
import { demoProducts } from '../../src/modules/catalogue/demo/products.ts';
import type { ProductDefinition } from '../../src/modules/catalogue/import-product.ts';
import { DESTINATIONS, zoneContains } from '../../src/shared/catalogue/destinations.ts';
import type { ApplicationInput } from '../../src/shared/application.ts';
import type { QuoteRequest } from '../../src/shared/catalogue/quote.ts';

type Random = () => number;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Single trips abroad: the purchase people make most, asking a passport for each traveller. */
export const tripProducts: readonly ProductDefinition[] = demoProducts.filter(
  (product) => product.status === 'published' && product.type === 'outbound_travel' && product.maxTripDays === undefined,
);

const syllables = ['ZHANG', 'WANG', 'LI', 'LIU', 'CHEN', 'YANG', 'HUANG', 'WEI', 'FANG', 'NA', 'MIN', 'JING', 'LEI', 'YANG', 'TAO', 'MING', 'XIA'];
const pinyinOf = (random: Random) => `${pick(random, syllables)} ${pick(random, syllables)}${random() < 0.5 ? pick(random, syllables) : ''}`;

export function beijingDate(daysAhead: number, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now + daysAhead * 86_400_000));
}

function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const birthDateOfId = (idNumber: string) => `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
const sexOfId = (idNumber: string) => (Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female');

/** A made-up adult whose age on the first day of cover the product accepts. */
function adult(product: ProductDefinition, startDate: string, birthDateOf: (person: PersonPi) => string): PersonPi {
  for (;;) {
    const person = buildPersonPi();
    const age = ageOn(birthDateOf(person), startDate);
    if (age >= 18 && age <= product.maxAge) return person;
  }
}

export interface BenchApplication {
  productCode: string;
  application: ApplicationInput;
  /** The same trip as the product page's quote asks it: no personal information. */
  quote: QuoteRequest;
}

/**
 * The application of a couple for a trip abroad, as the product page sends it: the buyer is the
 * policyholder (ID card, mobile, e-mail) and the first insured person (their passport), the spouse
 * the second. Every value is random and valid (check digits, ages, cover from a future day), so
 * each purchase writes new ciphertexts and blind indexes, as real buyers do.
 */
export function randomApplication(random: Random = Math.random, now = Date.now()): BenchApplication {
  const product = pick(random, tripProducts);
  const zone = pick(random, product.rating.basis === 'trip' ? product.rating.zones : product.zones);
  const inZone = DESTINATIONS.filter((destination) => zoneContains(zone, destination));
  const destinations = [...new Set([pick(random, inZone).code, pick(random, inZone).code])];
  const days = between(random, product.minDays, Math.min(product.maxDays, 30));
  const startOffset = between(random, 1, 30);
  const startDate = beijingDate(startOffset, now);
  const endDate = beijingDate(startOffset + days - 1, now);
  const holder = adult(product, startDate, (person) => birthDateOfId(person.idNumber));
  const spouse = adult(product, startDate, (person) => person.birthDate);
  const plan = pick(random, product.plans).code;
  const application: ApplicationInput = {
    product: product.code,
    plan,
    destinations,
    startDate,
    endDate,
    policyholder: { kind: 'person', person: { name: holder.name, idDocument: { type: 'resident_id', number: holder.idNumber }, phone: holder.phone, email: holder.email } },
    insured: [
      { relationship: 'self', person: { namePinyin: pinyinOf(random), passportNumber: holder.passport, birthDate: birthDateOfId(holder.idNumber), sex: sexOfId(holder.idNumber) } },
      { relationship: 'spouse', person: { name: spouse.name, namePinyin: pinyinOf(random), passportNumber: spouse.passport, birthDate: spouse.birthDate, sex: random() < 0.5 ? 'male' : 'female' } },
    ],
  };
  const ages = [ageOn(birthDateOfId(holder.idNumber), startDate), ageOn(spouse.birthDate, startDate)];
  return { productCode: product.code, application, quote: { product: product.code, plan, destinations, startDate, endDate, ages } };
}
