import { Alert, Button, Space, Steps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { validateApplication } from '../../../src/shared/application-validation.ts';
import { REQUIRED_READING, type ShowableStep } from '../../../src/shared/orders.ts';
import { ApiError, NETWORK_ERROR } from '../api/apiError';
import type { ProductDetail } from '../api/catalogue';
import { submitOrder, type ConsentPurpose, type StartedSale } from '../api/orders';
import { fetchProfile } from '../api/profile';
import { localised } from '../catalogue/format';
import { useProduct } from '../catalogue/useCatalogue';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageSpinner } from '../shared/PageSpinner';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { useLanguage } from '../shared/useLanguage';
import { PageHeading } from '../site/components/PageHeading';
import { profileQueryKey } from '../site/hooks/useProfile';
import { ApplicantStep } from './ApplicantStep';
import { applicationOf, emptyApplicantForm, insuresOthers, rulesOf, type ApplicantForm, type TripForm } from './applicationForm';
import { ConfirmStep } from './ConfirmStep';
import { DraftOffer } from './DraftOffer';
import { FieldProblemsProvider } from './FieldProblems';
import { serverProblemsOf, stepOfPointer, visibleProblems, type FormProblem } from './problems';
import { ReadingStep } from './ReadingStep';
import { TripStep } from './TripStep';
import { canPrefill, prefilledHolder } from './prefillFromProfile';
import { usePurchaseDraft, useSaveOnStepChange } from './usePurchaseDraft';
import { usePurchaseStart } from './usePurchaseStart';
import { useSaleStep } from './useSaleStep';
import { draftOf } from './draftData';
import './purchase.css';

const STEP_KEYS = ['trip', 'reading', 'applicant', 'confirm'] as const;
type Confirmations = Partial<Record<ShowableStep, string | null>>;

/** /buy/:productCode — the purchase wizard (R-POL-4 … R-POL-7). */
export function PurchasePage() {
  const { t } = useTranslation();
  const { productCode = '' } = useParams();
  const product = useProduct(productCode);
  const start = usePurchaseStart(productCode);
  useDocumentTitle(t('purchase.title'));

  if (product.isError || start.isError) {
    const error = product.error ?? start.error;
    return (
      <div className="site-container page-body">
        <ErrorNotice variant="result" error={error} onRetry={() => void (product.isError ? product.refetch() : start.refetch())} />
      </div>
    );
  }
  if (product.isPending || start.isPending) return <PageSpinner />;
  return <PurchaseWizard product={product.data} sale={start.data.sale} isCustomer={start.data.isCustomer} />;
}

function PurchaseWizard({ product, sale, isCustomer }: { product: ProductDetail; sale: StartedSale; isCustomer: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const planParam = search.get('plan');
  const [step, setStep] = useState(0);
  const [trip, setTrip] = useState<TripForm>(() => ({
    plan: product.plans.some((plan) => plan.code === planParam) ? (planParam as string) : (product.plans[0]?.code ?? ''),
    destinations: [],
    startDate: '',
    endDate: '',
    ages: [null],
    occupationClass: null,
  }));
  const [formState, setFormState] = useState<ApplicantForm | null>(null);
  const form = formState ?? emptyApplicantForm(trip.ages.length, trip.occupationClass);
  const [confirmed, setConfirmed] = useState<Confirmations>({});
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);
  const [ticked, setTicked] = useState<Partial<Record<ConsentPurpose, boolean>>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState({ trip: false, applicant: false });
  const [server, setServer] = useState<{ problems: FormProblem[]; for: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const scrollToProblem = useRef(false);

  const hasHealthStep = sale.steps.includes('health_declaration');
  const health = useSaleStep(sale.saleId, 'health_declaration', hasHealthStep && step >= 2);
  const healthQuestions = health.data?.questions ?? null;
  const rules = useMemo(() => rulesOf(product, healthQuestions?.map((question) => question.id) ?? []), [product, healthQuestions]);
  const application = useMemo(() => applicationOf(product, rules, trip, form), [product, rules, trip, form]);
  const applicationText = JSON.stringify(application);
  const live = useMemo(() => validateApplication(application, rules, { language }).problems, [application, rules, language]);
  const destinationsMissing = product.rating?.basis === 'trip' && trip.destinations.length === 0;
  const liveWithTrip = destinationsMissing ? [...live, { pointer: '/destinations', detail: t('purchase.trip.destinationsRequired') }] : live;
  const serverProblems = server && server.for === applicationText ? server.problems : [];
  const shown = visibleProblems(liveWithTrip, serverProblems, (pointer) => attempted[stepOfPointer(pointer)] || touched.has(pointer));
  const needsAuthorisation = insuresOthers(form);
  const isFinalConfirmed = Boolean(confirmed.confirmation) && confirmedFor === applicationText;

  const draft = usePurchaseDraft(product.code, sale.saleId, isCustomer);
  const [draftAnswered, setDraftAnswered] = useState(false);
  const isDraftOffered = isCustomer && !draftAnswered && draft.saved.data !== null && draft.saved.data !== undefined;
  const canSaveDraft = isCustomer && !draft.saved.isPending && !isDraftOffered;
  const keepsSensitive = sale.consents.some((consent) => consent.purpose === 'sensitive_pi' && consent.isGranted);
  // A customer's 个人信息 fills the policyholder once, as the form is first shown.
  const profile = useQuery({ queryKey: profileQueryKey, queryFn: ({ signal }) => fetchProfile(signal), enabled: isCustomer, staleTime: 0, retry: false });
  const [isPrefilled, setPrefilled] = useState(false);

  useEffect(() => {
    if (!scrollToProblem.current) return;
    scrollToProblem.current = false;
    document.querySelector('.ant-form-item-has-error, .purchase-problem-note')?.scrollIntoView({ block: 'center' });
  });

  const submit = useMutation({
    mutationFn: () =>
      submitOrder({
        saleId: sale.saleId,
        idempotencyKey: idempotencyKey as string,
        application,
        consents: {
          ...(consentVersion('sensitive_pi') ? { sensitivePi: { version: consentVersion('sensitive_pi') as number } } : {}),
          ...(consentVersion('share_with_insurer') ? { shareWithInsurer: { version: consentVersion('share_with_insurer') as number } } : {}),
        },
      }),
    onSuccess: (order) => {
      void queryClient.invalidateQueries({ queryKey: ['account'] });
      void navigate(`/orders/${order.id}`);
    },
    onError: (error) => {
      const problems = serverProblemsOf(error);
      if (problems.length === 0) return;
      setServer({ problems, for: applicationText });
      setAttempted({ trip: true, applicant: true });
      setStep(problems.some((problem) => stepOfPointer(problem.pointer) === 'trip') ? 0 : 2);
      scrollToProblem.current = true;
    },
  });

  // Once the application is on its way to becoming an order, there is no draft left to keep.
  useSaveOnStepChange(step, canSaveDraft && !submit.isPending && !submit.isSuccess, () => draft.save.mutate(draftOf(trip, form, { keepSensitive: keepsSensitive })));

  function consentVersion(purpose: ConsentPurpose): number | null {
    const consent = sale.consents.find((candidate) => candidate.purpose === purpose);
    return consent && !consent.isGranted && ticked[purpose] ? consent.version : null;
  }

  const touch = (pointer: string) => setTouched((current) => (current.has(pointer) ? current : new Set(current).add(pointer)));
  const problemsOfStep = (name: 'trip' | 'applicant') => liveWithTrip.filter((problem) => stepOfPointer(problem.pointer) === name);
  const consentsDone = sale.consents.every((consent) => consent.isGranted || ticked[consent.purpose]);

  function goNext() {
    setNotice(null);
    const name = STEP_KEYS[step];
    if (name === 'trip' || name === 'applicant') {
      const healthMissing = name === 'applicant' && hasHealthStep && !confirmed.health_declaration;
      if (problemsOfStep(name).length > 0 || healthMissing) {
        setAttempted((current) => ({ ...current, [name]: true }));
        setNotice(healthMissing && problemsOfStep(name).length === 0 ? t('purchase.reading.allRequired') : t('purchase.fixFirst'));
        scrollToProblem.current = true;
        return;
      }
    }
    if (name === 'reading' && !REQUIRED_READING.every((kind) => confirmed[kind])) return setNotice(t('purchase.reading.allRequired'));
    if (name === 'trip' && formState === null) setFormState(emptyApplicantForm(trip.ages.length, trip.occupationClass));
    if (name === 'reading' && !isPrefilled && profile.data && canPrefill(profile.data)) {
      const data = profile.data;
      setFormState((current) => current && { ...current, holder: prefilledHolder(current.holder, data, rules.policyholderFields) });
      setPrefilled(true);
    }
    setStep(step + 1);
    window.scrollTo({ top: 0 });
  }

  function onSubmit() {
    setNotice(null);
    if (!consentsDone) return setNotice(t('purchase.confirm.consentsRequired'));
    if (problemsOfStep('applicant').length > 0 || problemsOfStep('trip').length > 0) return setNotice(t('purchase.confirm.fixApplicant'));
    submit.mutate();
  }

  function onConfirmed(kind: ShowableStep, hash: string | null) {
    setConfirmed((current) => ({ ...current, [kind]: hash }));
    if (kind !== 'confirmation') return;
    // One key per confirmation: a retry of the same confirmation (after a network error) sends it again.
    setConfirmedFor(hash ? applicationText : null);
    setIdempotencyKey(hash ? crypto.randomUUID() : null);
  }

  const isNetworkError = submit.error instanceof ApiError && submit.error.code === NETWORK_ERROR;
  const title = localised(product, 'name', language);

  return (
    <>
      <PageHeading title={title} intro={t('purchase.title')} testId="purchase-title" />
      <div className="site-container page-body purchase-page" data-testid="purchase-page" data-sale={sale.saleId}>
        <p className="purchase-back">
          <Link to={`/products/${product.code}`}>← {t('purchase.order.backToProduct')}</Link>
        </p>
        {isDraftOffered && draft.saved.data ? (
          <DraftOffer
            savedAt={draft.saved.data.updatedAt}
            data={draft.saved.data.data}
            fallbackTrip={trip}
            isDiscarding={draft.discard.isPending}
            onResume={(restored) => {
              setTrip(restored.trip);
              setFormState(restored.form);
              setDraftAnswered(true);
            }}
            onDiscard={() => draft.discard.mutate(undefined, { onSuccess: () => setDraftAnswered(true) })}
          />
        ) : null}
        <Steps
          className="purchase-steps"
          size="small"
          current={step}
          responsive={false}
          titlePlacement="vertical"
          onChange={(target) => target < step && setStep(target)}
          items={STEP_KEYS.map((key) => ({ title: t(`purchase.steps.${key}`) }))}
          data-testid="purchase-steps"
        />
        {notice ? <Alert className="purchase-alert" type="warning" showIcon title={notice} data-testid="purchase-notice" /> : null}
        <FieldProblemsProvider value={{ problems: shown, touch }}>
          <div className="purchase-step" data-testid={`purchase-step-${STEP_KEYS[step]}`}>
            {step === 0 ? <TripStep product={product} trip={trip} onChange={setTrip} /> : null}
            {step === 1 ? <ReadingStep saleId={sale.saleId} steps={REQUIRED_READING} confirmed={confirmed} onConfirmed={onConfirmed} /> : null}
            {step === 2 ? (
              <ApplicantStep
                saleId={sale.saleId}
                rules={rules}
                form={form}
                onChange={setFormState}
                healthQuestions={healthQuestions}
                hasHealthStep={hasHealthStep}
                healthHash={confirmed.health_declaration ?? null}
                onHealthConfirmed={(hash) => onConfirmed('health_declaration', hash)}
                isPrefilled={isPrefilled}
              />
            ) : null}
            {step === 3 ? (
              <ConfirmStep
                saleId={sale.saleId}
                product={product}
                trip={trip}
                application={application}
                needsAuthorisation={needsAuthorisation}
                authorisationHash={confirmed.authorisation ?? null}
                confirmationHash={isFinalConfirmed ? (confirmed.confirmation ?? null) : null}
                onConfirmed={onConfirmed}
                consents={sale.consents}
                ticked={ticked}
                onTick={(purpose, isTicked) => setTicked((current) => ({ ...current, [purpose]: isTicked }))}
              />
            ) : null}
          </div>
        </FieldProblemsProvider>
        {step === 3 && submit.isError ? (
          isNetworkError ? (
            <Alert className="purchase-alert" type="error" showIcon title={t('purchase.confirm.networkRetry')} data-testid="submit-network-error" />
          ) : (
            <ErrorNotice error={submit.error} />
          )
        ) : null}
        <Space className="purchase-actions" wrap>
          {step > 0 ? (
            <Button size="large" onClick={() => setStep(step - 1)} data-testid="purchase-back">
              {t('purchase.back')}
            </Button>
          ) : null}
          {step < 3 ? (
            <Button size="large" type="primary" onClick={goNext} data-testid="purchase-next">
              {t('purchase.next')}
            </Button>
          ) : (
            <Button
              size="large"
              type="primary"
              onClick={onSubmit}
              loading={submit.isPending}
              disabled={!isFinalConfirmed || (needsAuthorisation && !confirmed.authorisation) || idempotencyKey === null}
              data-testid="purchase-submit"
            >
              {t('purchase.confirm.submit')}
            </Button>
          )}
        </Space>
        {isCustomer && draft.save.isSuccess ? (
          <p className="purchase-note" data-testid="draft-saved">
            {t('purchase.draft.saved')}
          </p>
        ) : null}
        {isCustomer && !keepsSensitive && step > 0 ? <p className="purchase-note">{t('purchase.draft.withoutSensitive')}</p> : null}
      </div>
    </>
  );
}
