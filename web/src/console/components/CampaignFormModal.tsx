import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_TEXT_MAX, CAMPAIGN_TITLE_MAX, campaignChannels, SMS_TEXT_MAX, type CampaignInput } from '../../../../src/shared/marketing.ts';
import { createCampaign } from '../../api/campaigns';
import { consoleMutationKey, queryKeys } from '../../api/queryKeys';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { splitFieldErrors } from '../../shared/fieldErrors';

const POINTERS = { '/body/channel': 'channel', '/body/titleZh': 'titleZh', '/body/titleEn': 'titleEn', '/body/textZh': 'textZh', '/body/textEn': 'textEn' } as const;

/** Writes a campaign draft: one channel, title and text in Chinese and English. */
export function CampaignFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CampaignInput>();
  const [problem, setProblem] = useState<unknown>(undefined);
  const channel = Form.useWatch('channel', form) ?? 'sms';
  const textMax = channel === 'sms' ? SMS_TEXT_MAX : CAMPAIGN_TEXT_MAX;

  const save = useMutation({
    mutationKey: consoleMutationKey('campaign-create'),
    mutationFn: createCampaign,
    onSuccess: () => {
      void message.success(t('campaigns.created'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
      onClose();
    },
    onError: (error) => {
      const { fields, rest } = splitFieldErrors<keyof CampaignInput>(error, POINTERS);
      form.setFields(fields);
      setProblem(rest);
    },
  });

  const required = [{ required: true, whitespace: true, message: t('campaigns.required') }];
  return (
    <Modal
      open
      width={640}
      title={t('campaigns.createTitle')}
      okText={t('campaigns.save')}
      cancelText={t('campaigns.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'campaign-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem ? <ErrorNotice error={problem} /> : null}
      <Form<CampaignInput> form={form} layout="vertical" initialValues={{ channel: 'sms' }} onFinish={(values) => save.mutate(values)} requiredMark={false}>
        <Form.Item name="channel" label={t('campaigns.channel')} rules={required} extra={channel === 'sms' ? t('campaigns.smsHint') : undefined}>
          <Select data-testid="campaign-channel" options={campaignChannels.map((value) => ({ value, label: t(`campaigns.channels.${value}`) }))} />
        </Form.Item>
        <Form.Item name="titleZh" label={t('campaigns.titleZh')} rules={required}>
          <Input maxLength={CAMPAIGN_TITLE_MAX} data-testid="campaign-title-zh" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('campaigns.titleEn')} rules={required}>
          <Input maxLength={CAMPAIGN_TITLE_MAX} data-testid="campaign-title-en" />
        </Form.Item>
        <Form.Item name="textZh" label={t('campaigns.textZh')} rules={required}>
          <Input.TextArea rows={3} maxLength={textMax} showCount data-testid="campaign-text-zh" />
        </Form.Item>
        <Form.Item name="textEn" label={t('campaigns.textEn')} rules={required}>
          <Input.TextArea rows={3} maxLength={textMax} showCount data-testid="campaign-text-en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
