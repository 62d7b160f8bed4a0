import { buildDataMap } from '../../privacy/catalogue/data-map.ts';

/** `besttrav privacy:data-map`: the record of processing activities as JSON, for the regulator or a DPIA. */
export function privacyDataMapCommand(): void {
  console.log(JSON.stringify({ generatedAt: new Date().toISOString(), categories: buildDataMap() }, null, 2));
}
