// zh-CN is the source language: every other language is type-checked against this object,
// so a key added here and forgotten elsewhere fails the build instead of showing a raw key.
// Plural suffixes (_one/_other) are avoided on purpose: they would make the key sets differ per language.
export const zhCN = {
  common: {
    brand: 'Besttrav',
    loading: '加载中…',
    retry: '重试',
    backHome: '返回首页',
    documentTitle: '{{page}} - Besttrav',
  },
  language: {
    switchText: 'English',
    switchLabel: '切换到英文界面',
  },
  nav: {
    home: '首页',
    contact: '联系我们',
    privacy: '隐私政策',
    mainLabel: '主导航',
    openMenu: '打开导航菜单',
    menuTitle: '导航',
  },
  footer: {
    tagline: '安心出行，从选对保险开始。',
    operator: '运营主体',
    hotline: '客服热线',
    address: '地址',
    piContact: '个人信息保护',
    links: '帮助与政策',
    icp: 'ICP 备案号：{{value}}',
    licence: '经纪业务许可证：{{value}}',
    copyright: '© {{year}} {{company}}',
    unavailable: '运营方信息暂时无法加载。',
  },
  commitments: {
    encryption: {
      title: '敏感信息逐字段加密',
      body: '身份证件号码、银行卡号等敏感信息在存储时逐个字段单独加密，即使数据库文件泄露也无法直接读取。',
    },
    consent: {
      title: '每一项同意由您决定',
      body: '每一项授权都单独向您说明用途，由您自主选择是否同意；您可以随时撤回任何一项同意。',
    },
    audit: {
      title: '员工访问全程留痕',
      body: '工作人员每一次查看您的个人信息都会被记录：谁、在什么时间、查看了什么。',
    },
    rights: {
      title: '您的数据由您做主',
      body: '您可以随时导出自己的数据，也可以要求我们删除。',
    },
  },
  home: {
    hero: {
      badge: '旅行保险',
      title: '安心出行，从选对保险开始',
      subtitle:
        'Besttrav 是一个保险经纪服务平台。您可以在这里比较多家保险公司的旅行保险并在线投保，在“我的保险”中管理保单，出险后在线申请理赔。',
      primaryCta: '了解隐私保护',
      secondaryCta: '联系我们',
    },
    features: {
      title: '一站式旅行保险服务',
      compare: {
        title: '比较多家保险公司',
        body: '把不同保险公司的旅行保险放在一起，比较保障范围和条款，选好后直接在线投保。',
      },
      policies: {
        title: '我的保险',
        body: '所有保单集中在“我的保险”中，随时查看保障内容、下载电子保单。',
      },
      claims: {
        title: '在线理赔',
        body: '出险后在线提交理赔申请和材料，随时查看处理进度。',
      },
    },
    steps: {
      title: '三步完成投保',
      subtitle: '从行程到保单，全程在线办理。',
      one: {
        title: '告诉我们您的行程',
        body: '填写目的地、出行日期和同行人员。',
      },
      two: {
        title: '比较并选择方案',
        body: '对比多家保险公司的保障内容与条款，选出适合您的方案。',
      },
      three: {
        title: '在线支付投保',
        body: '支付完成后，电子保单会出现在“我的保险”中。',
      },
    },
    privacy: {
      title: '我们对您的隐私承诺',
      subtitle: '这些承诺写进了平台的设计，由系统强制执行，而不只是写在纸面上。',
      more: '阅读隐私政策',
    },
    help: {
      title: '需要帮助？',
      body: '对投保、理赔或个人信息有任何疑问，欢迎联系我们。',
      call: '致电 {{hotline}}',
      more: '更多联系方式',
    },
  },
  privacy: {
    title: '隐私政策',
    intro:
      '本页概括说明 Besttrav 会处理哪些个人信息、为什么处理，以及我们对您作出的承诺。带版本号和生效日期的完整隐私政策将在本页发布；在您投保之前，我们会请您阅读并同意届时适用的版本。',
    operator: {
      title: '谁在处理您的信息',
      body: 'Besttrav 平台由 {{company}} 运营，它是您个人信息的处理者。',
      address: '注册地址：{{address}}',
    },
    collect: {
      title: '我们收集哪些信息，以及为什么',
      account: {
        title: '账户信息',
        body: '手机号码或电子邮箱，用于登录、找回账户和发送保单通知。',
      },
      insured: {
        title: '投保信息',
        body: '投保人和被保险人的姓名、证件类型与号码、出生日期、联系方式，以及行程的目的地和日期。保险公司核保和出具保单需要这些信息。',
      },
      payment: {
        title: '支付与收款账户',
        body: '保费支付由持牌支付机构完成；只有在理赔款需要打入您的银行账户时，我们才会收集银行卡号。',
      },
      claims: {
        title: '理赔材料',
        body: '出险经过、票据、病历等材料，仅用于协助您向保险公司申请理赔。其中的医疗健康信息属于敏感个人信息，我们会事先征得您的单独同意。',
      },
      technical: {
        title: '访问记录',
        body: '访问时间、IP 地址、浏览器类型等技术日志，用于保障账户和系统安全、排查故障。',
      },
      cookie: {
        title: 'Cookie',
        body: '目前我们只在您主动切换语言时设置一个名为 bt_lang 的 Cookie，用来记住您选择的语言。',
      },
    },
    share: {
      title: '我们与谁共享',
      body: '为了给您出具保单和处理理赔，我们需要把必要的信息提供给承保的保险公司，支付时提供给支付机构。每次对外提供之前，我们都会告诉您接收方是谁、提供哪些信息、用于什么目的，并征得您的单独同意，法律法规另有规定的除外。我们不会出售您的个人信息。',
    },
    commitments: {
      title: '我们的承诺',
    },
    rights: {
      title: '您的权利',
      intro: '您有权：',
      access: '查阅、复制您的个人信息；',
      correct: '更正或补充不准确、不完整的信息；',
      export: '导出您的数据；',
      delete: '删除您的个人信息或注销账户；',
      withdraw: '撤回您此前作出的任何同意（撤回不影响撤回前基于同意已进行的处理）；',
      explain: '要求我们解释个人信息处理规则。',
    },
    contact: {
      title: '如何联系我们',
      body: '对个人信息的处理有任何疑问、意见或请求，请联系我们的个人信息保护负责人。为保护您的信息安全，我们在处理请求前会先核实您的身份。',
    },
  },
  contact: {
    title: '联系我们',
    intro: '如有任何问题，欢迎通过以下方式联系我们。',
    hotline: {
      title: '客服热线',
      body: '投保、保单和理赔咨询',
    },
    pi: {
      title: '个人信息保护',
      body: '查阅、更正、删除个人信息或撤回同意等请求',
    },
    company: {
      title: '运营主体',
      body: 'Besttrav 平台的运营公司',
    },
    fields: {
      name: '联系人',
      email: '电子邮箱',
      phone: '电话',
      company: '公司名称',
      address: '地址',
    },
  },
  notFound: {
    title: '页面不存在',
    subtitle: '您访问的页面不存在或已被移除。',
  },
  errors: {
    network: {
      title: '无法连接服务器',
      detail: '请检查网络连接后重试。',
    },
    unexpected: {
      title: '服务暂时不可用',
      detail: '请稍后再试。如果问题持续存在，请联系客服。',
    },
    render: {
      title: '页面出错了',
      detail: '很抱歉，页面遇到了意外错误。请刷新页面后重试。',
      reload: '刷新页面',
    },
    requestId: '请求编号：{{id}}',
  },
  console: {
    title: 'Besttrav 管理后台',
    shortTitle: '管理后台',
    backToSite: '返回网站',
    collapseMenu: '收起菜单',
    expandMenu: '展开菜单',
    menuLabel: '后台导航',
    menu: {
      status: '系统状态',
    },
    notFound: {
      subtitle: '后台中没有这个页面。',
      back: '返回系统状态',
    },
    status: {
      title: '系统状态',
      subtitle: '服务健康检查（/healthz）与就绪检查（/readyz）的实时结果，每 30 秒自动刷新。',
      refresh: '刷新',
      lastUpdated: '更新于 {{time}}',
      ready: '系统已就绪，可以正常处理请求。',
      notReady: '系统未就绪：部分检查未通过。',
      health: '服务健康',
      version: '版本',
      uptime: '运行时长',
      database: '数据库',
      migrations: '数据库迁移',
      migrationsValue: '{{applied}} / {{expected}}',
      migrationsDetail: '已执行 {{applied}} 个，应执行 {{expected}} 个',
      migrationsHint: '已执行 / 应执行',
      jobs: '后台任务',
      checks: '就绪检查',
      check: '检查项',
      result: '结果',
      details: '详情',
      ok: '正常',
      error: '异常',
      kind: {
        pglite: 'PGlite（内嵌）',
        postgres: 'PostgreSQL',
      },
    },
  },
};

export type Messages = typeof zhCN;
