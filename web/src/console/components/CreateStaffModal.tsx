import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/apiError';
import { queryKeys } from '../../api/queryKeys';
import { createStaff } from '../../api/staff';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';
import { RoleCheckboxes } from './RoleCheckboxes';
import './secret.css';

interface Fields {
  username: string;
  displayName: string;
  roles: string[];
}

// Mirrors the server's USERNAME_PATTERN so most mistakes are caught before sending.
const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;
const POINTERS = { '/body/username': 'username', '/body/displayName': 'displayName', '/body/roles': 'roles' } as const;

/** The one moment the initial password exists in readable form: shown once, with a way to copy it. */
function InitialPassword({ name, password }: { name: string; password: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={t('console.staff.initialPasswordWarning', { name })} className="console-page__block" />
      <Typography.Text strong>{t('console.staff.initialPassword')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: password, tooltips: [t('console.staff.copyPassword'), t('console.staff.copied')] }} className="secret-copy">
        <span className="console-secret" data-testid="staff-initial-password" translate="no">
          {password}
        </span>
      </Typography.Paragraph>
    </>
  );
}

export function CreateStaffModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);
  const [problem, setProblem] = useState<unknown>(undefined);

  const create = useMutation({
    mutationFn: (fields: Fields) => createStaff({ username: fields.username.trim(), displayName: fields.displayName.trim(), roles: fields.roles }),
    onSuccess: (result, fields) => {
      setCreated({ name: fields.displayName.trim(), password: result.initialPassword });
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffList });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'username_taken') {
        form.setFields([{ name: 'username', errors: [t('console.staff.usernameTaken')] }]);
        return;
      }
      const { fields, rest } = splitFieldErrors<keyof Fields>(error, POINTERS);
      form.setFields(fields);
      setProblem(rest);
    },
  });

  const close = () => {
    form.resetFields();
    setCreated(null);
    setProblem(undefined);
    create.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={created ? t('console.staff.createdTitle') : t('console.staff.createTitle')}
      // Once the password is on screen, only the explicit button closes it: a stray click or Esc must not lose it.
      closable={!created}
      keyboard={!created}
      mask={{ closable: false }}
      onCancel={close}
      destroyOnHidden
      footer={
        created
          ? [
              <Button key="done" type="primary" onClick={close} data-testid="staff-created-close">
                {t('console.staff.done')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t('console.staff.cancel')}
              </Button>,
              <Button key="submit" type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="staff-create-submit">
                {t('console.staff.createSubmit')}
              </Button>,
            ]
      }
    >
      {created ? (
        <InitialPassword name={created.name} password={created.password} />
      ) : (
        <Form<Fields>
          form={form}
          layout="vertical"
          requiredMark={false}
          className="staff-form"
          initialValues={{ username: '', displayName: '', roles: [] }}
          onFinish={(values) => {
            setProblem(undefined);
            create.mutate(values);
          }}
        >
          <Form.Item
            name="username"
            label={t('console.staff.username')}
            extra={t('console.staff.usernameHint')}
            rules={[
              { required: true, message: t('console.staff.usernameRequired') },
              { pattern: USERNAME, message: t('console.staff.usernameInvalid') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} data-testid="staff-create-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('console.staff.displayName')} rules={[{ required: true, whitespace: true, message: t('console.staff.displayNameRequired') }]}>
            <Input autoComplete="off" maxLength={64} data-testid="staff-create-name" />
          </Form.Item>
          <Form.Item name="roles" label={t('console.staff.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('console.staff.rolesRequired') }]}>
            <RoleCheckboxes testId="staff-create-roles" />
          </Form.Item>
          {problem ? <ErrorNotice error={problem} /> : null}
          {/* Enter in a field submits; the visible button lives in the modal footer. */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      )}
    </Modal>
  );
}
