/**
 * The one catalogue of error codes: HTTP status and the message people see, in both languages.
 * Messages never contain personal information; `{name}` placeholders are filled from AppError params,
 * which must themselves be free of PI (field names, limits, migration names — never values).
 */
export type Language = 'zh-CN' | 'en';

type Text = Record<Language, string>;

export interface ErrorDefinition {
  status: number;
  title: Text;
  detail: Text;
}

function define<T extends Record<string, ErrorDefinition>>(codes: T): T {
  return codes;
}

export const errorCodes = define({
  bad_request: {
    status: 400,
    title: { 'zh-CN': '请求有误', en: 'Bad request' },
    detail: { 'zh-CN': '请求无法处理，请检查后重试。', en: 'The request could not be processed. Please check it and try again.' },
  },
  malformed_json: {
    status: 400,
    title: { 'zh-CN': '请求格式错误', en: 'Malformed request' },
    detail: { 'zh-CN': '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  },
  validation_failed: {
    status: 400,
    title: { 'zh-CN': '填写内容有误', en: 'Some fields need attention' },
    detail: { 'zh-CN': '请根据提示修改后重新提交。', en: 'Please correct the highlighted fields and submit again.' },
  },
  unauthorized: {
    status: 401,
    title: { 'zh-CN': '请先登录', en: 'Please sign in' },
    detail: { 'zh-CN': '此操作需要登录后才能进行。', en: 'You need to sign in to do this.' },
  },
  forbidden: {
    status: 403,
    title: { 'zh-CN': '无权访问', en: 'Access denied' },
    detail: { 'zh-CN': '您没有进行此操作的权限。', en: 'You do not have permission to do this.' },
  },
  not_found: {
    status: 404,
    title: { 'zh-CN': '未找到', en: 'Not found' },
    detail: { 'zh-CN': '您访问的内容不存在或已被移除。', en: 'What you are looking for does not exist or has been removed.' },
  },
  method_not_allowed: {
    status: 405,
    title: { 'zh-CN': '不支持的操作', en: 'Method not allowed' },
    detail: { 'zh-CN': '此地址不支持该请求方式。', en: 'This address does not support that request method.' },
  },
  conflict: {
    status: 409,
    title: { 'zh-CN': '操作冲突', en: 'Conflict' },
    detail: { 'zh-CN': '数据已被修改，请刷新后重试。', en: 'The data has changed in the meantime. Please reload and try again.' },
  },
  terms_consent_required: {
    status: 403,
    title: { 'zh-CN': '请先同意更新后的条款', en: 'Please accept the updated terms first' },
    detail: {
      'zh-CN': '我们的隐私政策或用户协议有重要更新，您同意新版本后才能进行此操作。在此之前，您仍可以查看、导出和删除您的个人信息，或注销账户。',
      en: 'Our privacy policy or user agreement has changed in important ways, and this needs your agreement to the new version. Until then you can still view, export and delete your personal information, or close your account.',
    },
  },
  document_draft_exists: {
    status: 409,
    title: { 'zh-CN': '已有草稿', en: 'A draft already exists' },
    detail: { 'zh-CN': '该文件已有一个未发布的草稿，请先编辑、发布或删除该草稿。', en: 'This document already has an unpublished draft. Edit, publish or discard it first.' },
  },
  document_version_published: {
    status: 409,
    title: { 'zh-CN': '已发布的版本不可修改', en: 'Published versions cannot change' },
    detail: { 'zh-CN': '该版本已发布，内容不可再修改或删除；如需修改，请起草新版本。', en: 'This version is published and can no longer be edited or deleted. Draft a new version instead.' },
  },
  document_version_changed: {
    status: 409,
    title: { 'zh-CN': '文件已更新', en: 'The document has been updated' },
    detail: { 'zh-CN': '您查看的不是当前生效的版本，请刷新页面后查看最新版本。', en: 'This is not the version in effect. Please reload the page to see the current version.' },
  },
  payload_too_large: {
    status: 413,
    title: { 'zh-CN': '内容过大', en: 'Request too large' },
    detail: { 'zh-CN': '提交的内容超过了允许的大小。', en: 'What you sent is larger than allowed.' },
  },
  unsupported_media_type: {
    status: 415,
    title: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
    detail: { 'zh-CN': '请以 JSON 格式提交。', en: 'Please send the request as JSON.' },
  },
  rate_limited: {
    status: 429,
    title: { 'zh-CN': '操作过于频繁', en: 'Too many requests' },
    detail: { 'zh-CN': '请求过于频繁，请稍后再试。', en: 'You are making requests too quickly. Please wait a moment and try again.' },
  },
  internal: {
    status: 500,
    title: { 'zh-CN': '系统繁忙', en: 'Something went wrong' },
    detail: {
      'zh-CN': '系统出现问题，我们已记录并会尽快处理。请稍后再试，或拨打客服热线。',
      en: 'Something went wrong on our side. It has been logged; please try again later or call the hotline.',
    },
  },
  service_unavailable: {
    status: 503,
    title: { 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
    detail: { 'zh-CN': '服务正在维护或启动中，请稍后再试。', en: 'The service is starting or under maintenance. Please try again shortly.' },
  },
  invalid_phone: {
    status: 400,
    title: { 'zh-CN': '手机号码无效', en: 'Invalid mobile number' },
    detail: { 'zh-CN': '请输入有效的中国大陆手机号码。', en: 'Please enter a valid mainland China mobile number.' },
  },
  sms_cooldown: {
    status: 429,
    title: { 'zh-CN': '请稍后再获取验证码', en: 'Please wait before asking again' },
    detail: { 'zh-CN': '验证码已发送，请 {seconds} 秒后再重新获取。', en: 'A code was just sent. You can ask for a new one in {seconds} seconds.' },
  },
  sms_limit_phone: {
    status: 429,
    title: { 'zh-CN': '验证码发送次数过多', en: 'Too many codes requested' },
    detail: { 'zh-CN': '该号码一小时内获取验证码次数已达上限，请稍后再试。', en: 'This number has had as many codes as allowed in one hour. Please try again later.' },
  },
  sms_limit_ip: {
    status: 429,
    title: { 'zh-CN': '验证码发送次数过多', en: 'Too many codes requested' },
    detail: { 'zh-CN': '当前网络获取验证码次数过多，请稍后再试。', en: 'Too many codes have been requested from your network. Please try again later.' },
  },
  sms_failed: {
    status: 502,
    title: { 'zh-CN': '短信发送失败', en: 'Text message not sent' },
    detail: { 'zh-CN': '短信服务暂时不可用，请稍后重试，或拨打客服热线。', en: 'The text message service is not available right now. Please try again shortly or call the hotline.' },
  },
  sign_in_locked: {
    status: 429,
    title: { 'zh-CN': '登录已暂时锁定', en: 'Sign-in temporarily locked' },
    detail: {
      'zh-CN': '错误次数过多，为保护您的账户，请 {minutes} 分钟后再试。',
      en: 'Too many wrong attempts. To protect your account, please try again in {minutes} minutes.',
    },
  },
  code_invalid: {
    status: 400,
    title: { 'zh-CN': '验证码错误', en: 'Wrong code' },
    detail: { 'zh-CN': '验证码不正确，您还可以尝试 {remaining} 次。', en: 'That code is not right. You have {remaining} more tries.' },
  },
  code_expired: {
    status: 400,
    title: { 'zh-CN': '验证码已失效', en: 'Code no longer valid' },
    detail: { 'zh-CN': '验证码已过期或已使用，请重新获取。', en: 'The code has expired or was already used. Please ask for a new one.' },
  },
  password_weak: {
    status: 400,
    title: { 'zh-CN': '密码强度不足', en: 'Password too weak' },
    detail: { 'zh-CN': '请设置至少 8 位、包含字母和数字且不易被猜到的密码。', en: 'Please choose at least 8 characters with letters and digits that are hard to guess.' },
  },
  profile_invalid: {
    status: 400,
    title: { 'zh-CN': '个人信息填写有误', en: 'Some details need attention' },
    detail: { 'zh-CN': '请根据各项下方的提示修改后重新保存，本次未保存任何内容。', en: 'Please correct the fields as shown and save again. Nothing was saved.' },
  },
  sensitive_pi_consent_required: {
    status: 400,
    title: { 'zh-CN': '需要您的单独同意', en: 'Your separate consent is needed' },
    detail: {
      'zh-CN': '证件号码属于敏感个人信息，保存前需要您阅读说明并单独勾选同意。不填写证件号码，其他信息也可以正常保存。',
      en: 'An ID number is sensitive personal information: before it is saved, please read the notice and tick the box to consent. Everything else can be saved without it.',
    },
  },
  phone_unchanged: {
    status: 400,
    title: { 'zh-CN': '手机号码未变化', en: 'Same mobile number' },
    detail: { 'zh-CN': '新手机号码与当前手机号码相同，请填写新的号码。', en: 'The new number is the one the account already has. Please enter a different number.' },
  },
  phone_in_use: {
    status: 409,
    title: { 'zh-CN': '该号码已注册', en: 'Number already registered' },
    detail: {
      'zh-CN': '新手机号码已是另一个 Besttrav 账户的登录号码，不能绑定到本账户。如需合并账户，请联系客服。',
      en: 'The new number already signs in to another Besttrav account and cannot be moved to this one. To merge accounts, please contact customer service.',
    },
  },
  credentials_invalid: {
    status: 401,
    title: { 'zh-CN': '登录信息不正确', en: 'Sign-in details not right' },
    detail: { 'zh-CN': '账号或密码不正确。', en: 'The account or password is not right.' },
  },
  totp_invalid: {
    status: 401,
    title: { 'zh-CN': '动态验证码错误', en: 'Wrong authenticator code' },
    detail: { 'zh-CN': '身份验证器中的 6 位动态码不正确或已过期。', en: 'The 6-digit code from your authenticator app is wrong or has expired.' },
  },
  csrf_failed: {
    status: 403,
    title: { 'zh-CN': '请求校验失败', en: 'Request check failed' },
    detail: { 'zh-CN': '页面已过期或请求来源不可信，请刷新页面后重试。', en: 'The page has expired or the request did not come from this site. Please reload and try again.' },
  },
  session_expired: {
    status: 401,
    title: { 'zh-CN': '登录已过期', en: 'Session expired' },
    detail: { 'zh-CN': '您的登录已过期，请重新登录。', en: 'Your session has expired. Please sign in again.' },
  },
  guardian_consent_required: {
    status: 403,
    title: { 'zh-CN': '需要监护人同意', en: 'A guardian’s consent is needed' },
    detail: {
      'zh-CN': '未满 14 周岁的用户需由父母或其他监护人验证手机号并同意后才能使用此功能。您仍可查看和删除自己的信息。',
      en: 'Users under 14 need a parent or other guardian to verify their mobile number and consent before using this. You can still view and delete your information.',
    },
  },
  guardian_phone_is_child: {
    status: 400,
    title: { 'zh-CN': '请填写监护人的手机号', en: 'Enter the guardian’s own number' },
    detail: { 'zh-CN': '监护人手机号不能与本账户的手机号相同。', en: 'The guardian’s mobile number cannot be the number of this account.' },
  },
  hold_already_released: {
    status: 409,
    title: { 'zh-CN': '保全已解除', en: 'Hold already released' },
    detail: { 'zh-CN': '该法律保全此前已被解除，无需再次操作。', en: 'This legal hold was released earlier; there is nothing left to release.' },
  },
  reason_required: {
    status: 400,
    title: { 'zh-CN': '请填写原因', en: 'A reason is required' },
    detail: { 'zh-CN': '此操作需要写明原因（至少 5 个字），原因将记录在审计日志中。', en: 'This action needs a written reason (at least 5 characters), which is recorded in the audit log.' },
  },
  disclosure_refused: {
    status: 503,
    title: { 'zh-CN': '暂时无法提供该服务', en: 'Service temporarily unavailable' },
    detail: {
      'zh-CN': '该服务需要向合作方提供信息，但相关数据处理协议尚未生效。请联系客服热线。',
      en: 'This service needs to share information with a partner whose data-processing agreement is not in force. Please call the hotline.',
    },
  },
  consent_required: {
    status: 409,
    title: { 'zh-CN': '需要您的同意', en: 'Your consent is needed' },
    detail: {
      'zh-CN': '此操作需要您的单独同意，而您目前未同意或已撤回。您可以在“授权管理”中查看并决定是否同意。',
      en: 'This needs your separate consent, which you have not given or have withdrawn. You can review it and decide under Consents.',
    },
  },
  consent_text_changed: {
    status: 409,
    title: { 'zh-CN': '授权说明已更新', en: 'The wording has changed' },
    detail: { 'zh-CN': '这项授权的说明已更新，请刷新页面阅读新的说明后再作决定。', en: 'The wording of this consent has been updated. Reload the page, read it and decide again.' },
  },
  unsubscribe_link_invalid: {
    status: 404,
    title: { 'zh-CN': '退订链接无效', en: 'Unsubscribe link not valid' },
    detail: {
      'zh-CN': '该退订链接无效或已过期。您可以登录后在“授权管理”中关闭营销消息，或拨打客服热线。',
      en: 'This unsubscribe link is not valid or has expired. Sign in and switch marketing messages off under Consents, or call the hotline.',
    },
  },
  campaign_not_draft: {
    status: 409,
    title: { 'zh-CN': '活动已发送', en: 'Campaign already sent' },
    detail: { 'zh-CN': '该营销活动已开始发送或已发送完毕，不能再次发送。', en: 'This campaign has already been sent or is being sent; it cannot be sent again.' },
  },
  jobs_unavailable: {
    status: 503,
    title: { 'zh-CN': '后台任务暂不可用', en: 'Background jobs unavailable' },
    detail: { 'zh-CN': '此服务器未运行后台任务，暂时无法发送。请稍后再试或联系管理员。', en: 'This server does not run background jobs, so nothing can be sent now. Try again later or ask an administrator.' },
  },
  username_taken: {
    status: 409,
    title: { 'zh-CN': '用户名已被使用', en: 'Username taken' },
    detail: { 'zh-CN': '该用户名已被其他员工使用，请换一个。', en: 'Another staff member already has this username. Please choose another.' },
  },
  self_lockout: {
    status: 409,
    title: { 'zh-CN': '不能对自己执行此操作', en: 'Not on your own account' },
    detail: {
      'zh-CN': '管理员不能停用自己的账户或移除自己的管理员角色，请由另一位管理员操作。',
      en: 'Administrators cannot disable their own account or remove their own administrator role. Ask another administrator.',
    },
  },
  // Quotes (R-POL-3): out-of-range input names the product's limits, never anything about a person.
  quote_insured_count: {
    status: 400,
    title: { 'zh-CN': '被保险人人数不符', en: 'Number of insured persons not accepted' },
    detail: { 'zh-CN': '每次报价须有 1 至 {max} 位被保险人。', en: 'A quote needs between 1 and {max} insured persons.' },
  },
  quote_days_out_of_range: {
    status: 400,
    title: { 'zh-CN': '保障天数超出范围', en: 'Trip length not covered' },
    detail: { 'zh-CN': '本产品的保障天数须在 {min} 至 {max} 天之间。', en: 'This product covers trips of {min} to {max} days.' },
  },
  quote_dates_invalid: {
    status: 400,
    title: { 'zh-CN': '出行日期有误', en: 'Travel dates not accepted' },
    detail: { 'zh-CN': '返回日期不能早于出发日期，出发日期不能早于今天。', en: 'The return date cannot be before the departure date, and the departure cannot be in the past.' },
  },
  quote_destination_required: {
    status: 400,
    title: { 'zh-CN': '请选择目的地', en: 'Please choose a destination' },
    detail: { 'zh-CN': '旅行险需根据目的地计算保费，请至少选择一个目的地。', en: 'Travel insurance is priced by destination: please choose at least one.' },
  },
  quote_unknown_destination: {
    status: 400,
    title: { 'zh-CN': '无法识别的目的地', en: 'Unknown destination' },
    // The code may be anything a person typed: it is never echoed, the field's pointer says which one.
    detail: { 'zh-CN': '无法识别所填的目的地，请从列表中选择。', en: 'A destination is not known. Please choose one from the list.' },
  },
  quote_destination_not_covered: {
    status: 400,
    title: { 'zh-CN': '目的地不在承保范围内', en: 'Destination not covered' },
    detail: { 'zh-CN': '本产品不承保前往 {destination} 的行程，请选择其他产品。', en: 'This product does not cover trips to {destination}. Please choose another product.' },
  },
  quote_age_out_of_range: {
    status: 400,
    title: { 'zh-CN': '被保险人年龄不符', en: 'Age not covered' },
    detail: {
      'zh-CN': '本产品承保 {min} 至 {max} 周岁的被保险人，第 {position} 位被保险人的年龄不在此范围内。',
      en: 'This product covers insured persons aged {min} to {max}; insured person {position} is outside that range.',
    },
  },
  quote_occupation_required: {
    status: 400,
    title: { 'zh-CN': '请选择职业类别', en: 'Please choose an occupation class' },
    detail: { 'zh-CN': '意外险按职业类别计算保费，请选择被保险人的职业类别。', en: 'Accident insurance is priced by occupation class: please choose one.' },
  },
  quote_occupation_not_covered: {
    status: 400,
    title: { 'zh-CN': '职业类别不在承保范围内', en: 'Occupation class not covered' },
    detail: { 'zh-CN': '本产品仅承保 1 至 {max} 类职业，不承保 {occupationClass} 类职业。', en: 'This product covers occupation classes 1 to {max}, not class {occupationClass}.' },
  },
  quote_unavailable: {
    status: 500,
    title: { 'zh-CN': '暂时无法报价', en: 'No price available' },
    detail: { 'zh-CN': '暂时无法按所选条件报价，请稍后再试或选择其他方案。', en: 'We cannot price this choice right now. Please try again later or choose another plan.' },
  },
  product_not_publishable: {
    status: 422,
    title: { 'zh-CN': '产品尚不能上架', en: 'Product not ready to publish' },
    detail: { 'zh-CN': '产品资料不完整或费率表有误，请按提示补全后再上架。', en: 'The product is incomplete or its rating table is inconsistent. Please fix what is listed, then publish.' },
  },
  // Editing the catalogue in the console (R-POL-1): what was sold stays as it was sold.
  product_sold_terms_frozen: {
    status: 409,
    title: { 'zh-CN': '已售产品的保障内容不可修改', en: 'Cover of a sold product cannot change' },
    detail: {
      'zh-CN': '该产品已有订单，保障内容与条件不可修改；请复制为新产品后修改。简介、排序、文档和费率表仍可更新。',
      en: 'This product has orders, so its cover and conditions cannot change; please copy it as a new product and change the copy. Its summary, order, documents and rating table can still be updated.',
    },
  },
  catalogue_edit_invalid: {
    status: 422,
    title: { 'zh-CN': '填写内容有误', en: 'Some fields need attention' },
    detail: { 'zh-CN': '有 {count} 处需要修改，请按提示更正；产品未作任何改动。', en: '{count} field(s) need attention. Please correct what is marked; nothing about the product has changed.' },
  },
  product_edit_unpublishable: {
    status: 409,
    title: { 'zh-CN': '修改后产品将不能在售', en: 'The change would leave the product unsellable' },
    detail: {
      'zh-CN': '产品正在销售，这项修改会让它不再满足上架条件（{count} 处问题），因此未保存。请一并修正，或先下架再修改。',
      en: 'The product is on sale and this change would leave it failing the publishing checks ({count} problem(s)), so it was not saved. Fix them together, or take the product off sale first.',
    },
  },
  product_code_taken: {
    status: 409,
    title: { 'zh-CN': '产品代码已被使用', en: 'Product code already in use' },
    detail: { 'zh-CN': '已有产品使用代码 {code}，请换一个。', en: 'Another product already uses the code {code}. Please choose another.' },
  },
  // Insurers (R-POL-9): what the insurer said stays in details (its status and reason code), never in the text.
  insurer_unavailable: {
    status: 503,
    title: { 'zh-CN': '保险公司暂时无法响应', en: 'Insurer not answering' },
    detail: { 'zh-CN': '保险公司系统暂时无法响应，请稍后再试。', en: 'The insurer’s system is not answering at the moment. Please try again later.' },
  },
  insurer_refused: {
    status: 422,
    title: { 'zh-CN': '保险公司未受理', en: 'Refused by the insurer' },
    detail: { 'zh-CN': '保险公司未受理此请求，请联系客服。', en: 'The insurer did not accept this request. Please contact customer service.' },
  },
  insurer_policy_not_found: {
    status: 404,
    title: { 'zh-CN': '保险公司查无此保单', en: 'Policy unknown to the insurer' },
    detail: { 'zh-CN': '保险公司系统中没有这张保单，请联系客服。', en: 'The insurer has no record of this policy. Please contact customer service.' },
  },
  insurer_auth_failed: {
    status: 502,
    title: { 'zh-CN': '保险公司拒绝了平台的身份', en: 'Insurer refused the platform’s credentials' },
    detail: { 'zh-CN': '与保险公司的对接配置有误，请联系平台管理员。', en: 'The connection to the insurer is misconfigured. Please contact the platform’s administrator.' },
  },
  insurer_bad_response: {
    status: 502,
    title: { 'zh-CN': '保险公司答复无法识别', en: 'Unrecognised answer from the insurer' },
    detail: { 'zh-CN': '保险公司的答复无法验证或识别，请联系平台管理员。', en: 'The insurer’s answer could not be verified or understood. Please contact the platform’s administrator.' },
  },
  config_invalid: {
    status: 500,
    title: { 'zh-CN': '配置有误', en: 'Invalid configuration' },
    detail: { 'zh-CN': '配置项有误：{summary}', en: 'The configuration is invalid: {summary}' },
  },
  migration_failed: {
    status: 500,
    title: { 'zh-CN': '数据库迁移失败', en: 'Database migration failed' },
    detail: { 'zh-CN': '数据库迁移 {migration} 执行失败。', en: 'Database migration {migration} failed.' },
  },
  migration_mismatch: {
    status: 500,
    title: { 'zh-CN': '数据库版本不一致', en: 'Database version mismatch' },
    detail: {
      'zh-CN': '数据库中的迁移 {migration} 与代码不一致：{reason}',
      en: 'Migration {migration} in the database does not match the code: {reason}',
    },
  },
  database_unreachable: {
    status: 503,
    title: { 'zh-CN': '无法连接数据库', en: 'Database unreachable' },
    detail: { 'zh-CN': '无法连接到数据库：{reason}', en: 'Could not connect to the database: {reason}' },
  },
  // Payments (R-POL-8): the payment provider adapter.
  payment_provider_unavailable: {
    status: 503,
    title: { 'zh-CN': '支付服务暂时不可用', en: 'Payment service unavailable' },
    detail: { 'zh-CN': '支付服务暂时无法连接，请稍后再试。', en: 'The payment service cannot be reached right now. Please try again shortly.' },
  },
  payment_provider_failed: {
    status: 502,
    title: { 'zh-CN': '支付服务出错', en: 'Payment service error' },
    detail: { 'zh-CN': '支付服务未能处理此请求，我们已记录并会尽快处理。', en: 'The payment service could not handle this request. We have logged it and will look into it.' },
  },
  payment_unknown: {
    status: 404,
    title: { 'zh-CN': '未找到支付记录', en: 'Payment not found' },
    detail: { 'zh-CN': '支付服务中没有这笔支付。', en: 'The payment service has no record of this payment.' },
  },
  payment_request_conflict: {
    status: 409,
    title: { 'zh-CN': '重复的支付请求', en: 'Conflicting payment request' },
    detail: { 'zh-CN': '同一请求编号已用于内容不同的支付请求。', en: 'The same request key was already used for a different payment request.' },
  },
  payment_state_conflict: {
    status: 409,
    title: { 'zh-CN': '支付状态已变化', en: 'Payment state has changed' },
    detail: { 'zh-CN': '这笔支付当前的状态不允许此操作，请刷新后查看。', en: 'The payment is no longer in a state that allows this. Please reload to see where it stands.' },
  },
  payment_refund_too_large: {
    status: 422,
    title: { 'zh-CN': '退款金额超出', en: 'Refund too large' },
    detail: { 'zh-CN': '退款总额不能超过已支付金额。', en: 'Refunds cannot add up to more than was paid.' },
  },
  payment_notification_invalid: {
    status: 401,
    title: { 'zh-CN': '支付通知无效', en: 'Invalid payment notification' },
    detail: { 'zh-CN': '支付通知的签名或时间无效，已拒绝。', en: 'The payment notification has an invalid signature or timestamp and was refused.' },
  },
  // E-policies (R-POL-9).
  e_policy_not_schengen: {
    status: 422,
    title: { 'zh-CN': '不能出具申根签证保险证明', en: 'No Schengen visa certificate for this policy' },
    detail: {
      'zh-CN': '此保单的保障不符合申根签证要求（医疗费用不低于 30,000 欧元、无免赔额，并含身故遗返），不能出具申根签证保险证明。',
      en: 'This policy’s cover does not meet the Schengen visa rules (medical expenses of at least EUR 30,000 without deductible, and repatriation), so no visa certificate can be issued for it.',
    },
  },
  // Orders and the sales process (R-POL-4, R-POL-5, R-POL-7).
  sale_not_found: {
    status: 404,
    title: { 'zh-CN': '投保流程不存在', en: 'Application not found' },
    detail: { 'zh-CN': '找不到这次投保流程，或它不属于当前会话。请从产品页面重新开始投保。', en: 'This application does not exist or belongs to another session. Please start again from the product page.' },
  },
  sale_step_not_shown: {
    status: 409,
    title: { 'zh-CN': '请先阅读相关内容', en: 'Please read it first' },
    detail: { 'zh-CN': '平台没有记录到您阅读了这项内容（或内容已更新），请重新打开阅读后再确认。', en: 'The platform has no record of showing you this content (or it has changed). Please open it again, read it, then confirm.' },
  },
  sale_steps_missing: {
    status: 409,
    title: { 'zh-CN': '还有内容未阅读确认', en: 'Some documents are not confirmed yet' },
    detail: { 'zh-CN': '提交投保前，请阅读并确认：{steps}。', en: 'Before applying, please read and confirm: {steps}.' },
  },
  application_invalid: {
    status: 422,
    title: { 'zh-CN': '投保信息有误', en: 'Application has errors' },
    detail: { 'zh-CN': '投保信息中有 {count} 处需要修改，请按提示更正后再提交；您填写的内容均已保留。', en: 'The application has {count} problem(s). Please correct what is marked and send it again; nothing you typed is lost.' },
  },
  application_consent_required: {
    status: 422,
    title: { 'zh-CN': '需要您的单独同意', en: 'Your separate consent is needed' },
    detail: { 'zh-CN': '投保需要您单独同意：{consents}。未同意时无法办理此产品的投保。', en: 'This application needs your separate consent to: {consents}. Without it, this product cannot be applied for.' },
  },
  idempotency_conflict: {
    status: 409,
    title: { 'zh-CN': '请求重复', en: 'Duplicate request' },
    detail: { 'zh-CN': '同一请求标识已用于另一份投保，请刷新页面后重新提交。', en: 'This request key was already used for another application. Please reload the page and send it again.' },
  },
  application_already_submitted: {
    status: 409,
    title: { 'zh-CN': '投保已提交', en: 'Application already sent' },
    detail: { 'zh-CN': '这份投保已经提交为订单，不再保存为草稿。请在“我的保险”中查看订单。', en: 'This application has already become an order, so it is no longer kept as a draft. See the order under My insurance.' },
  },
  order_not_found: {
    status: 404,
    title: { 'zh-CN': '订单不存在', en: 'Order not found' },
    detail: { 'zh-CN': '找不到这笔订单，或它不属于当前账户或会话。', en: 'This order does not exist or belongs to another account or session.' },
  },
  // Paying for orders and refunds (R-POL-8).
  order_not_payable: {
    status: 409,
    title: { 'zh-CN': '订单无法支付', en: 'Order cannot be paid' },
    detail: { 'zh-CN': '这笔订单已支付、已过支付期限或已关闭，无法再次支付。请在“我的保险”中查看订单状态。', en: 'This order is already paid, past its payment deadline or closed, so it cannot be paid now. See its state under My insurance.' },
  },
  payments_unavailable: {
    status: 503,
    title: { 'zh-CN': '暂不支持在线支付', en: 'Online payment not available' },
    detail: { 'zh-CN': '平台当前未开通在线支付，请联系客服。', en: 'Online payment is not available on this platform at the moment. Please contact customer service.' },
  },
  refund_without_payment: {
    status: 409,
    title: { 'zh-CN': '订单没有可退的款项', en: 'Nothing paid to refund' },
    detail: { 'zh-CN': '这笔订单没有已到账的支付，无法退款。', en: 'No payment has been received for this order, so nothing can be refunded.' },
  },
  // Policies, e-policies and their public verification (R-POL-9, R-POL-10).
  policy_not_found: {
    status: 404,
    title: { 'zh-CN': '保单不存在', en: 'Policy not found' },
    detail: { 'zh-CN': '找不到这张保单，或它不属于当前账户或会话。', en: 'This policy does not exist or belongs to another account or session.' },
  },
  policy_not_in_force: {
    status: 409,
    title: { 'zh-CN': '保单已失效', en: 'Policy no longer in force' },
    detail: { 'zh-CN': '这张保单已退保，不能再下载电子保单。', en: 'This policy has been cancelled, so its e-policy can no longer be downloaded.' },
  },
  policy_verification_not_found: {
    status: 404,
    title: { 'zh-CN': '无法验证', en: 'Cannot verify' },
    detail: { 'zh-CN': '这个验证链接无效。请核对电子保单上的二维码，或联系保险公司核实。', en: 'This verification link is not valid. Please check the QR code on the e-policy, or ask the insurer to confirm the policy.' },
  },
  // Cancellation by the customer (R-POL-10).
  policy_not_cancellable: {
    status: 409,
    title: { 'zh-CN': '无法在线退保', en: 'Cannot be cancelled online' },
    detail: { 'zh-CN': '这张保单已过犹豫期且保障已开始，或已不在保障中，无法在线退保。如需退保请联系客服。', en: 'This policy is past its cooling-off period and its cover has started, or it is no longer in force, so it cannot be cancelled online. Please contact customer service.' },
  },
  cancellation_refund_changed: {
    status: 409,
    title: { 'zh-CN': '退费金额已变化', en: 'The refund has changed' },
    detail: { 'zh-CN': '保险公司给出的退费金额与您看到的不同，保单未退。请重新查看退费金额后再确认。', en: 'The insurer’s refund differs from the one you saw; nothing was cancelled. Please look at the refund again and confirm.' },
  },
  // Change of travel dates before cover starts (R-POL-10).
  policy_dates_not_changeable: {
    status: 409,
    title: { 'zh-CN': '无法在线更改出行日期', en: 'Travel dates cannot be changed online' },
    detail: { 'zh-CN': '只有尚未开始保障、仍然有效的单次旅行保单可以在线更改出行日期。如需帮助请联系客服。', en: 'Only a single-trip travel policy that is in force and whose cover has not started can have its dates changed online. Please contact customer service for help.' },
  },
  date_change_invalid: {
    status: 422,
    title: { 'zh-CN': '新的出行日期有误', en: 'The new travel dates have errors' },
    detail: { 'zh-CN': '新的出行日期有 {count} 处需要修改，请按提示更正；保单未作任何改动。', en: 'The new dates have {count} problem(s). Please correct what is marked; nothing about the policy has changed.' },
  },
  date_change_price_changed: {
    status: 409,
    title: { 'zh-CN': '保费差额已变化', en: 'The premium difference has changed' },
    detail: { 'zh-CN': '按新日期计算的保费差额与您看到的不同，保单未作改动。请查看新的差额后再确认。', en: 'The premium difference for the new dates is not the one you saw; nothing was changed. Please look at the new difference and confirm again.' },
  },
  date_change_in_progress: {
    status: 409,
    title: { 'zh-CN': '已有一项日期变更在处理中', en: 'A change of dates is already in progress' },
    detail: { 'zh-CN': '这张保单已有一项日期变更等待付款或处理，请先完成或等待其结束。', en: 'This policy already has a change of dates awaiting payment or processing. Please finish it or wait until it ends.' },
  },
  date_change_not_found: {
    status: 404,
    title: { 'zh-CN': '日期变更不存在', en: 'Change of dates not found' },
    detail: { 'zh-CN': '找不到这项日期变更，或它不属于当前账户或会话。', en: 'This change of dates does not exist or belongs to another account or session.' },
  },
});

export type ErrorCode = keyof typeof errorCodes;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCodes, value);
}
