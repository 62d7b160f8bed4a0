import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/apiError';
import type { StaffProductDetail } from '../../api/catalogue';
import { consoleMutationKey } from '../../api/queryKeys';
import { catalogueKeys } from '../useCatalogue';
import type { FieldProblem } from '../../api/problem';
import { namePathOf, type NamePath } from './editorForms';

/**
 * One change of a product in the console. The server answers the product as it now stands, which
 * replaces the page's copy at once; the list and the site's cached reads are refreshed.
 */
export function useProductEdit<Input>(name: string, change: (input: Input) => Promise<StaffProductDetail>, onSaved?: (detail: StaffProductDetail, input: Input) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: consoleMutationKey(`catalogue-${name}`),
    mutationFn: change,
    onSuccess: (detail, input) => {
      queryClient.setQueryData(catalogueKeys.staffProduct(detail.code), detail);
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.staffProducts });
      void queryClient.invalidateQueries({ queryKey: ['catalogue'] });
      onSaved?.(detail, input);
    },
  });
}

/**
 * A form that saves one change of a product: each refused field's problem under it, 已保存 when the
 * server took it, and 还原 back to what the server holds.
 */
export function useProductForm<Values, Input>(name: string, change: (input: Input) => Promise<StaffProductDetail>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { shown, showProblems, clear } = useFormProblems(form);
  const save = useProductEdit(name, change, () => {
    clear();
    void message.success(t('catalogue.edit.saved'));
  });
  return {
    form,
    shown,
    isSaving: save.isPending,
    submit: (input: Input) => save.mutate(input, { onError: showProblems }),
    reset: () => {
      form.resetFields();
      clear();
    },
  };
}

export interface ShownProblems {
  /** The refusal itself, for the alert above the form (its title and detail). */
  error: unknown;
  /** Problems no field of the form can show, listed in the alert. */
  unplaced: FieldProblem[];
}

/**
 * Puts each problem of a refused change under its form field (found by its pointer); the refusal
 * and whatever no field shows stay for the alert above the form.
 */
export function useFormProblems<Values>(form: FormInstance<Values>): { shown: ShownProblems | null; showProblems: (error: unknown) => void; clear: () => void } {
  const [shown, setShown] = useState<ShownProblems | null>(null);
  const showProblems = (error: unknown) => {
    const problems = error instanceof ApiError ? error.fieldErrors : [];
    const values: unknown = form.getFieldsValue(true);
    const placed = problems.filter((problem) => hasPath(values, namePathOf(problem.pointer)));
    const byField = new Map<string, { name: NamePath; errors: string[] }>();
    for (const problem of placed) {
      const name = namePathOf(problem.pointer);
      const entry = byField.get(name.join('/')) ?? { name, errors: [] };
      entry.errors.push(problem.detail);
      byField.set(name.join('/'), entry);
    }
    // antd's typing wants each name checked against the values' type, which a server pointer cannot be.
    form.setFields([...byField.values()] as Parameters<FormInstance<Values>['setFields']>[0]);
    setShown({ error, unplaced: problems.filter((problem) => !placed.includes(problem)) });
  };
  return { shown, showProblems, clear: () => setShown(null) };
}

function hasPath(values: unknown, path: NamePath): boolean {
  let node = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return path.length > 0;
}
