import type { Messages } from './zh-CN';

// Typed as Messages: a missing or extra key is a compile error, not a blank on screen.
export const en: Messages = {
  common: {
    brand: 'Besttrav',
    loading: 'Loading…',
    retry: 'Try again',
    backHome: 'Back to home',
    documentTitle: '{{page}} - Besttrav',
  },
  language: {
    switchText: '中文',
    switchLabel: 'Switch to Chinese',
  },
  nav: {
    home: 'Home',
    contact: 'Contact us',
    privacy: 'Privacy',
    mainLabel: 'Main navigation',
    openMenu: 'Open navigation menu',
    menuTitle: 'Navigation',
  },
  footer: {
    tagline: 'Travel with peace of mind, starting with the right insurance.',
    operator: 'Operator',
    hotline: 'Customer service',
    address: 'Address',
    piContact: 'Personal information protection',
    links: 'Help and policies',
    icp: 'ICP filing: {{value}}',
    licence: 'Broker licence: {{value}}',
    copyright: '© {{year}} {{company}}',
    unavailable: 'Operator details are temporarily unavailable.',
  },
  commitments: {
    encryption: {
      title: 'Sensitive data encrypted field by field',
      body: 'ID numbers, bank card numbers and other sensitive details are each encrypted separately when stored, so they stay unreadable even if a database file leaks.',
    },
    consent: {
      title: 'Every consent is your choice',
      body: 'Each permission is explained to you on its own and is yours to give or refuse. You can withdraw any of them at any time.',
    },
    audit: {
      title: 'Every staff access is logged',
      body: 'Each time a staff member views your personal information, we record who it was, when, and what they saw.',
    },
    rights: {
      title: 'Your data, your call',
      body: 'You can export your data at any time, or ask us to delete it.',
    },
  },
  home: {
    hero: {
      badge: 'Travel insurance',
      title: 'Travel with peace of mind, starting with the right insurance',
      subtitle:
        'Besttrav is an insurance brokerage platform. Compare travel insurance from several insurers and buy online, manage your policies in My Insurance, and file claims online when something goes wrong.',
      primaryCta: 'How we protect your data',
      secondaryCta: 'Contact us',
    },
    features: {
      title: 'Travel insurance, all in one place',
      compare: {
        title: 'Compare several insurers',
        body: 'See travel insurance from different insurers side by side, compare cover and terms, then buy online.',
      },
      policies: {
        title: 'My Insurance',
        body: 'All your policies in one place: check your cover and download e-policies whenever you need them.',
      },
      claims: {
        title: 'Online claims',
        body: 'Submit a claim and its documents online, and follow its progress at any time.',
      },
    },
    steps: {
      title: 'Covered in three steps',
      subtitle: 'From trip to policy, entirely online.',
      one: {
        title: 'Tell us about your trip',
        body: 'Your destination, travel dates and who is travelling.',
      },
      two: {
        title: 'Compare and choose',
        body: 'Compare cover and terms from several insurers and pick the plan that suits you.',
      },
      three: {
        title: 'Pay online',
        body: 'Once you have paid, your e-policy appears in My Insurance.',
      },
    },
    privacy: {
      title: 'Our privacy commitments',
      subtitle: 'These commitments are built into the platform and enforced by the system, not just written on paper.',
      more: 'Read the privacy policy',
    },
    help: {
      title: 'Need help?',
      body: 'Questions about buying cover, claims or your personal information? Get in touch.',
      call: 'Call {{hotline}}',
      more: 'More ways to reach us',
    },
  },
  privacy: {
    title: 'Privacy policy',
    intro:
      'This page summarises which personal information Besttrav processes, why, and what we commit to. The full privacy policy, with a version number and effective date, will be published on this page, and we will ask you to read and accept the version in force before you buy a policy.',
    operator: {
      title: 'Who processes your information',
      body: 'The Besttrav platform is operated by {{company}}, which is the personal information handler responsible for your information.',
      address: 'Registered address: {{address}}',
    },
    collect: {
      title: 'What we collect and why',
      account: {
        title: 'Account details',
        body: 'A mobile number or e-mail address, used to sign you in, recover your account and send policy notices.',
      },
      insured: {
        title: 'Policy details',
        body: 'Names, ID document type and number, dates of birth and contact details of the policyholder and insured people, plus trip destination and dates. Insurers need these to underwrite and issue a policy.',
      },
      payment: {
        title: 'Payment and payout account',
        body: 'Premiums are paid through a licensed payment institution. We only collect a bank card number when a claim payout has to go to your bank account.',
      },
      claims: {
        title: 'Claim documents',
        body: 'What happened, receipts, medical records and similar documents, used only to help you claim from the insurer. Medical and health information is sensitive personal information, and we ask for your separate consent first.',
      },
      technical: {
        title: 'Access logs',
        body: 'Technical logs such as access time, IP address and browser type, used to keep accounts and systems secure and to fix problems.',
      },
      cookie: {
        title: 'Cookies',
        body: 'At present we set a single cookie, bt_lang, and only when you switch language, to remember your choice.',
      },
    },
    share: {
      title: 'Who we share it with',
      body: 'To issue your policy and handle claims we must give the necessary information to the insurer that covers you, and to the payment institution when you pay. Before any such transfer we tell you who receives it, what is shared and why, and ask for your separate consent, unless the law provides otherwise. We never sell your personal information.',
    },
    commitments: {
      title: 'Our commitments',
    },
    rights: {
      title: 'Your rights',
      intro: 'You have the right to:',
      access: 'see and obtain a copy of your personal information;',
      correct: 'correct or complete information that is wrong or incomplete;',
      export: 'export your data;',
      delete: 'have your personal information deleted or close your account;',
      withdraw: 'withdraw any consent you have given (this does not affect processing already carried out on the basis of that consent);',
      explain: 'ask us to explain how we process personal information.',
    },
    contact: {
      title: 'How to reach us',
      body: 'For any question, concern or request about your personal information, contact our personal information protection officer. To keep your information safe, we verify your identity before acting on a request.',
    },
  },
  contact: {
    title: 'Contact us',
    intro: 'Questions? Here is how to reach us.',
    hotline: {
      title: 'Customer service',
      body: 'Questions about buying cover, policies and claims',
    },
    pi: {
      title: 'Personal information protection',
      body: 'Requests to see, correct or delete your personal information, or to withdraw consent',
    },
    company: {
      title: 'Operator',
      body: 'The company that operates the Besttrav platform',
    },
    fields: {
      name: 'Contact',
      email: 'E-mail',
      phone: 'Phone',
      company: 'Company',
      address: 'Address',
    },
  },
  notFound: {
    title: 'Page not found',
    subtitle: 'The page you are looking for does not exist or has been removed.',
  },
  errors: {
    network: {
      title: 'Cannot reach the server',
      detail: 'Please check your connection and try again.',
    },
    unexpected: {
      title: 'Service temporarily unavailable',
      detail: 'Please try again later. If the problem persists, contact customer service.',
    },
    render: {
      title: 'Something went wrong',
      detail: 'Sorry, this page hit an unexpected error. Please reload the page and try again.',
      reload: 'Reload page',
    },
    requestId: 'Request ID: {{id}}',
  },
  console: {
    title: 'Besttrav Console',
    shortTitle: 'Console',
    backToSite: 'Back to site',
    collapseMenu: 'Collapse menu',
    expandMenu: 'Expand menu',
    menuLabel: 'Console navigation',
    menu: {
      status: 'System status',
    },
    notFound: {
      subtitle: 'There is no such page in the console.',
      back: 'Back to system status',
    },
    status: {
      title: 'System status',
      subtitle: 'Live results of the health check (/healthz) and readiness check (/readyz), refreshed every 30 seconds.',
      refresh: 'Refresh',
      lastUpdated: 'Updated {{time}}',
      ready: 'The system is ready and serving requests.',
      notReady: 'The system is not ready: some checks are failing.',
      health: 'Service health',
      version: 'Version',
      uptime: 'Uptime',
      database: 'Database',
      migrations: 'Migrations',
      migrationsValue: '{{applied}} / {{expected}}',
      migrationsDetail: '{{applied}} applied, {{expected}} expected',
      migrationsHint: 'applied / expected',
      jobs: 'Background jobs',
      checks: 'Readiness checks',
      check: 'Check',
      result: 'Result',
      details: 'Details',
      ok: 'OK',
      error: 'Error',
      kind: {
        pglite: 'PGlite (embedded)',
        postgres: 'PostgreSQL',
      },
    },
  },
};
