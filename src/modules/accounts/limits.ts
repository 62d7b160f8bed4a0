/** The numbers of sign-in security (issue: identity and access; R-ACC-1). */
export const signInLimits = {
  codeTtlSeconds: 5 * 60,
  resendCooldownSeconds: 60,
  maxSendsPerPhonePerHour: 5,
  maxSendsPerIpPerHour: 20,
  maxWrongAttempts: 5,
  wrongAttemptWindowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
} as const;
