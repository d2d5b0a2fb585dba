import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstrumentDefinition } from '../../shared/instruments/definition';
import { findBuiltinInstrument } from '../../shared/instruments/builtins/index';
import type { z } from 'zod';
import type {
  DueMeasure,
  dueMeasuresResponseSchema,
  instrumentListResponseSchema,
  MeasureSubmitBody,
  MeasureSubmitResponse,
  OutcomeReport,
  SafetyScreen,
  trajectoryResponseSchema,
} from '../../shared/schemas/measures';
import { ApiError, api, toQuery } from '../api/client';
import { recordKeys } from '../records/api';

const enc = encodeURIComponent;

/** Query keys of measures: my questionnaires due, instrument definitions, a member's trajectories, the outcomes report. */
export const measureKeys = {
  mine: ['me', 'measures'] as const,
  due: ['me', 'measures', 'due'] as const,
  instruments: ['instruments'] as const,
  definition: (code: string, version: number | null) => ['instruments', 'definition', code, version] as const,
  member: (enrolmentId: string) => [...recordKeys.member(enrolmentId), 'measures'] as const,
  outcomes: (params: object) => ['reports', 'outcomes', params] as const,
};

export type { ChangeCategory, DueMeasure, InstrumentSummary, OutcomeReport, SafetyScreen, Trajectory } from '../../shared/schemas/measures';

/** POST /api/measures/responses. */
export type SubmitResult = MeasureSubmitResponse;
export type SubmitInput = MeasureSubmitBody;
export type Answers = SubmitInput['answers'];

/** The questionnaires due for the signed-in participant. */
export function useDueMeasures(enabled = true) {
  return useQuery({
    queryKey: measureKeys.due,
    queryFn: () => api<z.infer<typeof dueMeasuresResponseSchema>>('GET', '/me/measures/due'),
    enabled,
  });
}

/**
 * An instrument's definition from the server. Should the server refuse it to this role (403), the
 * built-in copy of the same code and version is used: built-ins are the same data the server scores.
 */
export function useInstrumentDefinition(code: string, version: number | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: measureKeys.definition(code, version ?? null),
    queryFn: async () => {
      try {
        return await api<InstrumentDefinition>('GET', `/instruments/definition${toQuery({ code, version })}`);
      } catch (error) {
        const builtin = findBuiltinInstrument(code);
        if (error instanceof ApiError && error.status === 403 && builtin && (version === undefined || builtin.version === version)) {
          return builtin;
        }
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** Sends a completed questionnaire; the due list and any trajectories are refreshed. */
export function useSubmitResponse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitInput) => api<SubmitResult>('POST', '/measures/responses', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: measureKeys.mine }),
  });
}

/** The safety screen the server attached to a refused (incomplete) submission, if any. */
export function safetyOfError(error: unknown): SafetyScreen | null {
  if (!(error instanceof ApiError)) return null;
  const current = error.current as { safety?: SafetyScreen | null } | undefined;
  return current?.safety ?? null;
}

export function useInstruments(enabled = true) {
  return useQuery({
    queryKey: measureKeys.instruments,
    queryFn: () => api<z.infer<typeof instrumentListResponseSchema>>('GET', '/instruments'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** A member's scores over time, per instrument (an audited read). */
export function useTrajectories(enrolmentId: string) {
  return useQuery({
    queryKey: measureKeys.member(enrolmentId),
    queryFn: () => api<z.infer<typeof trajectoryResponseSchema>>('GET', `/enrolments/${enc(enrolmentId)}/measures`),
  });
}

export interface OutcomeFilters {
  instrumentCode: string;
  groupId: string;
  /** First day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

/** The filters as API parameters. The server's `to` is exclusive, so the last day becomes the day after. */
export function outcomeParams(filters: OutcomeFilters): Record<string, string | undefined> {
  return {
    instrumentCode: filters.instrumentCode,
    groupId: filters.groupId || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
}

export function useOutcomes(filters: OutcomeFilters) {
  const params = outcomeParams(filters);
  return useQuery({
    queryKey: measureKeys.outcomes(params),
    queryFn: () => api<OutcomeReport>('GET', `/reports/outcomes${toQuery(params)}`),
    placeholderData: (previous) => previous,
  });
}

/** The same report as a CSV download: a plain link, no script needed. */
export function outcomesCsvUrl(filters: OutcomeFilters): string {
  return `/api/reports/outcomes.csv${toQuery(outcomeParams(filters))}`;
}

/** The address of one due questionnaire. */
export function questionnairePath(due: Pick<DueMeasure, 'code' | 'requestId'>): string {
  return `/measures/${encodeURIComponent(due.code)}?request=${encodeURIComponent(due.requestId)}`;
}
