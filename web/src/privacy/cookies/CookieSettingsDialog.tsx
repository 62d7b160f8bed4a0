import { Button, Modal, Switch, Tag } from 'antd';
import { useId, useState } from 'react';
import {
  acceptAllChoice,
  cookieCategories,
  entriesIn,
  rejectAllChoice,
  type CookieCategory,
  type CookieChoice,
} from '../../../../src/privacy/consent/cookies/cookie-catalogue.ts';
import { cookieConsentTexts, describeEntry, type ConsentLanguage } from '../../../../src/privacy/consent/cookies/consent-text.ts';
import { useLanguage } from '../../shared/useLanguage';

interface CookieSettingsDialogProps {
  open: boolean;
  /** The choice in force, or null: then every optional category starts off (nothing pre-ticked). */
  current: CookieChoice | null;
  isSaving: boolean;
  onDecide: (choice: CookieChoice) => void;
  onClose: () => void;
  onAfterClose: () => void;
}

function CategorySection({ category, language, checked, onChange }: { category: CookieCategory; language: ConsentLanguage; checked: boolean; onChange: (checked: boolean) => void }) {
  const text = cookieConsentTexts[language];
  const titleId = useId();
  const { label, description } = text.categories[category];
  const entries = entriesIn(category);
  const isNecessary = category === 'necessary';
  return (
    <section className="cookie-category" aria-labelledby={titleId} data-testid={`cookie-category-${category}`}>
      <div className="cookie-category__header">
        <h3 id={titleId} className="cookie-category__title">
          {label}
          {isNecessary ? <Tag className="cookie-category__always">{text.alwaysOn}</Tag> : null}
        </h3>
        <Switch checked={isNecessary || checked} disabled={isNecessary} onChange={onChange} aria-labelledby={titleId} data-testid={`cookie-switch-${category}`} />
      </div>
      <p className="cookie-category__description">{description}</p>
      {entries.length === 0 ? (
        <p className="cookie-category__none">{text.nothingInUse}</p>
      ) : (
        <ul className="cookie-category__items">
          {entries.map((entry) => (
            <li key={entry.name}>
              <code>{entry.name}</code>
              {describeEntry(entry, language)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SettingsBody({ current, isSaving, onDecide }: Pick<CookieSettingsDialogProps, 'current' | 'isSaving' | 'onDecide'>) {
  const { language } = useLanguage();
  const text = cookieConsentTexts[language];
  const [draft, setDraft] = useState<CookieChoice>(current ?? rejectAllChoice);
  return (
    <>
      <p className="cookie-settings__intro">{text.settingsIntro}</p>
      {cookieCategories.map((category) => (
        <CategorySection
          key={category}
          category={category}
          language={language}
          checked={category !== 'necessary' && draft[category]}
          onChange={(checked) => category !== 'necessary' && setDraft((previous) => ({ ...previous, [category]: checked }))}
        />
      ))}
      <div className="cookie-settings__actions">
        <Button className="cookie-consent__button" disabled={isSaving} onClick={() => onDecide(rejectAllChoice)} data-testid="cookie-settings-reject-all">
          {text.rejectAll}
        </Button>
        <Button className="cookie-consent__button" disabled={isSaving} onClick={() => onDecide(acceptAllChoice)} data-testid="cookie-settings-accept-all">
          {text.acceptAll}
        </Button>
        <Button className="cookie-consent__button" disabled={isSaving} onClick={() => onDecide(draft)} data-testid="cookie-settings-save">
          {text.save}
        </Button>
      </div>
    </>
  );
}

/** Every category with what it holds and for how long; changeable at any time from the footer (R-USE-3). */
export function CookieSettingsDialog({ open, current, isSaving, onDecide, onClose, onAfterClose }: CookieSettingsDialogProps) {
  const { language } = useLanguage();
  return (
    <Modal
      open={open}
      title={cookieConsentTexts[language].settingsTitle}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={onAfterClose}
      className="cookie-settings"
    >
      <SettingsBody current={current} isSaving={isSaving} onDecide={onDecide} />
    </Modal>
  );
}
