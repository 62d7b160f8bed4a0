import type { CoverageInput, Plan, PlanInput } from '../../api/catalogue';
import { fenToYuan, yuanToFen } from './money';

export type NamePath = Array<string | number>;

/**
 * A problem's JSON pointer as the name path of an antd form field, so the server's words appear
 * under the field: "/body/plans/0/coverages/1/sumInsuredFen" → plans, 0, coverages, 1,
 * sumInsuredYuan (the form holds amounts in yuan). The route's own schema errors start with /body;
 * the use cases' problems do not.
 */
export function namePathOf(pointer: string): NamePath {
  const parts = pointer.replace(/^\/body(?=\/|$)/, '').split('/').slice(1);
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/Fen$/, 'Yuan')));
}

/** A coverage row as the form edits it: amounts in yuan, null while empty. */
export type CoverageFormRow = Omit<CoverageInput, 'sumInsuredFen' | 'deductibleFen'> & { sumInsuredYuan: number | null; deductibleYuan: number | null };
export type PlanFormValues = { plans: Array<Omit<PlanInput, 'coverages'> & { coverages: CoverageFormRow[] }> };

export function planFormValues(plans: readonly Plan[]): PlanFormValues {
  return {
    plans: plans.map((plan) => ({
      code: plan.code,
      nameZh: plan.nameZh,
      nameEn: plan.nameEn,
      schengenCompliant: plan.schengenCompliant,
      coverages: plan.coverages.map(({ sumInsuredFen, deductibleFen, ...row }) => ({ ...row, sumInsuredYuan: fenToYuan(sumInsuredFen), deductibleYuan: fenToYuan(deductibleFen) })),
    })),
  };
}

/** The form's plans as the server takes them; an amount left empty or not in yuan and fen goes as -1, which the server points at. */
export function plansOfForm(values: PlanFormValues): PlanInput[] {
  return (values.plans ?? []).map((plan) => ({
    code: plan.code ?? '',
    nameZh: plan.nameZh ?? '',
    nameEn: plan.nameEn ?? '',
    schengenCompliant: Boolean(plan.schengenCompliant),
    coverages: (plan.coverages ?? []).map(({ sumInsuredYuan, deductibleYuan, ...row }) => ({
      item: row.item,
      itemZh: row.itemZh ?? '',
      itemEn: row.itemEn ?? '',
      detailZh: row.detailZh ?? '',
      detailEn: row.detailEn ?? '',
      sumInsuredFen: yuanToFen(sumInsuredYuan) ?? -1,
      deductibleFen: yuanToFen(deductibleYuan ?? 0) ?? -1,
    })),
  }));
}
