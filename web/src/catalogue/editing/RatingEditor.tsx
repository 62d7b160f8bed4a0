import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Modal, Select, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Band, GroupDiscount, RatingTable } from '../../../../src/modules/catalogue/rating/rating-table.ts';
import { zoneNames, type Zone } from '../../../../src/shared/catalogue/destinations.ts';
import { addRatingVersion, fetchRatingVersion, type StaffProductDetail } from '../../api/catalogue';
import { ApiError } from '../../api/apiError';
import type { FieldProblem } from '../../api/problem';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useLanguage } from '../../shared/useLanguage';
import { localised, pick } from '../format';
import { fenToYuan, yuanToFen } from './money';
import { ProblemsNotice } from './ProblemsNotice';
import { VersionHistory } from './VersionHistory';
import { addBand, bandsOf, premiumAt, problemsUnder, removeBand, setBandEnd, setGroupDiscounts, setPremium, withPlans, type BandAxis, type PremiumCell } from './ratingGrid';
import type { ShownProblems } from './useProductEdit';
import { useProductEdit } from './useProductEdit';

/**
 * 费率表: the premiums as a grid in yuan — for trips one table of day bands × age bands per plan and
 * zone, for occupation or age one row per class or band — with the bands and group discounts, and
 * the history of versions. Saving writes a new version; the server refuses a table with problems
 * and points at each, shown above the part of the table it concerns.
 */
export function RatingEditor({ product, canEdit }: { product: StaffProductDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  // The grid always has a row of premiums for each of the product's plans, even one added since.
  const loaded = product.ratingTable ? withPlans(product.ratingTable, product.plans.map((plan) => plan.code)) : null;
  const [table, setTable] = useState<RatingTable | null>(loaded);
  const [shown, setShown] = useState<ShownProblems | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const save = useProductEdit('rating', (next: RatingTable) => addRatingVersion(product.code, next), (detail) => {
    setShown(null);
    const version = detail.rating?.version ?? 0;
    void message.success(version !== product.rating?.version ? t('catalogue.edit.rating.saved', { version }) : t('catalogue.edit.rating.unchanged'));
  });
  if (!table) return <Alert type="info" showIcon title={t('catalogue.edit.rating.none')} />;
  const problems: FieldProblem[] = shown?.unplaced ?? [];
  const plans = product.plans.map((plan) => ({ code: plan.code, label: localised(plan, 'name', language) }));

  return (
    <Space orientation="vertical" size="middle" className="catalogue-edit__stack" data-testid="rating-editor">
      <Typography.Paragraph type="secondary">
        {product.rating ? `${t('catalogue.edit.rating.current', { version: product.rating.version })} · ` : ''}
        {t('catalogue.edit.rating.basis', { basis: t(`catalogue.edit.rating.bases.${table.basis}`) })}
        {t('catalogue.edit.rating.hint')}
      </Typography.Paragraph>
      <ProblemsNotice shown={shown} testId="rating-problems" />
      {table.basis === 'trip' ? (
        <TripGrids table={table} plans={plans} disabled={!canEdit} problems={problems} onChange={setTable} />
      ) : (
        <ListGrid table={table} plans={plans} disabled={!canEdit} problems={problems} onChange={setTable} />
      )}
      <Discounts discounts={table.groupDiscounts} disabled={!canEdit} problems={problemsUnder(problems, '/rating/groupDiscounts')} onChange={(discounts) => setTable(setGroupDiscounts(table, discounts))} />
      {canEdit ? (
        <Space wrap>
          <Button
            type="primary"
            loading={save.isPending}
            data-testid="rating-save"
            onClick={() => save.mutate(table, { onError: (error) => setShown({ error, unplaced: error instanceof ApiError ? error.fieldErrors : [] }) })}
          >
            {t('catalogue.edit.rating.save')}
          </Button>
          <Button
            onClick={() => {
              setTable(loaded);
              setShown(null);
            }}
          >
            {t('catalogue.edit.reset')}
          </Button>
        </Space>
      ) : null}
      <Card size="small" title={t('catalogue.edit.rating.history')}>
        <VersionHistory
          rows={product.ratingHistory.map(({ contentHash, ...row }) => ({ ...row, hash: contentHash }))}
          viewLabel={t('catalogue.edit.rating.view')}
          onView={setViewing}
          testId="rating-history"
          viewTestId={(version) => `rating-view-${version}`}
        />
      </Card>
      {viewing !== null ? <RatingVersionModal code={product.code} version={viewing} plans={plans} onClose={() => setViewing(null)} /> : null}
    </Space>
  );
}

/** A version of the rating table as it priced, read-only: what a sale that recorded its hash was charged by. */
function RatingVersionModal({ code, version, plans, onClose }: { code: string; version: number; plans: Array<{ code: string; label: string }>; onClose: () => void }) {
  const { t } = useTranslation();
  const rating = useQuery({ queryKey: ['console', 'catalogue', 'rating', code, version], queryFn: ({ signal }) => fetchRatingVersion(code, version, signal) });
  const table = rating.data?.table;
  // The product's plans in their order; a plan removed since still has premiums in an old version, shown by its code.
  const codes = table ? Object.keys(table.premiums) : [];
  const shownPlans = [...plans.filter((plan) => codes.includes(plan.code)), ...codes.filter((code) => !plans.some((plan) => plan.code === code)).map((code) => ({ code, label: code }))];
  const ignore = () => undefined;
  return (
    <Modal open width={960} title={t('catalogue.edit.rating.versionTitle', { version })} onCancel={onClose} footer={<Button onClick={onClose}>{t('catalogue.edit.documents.close')}</Button>}>
      {rating.isPending ? <Spin /> : null}
      {rating.isError ? <ErrorNotice error={rating.error} /> : null}
      {table ? (
        <Space orientation="vertical" size="middle" className="catalogue-edit__stack" data-testid="rating-version">
          {table.basis === 'trip' ? <TripGrids table={table} plans={shownPlans} disabled problems={[]} onChange={ignore} /> : <ListGrid table={table} plans={shownPlans} disabled problems={[]} onChange={ignore} />}
          <Discounts discounts={table.groupDiscounts} disabled problems={[]} onChange={ignore} />
          <Typography.Text type="secondary">
            {t('catalogue.edit.documents.hash')} <code className="privacy-id">{rating.data?.contentHash}</code>
          </Typography.Text>
        </Space>
      ) : null}
    </Modal>
  );
}

interface GridProps<T extends RatingTable> {
  table: T;
  plans: Array<{ code: string; label: string }>;
  disabled: boolean;
  problems: FieldProblem[];
  onChange: (table: RatingTable) => void;
}

/** Trips: one grid at a time, picked by plan and zone, with both band lists beside it. */
function TripGrids({ table, plans, disabled, problems, onChange }: GridProps<Extract<RatingTable, { basis: 'trip' }>>) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [plan, setPlan] = useState(plans[0]?.code ?? '');
  const [zone, setZone] = useState<Zone>(table.zones[0] as Zone);
  const gridProblems = problemsUnder(problems, `/rating/premiums/${plan}/${zone}`);
  const columns = [
    { title: '', key: 'days', fixed: 'left' as const, render: (_value: unknown, band: Band) => t('catalogue.edit.rating.dayBand', band) },
    ...table.ageBands.map((ageBand, column) => ({
      title: t('catalogue.edit.rating.ageBand', ageBand),
      key: `age-${column}`,
      render: (_value: unknown, dayBand: Band, row: number) => (
        <PremiumInput table={table} cell={{ plan, zone, row, column }} disabled={disabled} onChange={onChange} ranges={{ days: dayBand, ages: ageBand }} />
      ),
    })),
  ];
  return (
    <Card size="small" className={gridProblems.length > 0 ? 'catalogue-edit__grid--problem' : undefined}>
      <Space wrap className="catalogue-edit__pickers">
        <Select value={plan} onChange={setPlan} options={plans.map((option) => ({ value: option.code, label: option.label }))} data-testid="rating-plan" aria-label={t('catalogue.edit.rating.plan')} />
        <Select value={zone} onChange={setZone} options={table.zones.map((value) => ({ value, label: pick(zoneNames[value], language) }))} data-testid="rating-zone" aria-label={t('catalogue.edit.rating.zone')} />
        <Typography.Text type="secondary">{t('catalogue.edit.rating.premiumHint')}</Typography.Text>
      </Space>
      <InlineProblems problems={gridProblems} />
      <Table size="small" rowKey={(band) => `${band.min}-${band.max}`} pagination={false} scroll={{ x: 'max-content' }} dataSource={table.dayBands} columns={columns} data-testid="rating-grid" />
      <BandsEditor table={table} axis="dayBands" disabled={disabled} problems={problems} onChange={onChange} />
      <BandsEditor table={table} axis="ageBands" disabled={disabled} problems={problems} onChange={onChange} />
    </Card>
  );
}

/** Occupation classes or age bands: a row each, a column per plan. */
function ListGrid({ table, plans, disabled, problems, onChange }: GridProps<Exclude<RatingTable, { basis: 'trip' }>>) {
  const { t } = useTranslation();
  const rows = table.basis === 'occupation' ? table.classes.map((value) => ({ key: String(value), label: t('catalogue.edit.rating.occupationClass', { value }) })) : table.ageBands.map((band) => ({ key: `${band.min}-${band.max}`, label: t('catalogue.edit.rating.ageBand', band) }));
  const columns = [
    { title: '', key: 'row', fixed: 'left' as const, render: (_value: unknown, row: { label: string }) => row.label },
    ...plans.map((plan) => ({
      title: plan.label,
      key: plan.code,
      render: (_value: unknown, _row: unknown, index: number) => <PremiumInput table={table} cell={{ plan: plan.code, row: index }} disabled={disabled} onChange={onChange} />,
    })),
  ];
  return (
    <Card size="small">
      <Typography.Text type="secondary">{t('catalogue.edit.rating.premiumHint')}</Typography.Text>
      <InlineProblems problems={problemsUnder(problems, '/rating/premiums').concat(problemsUnder(problems, '/rating/classes'))} />
      <Table size="small" rowKey="key" pagination={false} scroll={{ x: 'max-content' }} dataSource={rows} columns={columns} data-testid="rating-grid" />
      {table.basis === 'age' ? <BandsEditor table={table} axis="ageBands" disabled={disabled} problems={problems} onChange={onChange} /> : null}
    </Card>
  );
}

function PremiumInput({ table, cell, disabled, onChange, ranges }: { table: RatingTable; cell: PremiumCell; disabled: boolean; onChange: (table: RatingTable) => void; ranges?: { days: Band; ages: Band } }) {
  const fen = premiumAt(table, cell);
  return (
    <InputNumber
      size="small"
      min={0}
      precision={2}
      disabled={disabled}
      value={fen === undefined ? null : fenToYuan(fen)}
      className="catalogue-edit__premium"
      data-testid="premium-cell"
      data-days={ranges ? `${ranges.days.min}-${ranges.days.max}` : undefined}
      data-ages={ranges ? `${ranges.ages.min}-${ranges.ages.max}` : undefined}
      onChange={(value) => {
        const next = yuanToFen(value);
        if (next !== null) onChange(setPremium(table, cell, next));
      }}
    />
  );
}

/** Where each band ends (it starts right after the one before); add after the last, remove any but the only one. */
function BandsEditor({ table, axis, disabled, problems, onChange }: { table: RatingTable; axis: BandAxis; disabled: boolean; problems: FieldProblem[]; onChange: (table: RatingTable) => void }) {
  const { t } = useTranslation();
  const bands = bandsOf(table, axis);
  return (
    <div className="catalogue-edit__bands" data-testid={`rating-${axis}`}>
      <Typography.Text strong>{t(`catalogue.edit.rating.${axis}`)}</Typography.Text> <Typography.Text type="secondary">{t('catalogue.edit.rating.bandsHint')}</Typography.Text>
      <InlineProblems problems={problemsUnder(problems, `/rating/${axis}`)} />
      <Space wrap>
        {bands.map((band, index) => (
          <Space.Compact key={`${index}-${band.min}`}>
            <Button size="small" disabled>
              {band.min} {t('catalogue.edit.rating.bandEnd')}
            </Button>
            <InputNumber size="small" min={band.min} precision={0} value={band.max} disabled={disabled} onChange={(value) => value !== null && onChange(setBandEnd(table, axis, index, value))} className="catalogue-edit__band" />
            {disabled ? null : <Button size="small" icon={<DeleteOutlined />} aria-label={t('catalogue.edit.rating.removeBand')} disabled={bands.length === 1} onClick={() => onChange(removeBand(table, axis, index))} />}
          </Space.Compact>
        ))}
        {disabled ? null : (
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange(addBand(table, axis))}>
            {t('catalogue.edit.rating.addBand')}
          </Button>
        )}
      </Space>
    </div>
  );
}

/** Group discounts in percent (basis points on the server: 5 % = 500). */
function Discounts({ discounts, disabled, problems, onChange }: { discounts: GroupDiscount[]; disabled: boolean; problems: FieldProblem[]; onChange: (discounts: GroupDiscount[]) => void }) {
  const { t } = useTranslation();
  const replace = (index: number, step: GroupDiscount) => onChange(discounts.map((current, at) => (at === index ? step : current)));
  return (
    <Card size="small" title={t('catalogue.edit.rating.discounts')}>
      <InlineProblems problems={problems} />
      <Space orientation="vertical">
        {discounts.map((step, index) => (
          <Space key={index} wrap>
            <span>{t('catalogue.edit.rating.minInsured')}</span>
            <InputNumber size="small" min={2} precision={0} value={step.minInsured} disabled={disabled} onChange={(value) => value !== null && replace(index, { ...step, minInsured: value })} />
            <span>{t('catalogue.edit.rating.percent')}</span>
            <InputNumber size="small" min={0.01} max={50} precision={2} value={step.bps / 100} disabled={disabled} onChange={(value) => value !== null && replace(index, { ...step, bps: Math.round(value * 100) })} />
            {disabled ? null : <Button size="small" icon={<DeleteOutlined />} aria-label={t('catalogue.edit.rating.removeDiscount')} onClick={() => onChange(discounts.filter((_step, at) => at !== index))} />}
          </Space>
        ))}
        {disabled ? null : (
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...discounts, { minInsured: (discounts.at(-1)?.minInsured ?? 4) + 1, bps: (discounts.at(-1)?.bps ?? 0) + 500 }])}>
            {t('catalogue.edit.rating.addDiscount')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

function InlineProblems({ problems }: { problems: FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="catalogue-problems catalogue-edit__inline-problems">
      {problems.map((problem) => (
        <li key={`${problem.pointer}:${problem.detail}`}>{problem.detail}</li>
      ))}
    </ul>
  );
}
