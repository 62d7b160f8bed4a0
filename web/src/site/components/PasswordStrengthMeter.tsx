import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, type PasswordStrength } from '../../../../src/shared/password-strength.ts';

const SEGMENTS = [1, 2, 3, 4] as const;

/**
 * The strength of the password being typed, with the server's own rules (the same module decides
 * whether the server accepts it), and advice in words on how to make it stronger.
 */
export function PasswordStrengthMeter({ strength }: { strength: PasswordStrength }) {
  const { t } = useTranslation();
  const level = t(`account.password.levels.${strength.score}`);
  // Even "too weak" lights one red segment, so the meter visibly reacts to the first characters.
  const lit = Math.max(1, strength.score);
  return (
    <div className="password-strength" data-testid="password-strength" data-score={strength.score} data-acceptable={strength.isAcceptable}>
      <div className="password-strength__bar" aria-hidden>
        {SEGMENTS.map((segment) => (
          <span
            key={segment}
            className={segment <= lit ? `password-strength__segment password-strength__segment--${strength.score}` : 'password-strength__segment'}
          />
        ))}
      </div>
      <p className="password-strength__level" aria-live="polite">
        {t('account.password.strength', { level })}
      </p>
      {strength.advice.length > 0 ? (
        <div className="password-strength__advice">
          <span>{t('account.password.adviceTitle')}</span>
          <ul>
            {strength.advice.map((advice) => (
              <li key={advice}>{t(`account.password.advice.${advice}`, { min: MIN_PASSWORD_LENGTH })}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
