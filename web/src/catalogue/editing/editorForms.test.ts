import { describe, expect, it } from 'vitest';
import type { Plan } from '../../api/catalogue';
import { namePathOf, planFormValues, plansOfForm } from './editorForms';

const plan: Plan = {
  code: 'basic',
  level: 1,
  nameZh: '基础',
  nameEn: 'Basic',
  schengenCompliant: false,
  coverages: [{ item: 'medical', itemZh: '医疗', itemEn: 'Medical', detailZh: '', detailEn: '', sumInsuredFen: 30_000_000, deductibleFen: 10_000 }],
};

describe('the plan editor’s form values', () => {
  it('R-POL-1 shows amounts in yuan and sends them back in fen, unchanged', () => {
    const values = planFormValues([plan]);
    expect(values.plans[0]?.coverages[0]).toMatchObject({ sumInsuredYuan: 300_000, deductibleYuan: 100 });
    const { level: _level, ...input } = plan;
    expect(plansOfForm(values)).toEqual([input]);
  });

  it('sends an amount that is not yuan and fen as -1, for the server to point at', () => {
    const values = planFormValues([plan]);
    (values.plans[0]?.coverages[0] as { sumInsuredYuan: number | null }).sumInsuredYuan = null;
    (values.plans[0]?.coverages[0] as { deductibleYuan: number | null }).deductibleYuan = 1.234;
    expect(plansOfForm(values)[0]?.coverages[0]).toMatchObject({ sumInsuredFen: -1, deductibleFen: -1 });
  });

  it('turns the server’s pointers into form name paths', () => {
    expect(namePathOf('/plans/0/coverages/1/sumInsuredFen')).toEqual(['plans', 0, 'coverages', 1, 'sumInsuredYuan']);
    expect(namePathOf('/body/nameZh')).toEqual(['nameZh']);
    expect(namePathOf('/bodyZh')).toEqual(['bodyZh']);
    expect(namePathOf('/questions/2/id')).toEqual(['questions', 2, 'id']);
  });
});
