import { useMutation } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { consoleMutationKey } from '../../api/queryKeys';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import './privacy-pages.css';

interface Fields {
  text: string;
}

export interface ReasonModalProps<Result> {
  title: string;
  /** The record the action is about, shown above the form; identifiers (isId) in monospace, untranslated. */
  details: Array<{ key: string; label: string; value: string; isId?: boolean }>;
  /** Why the text is asked for and what becomes of it. */
  notice: ReactNode;
  field: {
    /** The body property the server reads the text from ("reason", "note"). */
    bodyName: string;
    label: string;
    placeholder: string;
    /** Said when the text is shorter than minLength once trimmed. */
    tooShort: string;
    /** The server's minimum, so the form refuses before sending. */
    minLength: number;
    maxLength: number;
    rows: number;
    testId: string;
  };
  submit: { label: string; icon?: ReactNode; isDanger?: boolean; testId: string };
  cancelLabel: string;
  /** Names the console action, so a 401 answer rechecks the staff session. */
  action: string;
  send: (text: string) => Promise<Result>;
  onSent?: (result: Result) => void;
  /** When the answer itself is to be read (an unmasked value): shown instead of the form, with a close button. */
  sentView?: { render: (result: Result) => ReactNode; closeLabel: string; closeTestId: string };
  onClose: () => void;
}

/** A form rule: at least `min` characters once trimmed (the servers' rule for reasons and notes). */
export function minTrimmedLength(min: number, message: string) {
  return { validator: (_rule: unknown, text: string | undefined) => ((text?.trim().length ?? 0) >= min ? Promise.resolve() : Promise.reject(new Error(message))) };
}

/**
 * A console action that needs a typed reason or note (unmask, close an alert, release a legal hold):
 * the record, a notice, one text field checked against the server's minimum, and the server's
 * refusal next to the field. The answer is not cached (gcTime 0): an unmasked value lives only as long
 * as the window, which is opened with a key and unmounted on close.
 */
export function ReasonModal<Result>({ title, details, notice, field, submit, cancelLabel, action, send, onSent, sentView, onClose }: ReasonModalProps<Result>) {
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<unknown>(undefined);

  const mutation = useMutation({
    mutationKey: consoleMutationKey(action),
    mutationFn: send,
    gcTime: 0,
    onSuccess: (result) => onSent?.(result),
    onError: (error) => {
      // reason_required: the server's refusal, in its own words, next to the field.
      const { fields, rest } = splitFieldErrors<'text'>(error, { [`/body/${field.bodyName}`]: 'text' }, { reason_required: 'text' });
      form.setFields(fields);
      setProblem(rest);
    },
  });
  const isShowingResult = sentView !== undefined && mutation.isSuccess;

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        isShowingResult
          ? [
              <Button key="close" type="primary" onClick={onClose} data-testid={sentView.closeTestId}>
                {sentView.closeLabel}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {cancelLabel}
              </Button>,
              <Button key="submit" type="primary" danger={submit.isDanger} icon={submit.icon} loading={mutation.isPending} onClick={() => form.submit()} data-testid={submit.testId}>
                {submit.label}
              </Button>,
            ]
      }
    >
      <Descriptions
        size="small"
        column={1}
        className="console-page__block"
        items={details.map(({ key, label, value, isId }) => ({
          key,
          label,
          children: (
            <span className={isId ? 'privacy-id' : undefined} translate={isId ? 'no' : undefined}>
              {value}
            </span>
          ),
        }))}
      />
      {isShowingResult ? (
        sentView.render(mutation.data)
      ) : (
        <>
          {notice}
          <Form<Fields>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ text: '' }}
            onFinish={({ text }) => {
              setProblem(undefined);
              mutation.mutate(text.trim());
            }}
          >
            <Form.Item
              name="text"
              label={field.label}
              rules={[minTrimmedLength(field.minLength, field.tooShort)]}
            >
              <Input.TextArea rows={field.rows} maxLength={field.maxLength} showCount placeholder={field.placeholder} data-testid={field.testId} />
            </Form.Item>
          </Form>
          {problem ? <ErrorNotice error={problem} /> : null}
        </>
      )}
    </Modal>
  );
}
