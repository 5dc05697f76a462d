import { expect } from '@open-wc/testing';
import { formatMoney, moneyToDecimal, moneyToNumber, parseMoney } from './money.js';
import { restrictionsAllow } from './restrictions.js';
import { AccountApiError } from './errors.js';

describe('money', () => {
  it('parses decimal text without floating-point error', () => {
    expect(parseMoney('0.1')!.units + parseMoney('0.2')!.units).to.equal(parseMoney('0.3')!.units);
    expect(parseMoney('12.5')).to.deep.equal({ units: 125000, currency: 'USD' });
    expect(parseMoney('-3.0001')!.units).to.equal(-30001);
    expect(parseMoney('1,234.56')!.units).to.equal(12345600);
    expect(parseMoney(54.7404)!.units).to.equal(547404);
  });
  it('rejects text that is not a number', () => {
    expect(parseMoney('abc')).to.equal(null);
    expect(parseMoney('')).to.equal(null);
    expect(parseMoney('.')).to.equal(null);
    expect(parseMoney('1.2.3')).to.equal(null);
  });
  it('formats back to decimal text and numbers', () => {
    expect(moneyToDecimal({ units: 125000, currency: 'USD' })).to.equal('12.50');
    expect(moneyToDecimal({ units: -547404, currency: 'USD' })).to.equal('-54.7404');
    expect(moneyToNumber({ units: 547404, currency: 'USD' })).to.equal(54.7404);
    expect(formatMoney({ units: 125000, currency: 'USD' }, 'en-US')).to.equal('$12.50');
  });
});

describe('restrictionsAllow', () => {
  it('treats a missing entry as shown, honours each path and hides children of a hidden parent', () => {
    expect(restrictionsAllow(undefined, 'billing.transactions')).to.equal(true);
    expect(restrictionsAllow({ 'billing.transactions': false }, 'billing.transactions')).to.equal(false);
    expect(restrictionsAllow({ 'billing.transactions': false }, 'billing.servicePlan')).to.equal(true);
    const balance = { 'billing.balance': true, 'billing.balance.credit': false } as const;
    expect(restrictionsAllow(balance, 'billing.balance.credit')).to.equal(false);
    expect(restrictionsAllow(balance, 'billing.balance.minutes')).to.equal(true);
    expect(restrictionsAllow({ 'billing.balance': false }, 'billing.balance.minutes')).to.equal(false);
  });
});

describe('AccountApiError', () => {
  it('marks transient kinds retryable and is recognised by kind', () => {
    const e = new AccountApiError({ kind: 'timeout', message: 'slow' });
    expect(e.retryable).to.equal(true);
    expect(new AccountApiError({ kind: 'validation', message: 'bad' }).retryable).to.equal(false);
    expect(AccountApiError.is(e, 'timeout', 'network')).to.equal(true);
    expect(AccountApiError.is(e, 'auth')).to.equal(false);
    expect(AccountApiError.is(new Error('x'))).to.equal(false);
  });
});
