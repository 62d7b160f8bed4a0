import { describe, expect, it } from 'vitest';
import type { DateChangeStatus } from '../api/dateChanges';
import { ApiError } from '../api/apiError';
import { attemptFor, dateLimits, dateProblemsOf, datesToQuote, differenceOf, isSettling } from './dateChange';

const options = { earliestStart: '2030-03-02', latestStart: '2030-08-28', minDays: 1, maxDays: 90 };
const current = { coverStart: '2030-03-10', coverEnd: '2030-03-19' };

describe('更改出行日期 in 我的保险', () => {
  it('R-POL-10 a difference is something to pay, something back, or no change — the amount never negative', () => {
    expect(differenceOf(1_250)).toEqual({ kind: 'extra', amountFen: 1_250 });
    expect(differenceOf(-3_400)).toEqual({ kind: 'refund', amountFen: 3_400 });
    expect(differenceOf(0)).toEqual({ kind: 'same', amountFen: 0 });
  });

  it('R-POL-10 the end date is bounded by the product’s days counted from the start chosen, the start by the server’s window', () => {
    expect(dateLimits(options, '2030-03-10')).toEqual({ startMin: '2030-03-02', startMax: '2030-08-28', endMin: '2030-03-10', endMax: '2030-06-07' });
    expect(dateLimits({ ...options, minDays: 3 }, '2030-08-28').endMin).toBe('2030-08-30');
  });

  it('R-POL-10 a start outside the window, or not a date yet, bounds the end from the earliest start', () => {
    for (const start of ['2030-02-01', '2031-01-01', '', '2030-13-40']) expect(dateLimits(options, start).endMin).toBe('2030-03-02');
  });

  it('R-POL-10 only new dates in order are priced: unchanged, incomplete or reversed dates ask nothing', () => {
    expect(datesToQuote({ coverStart: '2030-03-10', coverEnd: '2030-03-15' }, current)).toEqual({ coverStart: '2030-03-10', coverEnd: '2030-03-15' });
    expect(datesToQuote({ coverStart: '2030-03-12', coverEnd: '2030-03-12' }, current)).toEqual({ coverStart: '2030-03-12', coverEnd: '2030-03-12' });
    expect(datesToQuote(current, current)).toBeNull();
    expect(datesToQuote({ coverStart: '2030-03-10', coverEnd: '' }, current)).toBeNull();
    expect(datesToQuote({ coverStart: '2030-03-20', coverEnd: '2030-03-19' }, current)).toBeNull();
  });

  it('R-POL-10 a confirmation sent again keeps its idempotency key; confirming other dates or another price takes a new one', () => {
    let made = 0;
    const newKey = () => `key-${(made += 1)}`;
    const opened = { body: null, key: 'key-0' };
    const first = attemptFor(opened, '{"a":1}', newKey);
    expect(first).toEqual({ body: '{"a":1}', key: 'key-0' });
    expect(attemptFor(first, '{"a":1}', newKey)).toEqual(first);
    const other = attemptFor(first, '{"a":2}', newKey);
    expect(other).toEqual({ body: '{"a":2}', key: 'key-1' });
  });

  it('R-POL-10 the return page asks again while the extra premium or the endorsement is awaited, and stops at an outcome', () => {
    const statuses: DateChangeStatus[] = ['awaiting_payment', 'paid', 'endorsed', 'refused', 'expired'];
    expect(statuses.filter(isSettling)).toEqual(['awaiting_payment', 'paid']);
  });
});

describe('the server’s words about the new dates', () => {
  it('R-POL-10 each problem goes under its date box, whether the request or the shared check of cover dates named it', () => {
    const invalid = new ApiError({
      status: 422,
      code: 'date_change_invalid',
      title: '新的出行日期有误',
      isProblem: true,
      fieldErrors: [
        { pointer: '/body/coverStart', detail: '保障开始日期最早为明天。' },
        { pointer: '/endDate', detail: '保障天数须在 1 至 90 天之间。' },
        { pointer: '/body/coverStart', detail: '保障开始日期最早为明天。' },
        { pointer: '/body/expectedDifferenceFen', detail: '应当是整数' },
      ],
    });
    expect(dateProblemsOf([invalid, null, new Error('network')])).toEqual({ coverStart: ['保障开始日期最早为明天。'], coverEnd: ['保障天数须在 1 至 90 天之间。'] });
    expect(dateProblemsOf([undefined])).toEqual({ coverStart: [], coverEnd: [] });
  });
});
