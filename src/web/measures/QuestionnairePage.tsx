import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { InstrumentDefinition } from '../../shared/instruments/definition';
import { ApiError, newIdempotencyKey } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { NotFoundPage } from '../layout/NotFoundPage';
import {
  safetyOfError,
  useDueMeasures,
  useInstrumentDefinition,
  useSubmitResponse,
  type Answers,
  type DueMeasure,
  type SafetyScreen,
  type SubmitInput,
  type SubmitResult,
} from './api';
import { QuestionStep } from './QuestionStep';
import { ReviewStep } from './ReviewStep';
import { ConcernNote, UrgentSafetyScreen } from './SafetyScreen';
import { ThankYou } from './ThankYou';

export const PROGRAMME_LABEL = 'Programme check-in — not a clinical test';

/**
 * /measures/:code?request=…: a participant answers a questionnaire, one question per screen.
 * Keyed by code and request so that "Start the next one" begins with a clean form.
 */
export function QuestionnairePage() {
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const requestId = search.get('request') ?? undefined;
  return <Questionnaire key={`${code}|${requestId ?? ''}`} code={code} requestId={requestId} />;
}

function Questionnaire({ code, requestId }: { code: string; requestId: string | undefined }) {
  const me = useMe();
  const due = useDueMeasures(requestId !== undefined);
  const found = requestId ? due.data?.due.find((d) => d.requestId === requestId) : undefined;
  // Pinned once found: after sending, the request leaves the due list, but this form must stay.
  const [pinned, setPinned] = useState<DueMeasure | undefined>();
  if (found && !pinned) setPinned(found);
  const request = pinned ?? found;
  // The version comes from the request when there is one; it must be known before the definition is fetched.
  const ready = requestId === undefined || due.isSuccess;
  const definition = useInstrumentDefinition(code, request?.version, ready);
  usePageTitle(definition.data?.shortTitle ?? 'Questionnaire', me.service.name);

  if (!ready || definition.isPending) {
    if (due.error) return <ErrorRegion error={due.error} title="We couldn't load this questionnaire" />;
    return <PageLoader label="Loading the questionnaire…" />;
  }
  if (definition.error instanceof ApiError && definition.error.status === 404) return <NotFoundPage />;
  if (definition.error || !definition.data) return <ErrorRegion error={definition.error} title="We couldn't load this questionnaire" />;
  if (requestId && !request) return <AlreadyDone />;
  return <QuestionnaireForm definition={definition.data} request={request} onReload={() => void definition.refetch()} />;
}

function AlreadyDone() {
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>This questionnaire is done</Title>
      <Text>You have already sent your answers to this one, or it is no longer needed. Thank you.</Text>
      <div>
        <Button component={Link} to="/">
          Back to home
        </Button>
      </div>
    </Stack>
  );
}

interface FormProps {
  definition: InstrumentDefinition;
  request: DueMeasure | undefined;
  onReload: () => void;
}

/** Splits the server's validation details into messages per question and messages for the form. */
function problemsOf(error: ApiError): { fields: Record<string, string>; form: string[] } {
  const fields: Record<string, string> = {};
  const form: string[] = [];
  for (const d of error.details) {
    const match = /^body\.answers\.(.+)$/.exec(d.path);
    if (match?.[1]) fields[match[1]] = d.message;
    else form.push(d.message);
  }
  if (form.length === 0 && Object.keys(fields).length === 0) form.push(error.message);
  return { fields, form };
}

function without(record: Record<string, string>, key: string): Record<string, string> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function QuestionnaireForm({ definition, request, onReload }: FormProps) {
  const items = definition.items;
  const reviewStep = items.length;
  // One key per opening of the form: a retry after a lost answer is recognised, never stored twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [answers, setAnswers] = useState<Answers>({});
  const [step, setStep] = useState(0);
  const [moved, setMoved] = useState(false);
  const [returnToReview, setReturnToReview] = useState(false);
  const [stepError, setStepError] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [safety, setSafety] = useState<SafetyScreen | null>(null);
  const [urgentOpen, setUrgentOpen] = useState(false);
  const [urgentSeen, setUrgentSeen] = useState(false);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const submit = useSubmitResponse();

  function go(to: number) {
    setStepError(undefined);
    setMoved(true);
    setStep(to);
    window.scrollTo({ top: 0 });
  }

  function next() {
    const item = items[step];
    if (item && item.required && (answers[item.linkId] ?? null) === null) {
      setStepError('Choose an answer to go on.');
      return;
    }
    setReturnToReview(false);
    go(returnToReview ? reviewStep : step + 1);
  }

  function back() {
    if (step === reviewStep) return go(items.length - 1);
    setReturnToReview(false);
    go(returnToReview ? reviewStep : step - 1);
  }

  function change(index: number) {
    setReturnToReview(true);
    go(index);
  }

  function showSafety(found: SafetyScreen | null) {
    setSafety(found);
    if (found?.tier === 'urgent' && !urgentSeen) setUrgentOpen(true);
  }

  function send() {
    setFieldErrors({});
    setFormErrors([]);
    const input: SubmitInput = {
      instrumentCode: definition.id,
      version: definition.version,
      answers: Object.fromEntries(items.map((i) => [i.linkId, answers[i.linkId] ?? null])),
      idempotencyKey,
      ...(request ? { requestId: request.requestId } : {}),
    };
    submit.mutate(input, {
      onSuccess: (sent) => {
        setResult(sent);
        showSafety(sent.safety);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'validation_failed') {
          const problems = problemsOf(error);
          setFieldErrors(problems.fields);
          setFormErrors(problems.form);
        }
        // An incomplete form can still carry a risk answer: the screen is shown all the same.
        showSafety(safetyOfError(error));
      },
    });
  }

  function startAgain() {
    submit.reset();
    setIdempotencyKey(newIdempotencyKey());
    onReload();
    go(0);
  }

  const urgentScreen =
    safety?.tier === 'urgent' ? (
      <UrgentSafetyScreen
        safety={safety}
        opened={urgentOpen}
        onContinue={() => {
          setUrgentOpen(false);
          setUrgentSeen(true);
        }}
      />
    ) : null;

  // While the safety screen is up nothing else is drawn behind it: one calm page, nothing to scroll.
  if (urgentOpen) return urgentScreen;

  if (result) {
    return (
      <>
        {urgentScreen}
        <ThankYou safety={result.safety} urgentSeen={urgentSeen} />
      </>
    );
  }

  const item = items[step];
  const validationError = submit.error instanceof ApiError && submit.error.code === 'validation_failed';
  const conflict = submit.error instanceof ApiError && submit.error.code === 'conflict';

  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Title order={1} size="h2">
          {definition.title}
        </Title>
        {definition.kind === 'programme' ? (
          <Badge variant="light" color="blue" size="lg" mt="xs" style={{ textTransform: 'none', height: 'auto', whiteSpace: 'normal' }}>
            {PROGRAMME_LABEL}
          </Badge>
        ) : null}
        {step === 0 && !moved ? (
          <Text c="dimmed" mt="xs">
            {items.length} {items.length === 1 ? 'question' : 'questions'}, about {Math.max(1, Math.round(items.length / 4))} {items.length < 6 ? 'minute' : 'minutes'}. Your
            answers go to your care team. You can go back to change an answer.
          </Text>
        ) : null}
      </div>
      {item ? (
        <QuestionStep
          item={item}
          index={step}
          count={items.length}
          stem={definition.stem}
          value={answers[item.linkId] ?? null}
          error={stepError ?? fieldErrors[item.linkId]}
          takeFocus={moved}
          nextLabel={returnToReview ? 'Back to my answers' : step === items.length - 1 ? 'Check my answers' : 'Next'}
          onChange={(value) => {
            setAnswers((a) => ({ ...a, [item.linkId]: value }));
            setStepError(undefined);
            setFieldErrors((errors) => without(errors, item.linkId));
          }}
          onBack={step > 0 || returnToReview ? back : null}
          onNext={next}
        />
      ) : (
        <ReviewStep
          definition={definition}
          answers={answers}
          fieldErrors={fieldErrors}
          formErrors={formErrors}
          error={validationError ? null : submit.error}
          errorActions={
            conflict ? (
              <Group gap="sm">
                <Button variant="default" onClick={startAgain}>
                  Reload the questionnaire
                </Button>
                <Button component={Link} to="/" variant="subtle">
                  Back to home
                </Button>
              </Group>
            ) : null
          }
          note={safety?.tier === 'concern' ? <ConcernNote safety={safety} /> : null}
          sending={submit.isPending}
          onChangeAnswer={change}
          onBack={back}
          onSubmit={send}
        />
      )}
      <Text size="xs" c="dimmed">
        {definition.copyright}
      </Text>
      {urgentScreen}
    </Stack>
  );
}
