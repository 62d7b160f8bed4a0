import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { coverageItemNames, type CoverageItem } from '../../../src/shared/catalogue/terms.ts';
import type { Coverage } from '../api/catalogue';
import { useLanguage } from '../shared/useLanguage';
import { formatSumInsured, localised, pick } from './format';

export interface CoverageColumn {
  key: string;
  header: ReactNode;
}

/** Coverage rows by item, one column per plan; null where a plan lacks the item. */
export function coverageRows(plans: ReadonlyArray<{ coverages: Coverage[] }>, order: readonly CoverageItem[]): Array<{ item: CoverageItem; cells: Array<Coverage | null> }> {
  return order
    .filter((item) => plans.some((plan) => plan.coverages.some((row) => row.item === item)))
    .map((item) => ({ item, cells: plans.map((plan) => plan.coverages.find((row) => row.item === item) ?? null) }));
}

/**
 * Plans side by side (R-POL-1): one row per coverage item, the sum insured and any deductible per
 * plan. The table scrolls inside its own box with the item column fixed, so a phone never scrolls
 * the page sideways.
 */
export function CoverageTable({ columns, rows, testId }: { columns: CoverageColumn[]; rows: Array<{ item: CoverageItem; cells: Array<Coverage | null> }>; testId?: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="coverage-table" tabIndex={0} data-testid={testId}>
      <table>
        <thead>
          <tr>
            <th scope="col" className="coverage-table__item">
              {t('catalogue.product.item')}
            </th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const wording = row.cells.find((cell) => cell !== null);
            return (
              <tr key={row.item} data-item={row.item}>
                <th scope="row" className="coverage-table__item">
                  {wording ? localised(wording, 'item', language) : pick(coverageItemNames[row.item], language)}
                </th>
                {row.cells.map((cell, index) => (
                  <td key={columns[index]?.key ?? index}>{cell ? <CoverageCell coverage={cell} /> : <span className="coverage-table__absent">{t('catalogue.product.absent')}</span>}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CoverageCell({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const detail = localised(coverage, 'detail', language);
  return (
    <span className="coverage-cell">
      <strong>{coverage.sumInsuredFen > 0 ? formatSumInsured(coverage.sumInsuredFen, language) : t('catalogue.product.service')}</strong>
      {coverage.deductibleFen > 0 ? <span className="coverage-cell__note">{t('catalogue.product.deductible', { amount: formatSumInsured(coverage.deductibleFen, language) })}</span> : null}
      {detail ? <span className="coverage-cell__note">{detail}</span> : null}
    </span>
  );
}
