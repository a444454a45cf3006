import { describe, expect, it } from 'vitest';
import { fieldErrors, policyDefinitionSchema, splitList, webhookUrlSchema, type PolicyDefinitionInput } from './schemas';

const idle = (limit: unknown, unit = 'hours') => ({ kind: 'idle-limit', limit, unit });
const valid: PolicyDefinitionInput = { name: 'Stop idle machines', rule: { kind: 'idle-limit', limit: 2, unit: 'hours' } };

/** The errors a form shows for `input`, by field; `{}` when it saves. */
function errorsOf(input: unknown): Record<string, string> {
  const parsed = policyDefinitionSchema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe('saving a policy', () => {
  it('saves a valid policy, disabled unless asked, with no exemptions unless given', () => {
    expect(policyDefinitionSchema.parse(valid)).toEqual({
      name: 'Stop idle machines',
      enabled: false,
      rule: { kind: 'idle-limit', limit: 2, unit: 'hours' },
      exempt: { members: [], codespaces: [] },
    });
  });

  it.each([
    ['no name', { ...valid, name: '' }, { name: 'Give the policy a name' }],
    ['a name of spaces', { ...valid, name: '   ' }, { name: 'Give the policy a name' }],
    ['a missing name', { rule: valid.rule }, { name: 'Give the policy a name' }],
    ['a name too long', { ...valid, name: 'x'.repeat(81) }, { name: 'At most 80 characters' }],
    ['no rule', { name: 'x' }, { rule: 'Choose what the policy does' }],
    ['an unknown kind', { name: 'x', rule: { kind: 'delete-everything' } }, { 'rule.kind': 'Choose what the policy does' }],
  ])('refuses %s', (_, input, errors) => expect(errorsOf(input)).toEqual(errors));
});

describe('idle limit bounds: 5 minutes to 7 days', () => {
  it.each([
    [idle(0), 'Must be more than 0'],
    [idle(-3), 'Must be more than 0'],
    [idle(4, 'minutes'), 'At least 5 minutes'],
    [idle(10 * 365 * 24), 'At most 7 days (168 hours)'],
    [idle(10081, 'minutes'), 'At most 7 days (168 hours)'],
    [idle(1.5), 'Enter a whole number'],
    [idle('two'), 'Enter a number'],
    [idle(undefined), 'Required'],
  ])('refuses %j: %s', (rule, message) => expect(errorsOf({ ...valid, rule })).toEqual({ 'rule.limit': message }));

  it.each([idle(5, 'minutes'), idle(168), idle(10080, 'minutes')])('accepts %j', (rule) =>
    expect(errorsOf({ ...valid, rule })).toEqual({}),
  );

  it('asks for a unit it knows', () =>
    expect(errorsOf({ ...valid, rule: idle(2, 'fortnights') })).toEqual({ 'rule.unit': 'Choose minutes or hours' }));
});

describe('quiet hours', () => {
  const quiet = (overrides: Record<string, unknown>) => ({
    ...valid,
    rule: { kind: 'quiet-hours', time: '19:00', weekdays: ['mon'], timeZone: 'Europe/Berlin', ...overrides },
  });

  it.each([
    [{ time: '7pm' }, { 'rule.time': 'Enter a time as HH:MM (24-hour clock, e.g. 19:00)' }],
    [{ time: '24:00' }, { 'rule.time': 'Enter a time as HH:MM (24-hour clock, e.g. 19:00)' }],
    [{ time: '9:30' }, { 'rule.time': 'Enter a time as HH:MM (24-hour clock, e.g. 19:00)' }],
    [{ weekdays: [] }, { 'rule.weekdays': 'Choose at least one weekday' }],
    [{ weekdays: ['mon', 'funday'] }, { 'rule.weekdays.1': 'Not a weekday' }],
    [{ timeZone: 'Mars/Olympus_Mons' }, { 'rule.timeZone': '“Mars/Olympus_Mons” is not a time zone (use a name like Europe/Berlin)' }],
    [{ timeZone: '+02:00' }, { 'rule.timeZone': '“+02:00” is not a time zone (use a name like Europe/Berlin)' }],
    [{ timeZone: '' }, { 'rule.timeZone': 'Choose a time zone' }],
  ])('refuses %j', (overrides, errors) => expect(errorsOf(quiet(overrides))).toEqual(errors));

  it('stores weekdays once each, Monday first, and the zone as the IANA database spells it', () => {
    expect(policyDefinitionSchema.parse(quiet({ weekdays: ['fri', 'mon', 'fri'], timeZone: 'europe/berlin' })).rule).toEqual({
      kind: 'quiet-hours',
      time: '19:00',
      weekdays: ['mon', 'fri'],
      timeZone: 'Europe/Berlin',
    });
    expect(errorsOf(quiet({ timeZone: 'UTC' }))).toEqual({});
    expect(errorsOf(quiet({ time: '00:00' }))).toEqual({});
    expect(errorsOf(quiet({ time: '23:59' }))).toEqual({});
  });
});

describe('stale clean-up: 1 to 365 days', () => {
  const stale = (days: unknown) => ({ ...valid, rule: { kind: 'stale-cleanup', days } });
  it.each([
    [0, 'At least 1 day'],
    [3650, 'At most 365 days'],
    [2.5, 'Enter a whole number'],
  ])('refuses %j days: %s', (days, message) => expect(errorsOf(stale(days))).toEqual({ 'rule.days': message }));
  it('accepts 30 days', () => expect(errorsOf(stale(30))).toEqual({}));
});

describe('monthly budget: $0.01 to $100,000 a member, in cents', () => {
  const budget = (amountUsd: unknown) => ({ ...valid, rule: { kind: 'monthly-budget', amountUsd } });
  it.each([
    [-5, 'Must be more than $0'],
    [0, 'Must be more than $0'],
    [100_000.01, 'At most $100,000 a month'],
    [12.345, 'Whole cents only (e.g. 49.99)'],
    ['fifty', 'Enter a number'],
  ])('refuses %j: %s', (amount, message) => expect(errorsOf(budget(amount))).toEqual({ 'rule.amountUsd': message }));
  it.each([0.01, 49.99, 0.07, 100_000])('accepts %j', (amount) => expect(errorsOf(budget(amount))).toEqual({}));
});

describe('exemptions', () => {
  it('names the item that is not a login or a codespace name', () => {
    expect(errorsOf({ ...valid, exempt: { members: ['mona', 'not a login!'], codespaces: ['ok-name', '../etc'] } })).toEqual({
      'exempt.members.1': '“not a login!” is not a GitHub login',
      'exempt.codespaces.1': '“../etc” is not a codespace name',
    });
  });

  it('drops repeats and surrounding spaces', () => {
    expect(policyDefinitionSchema.parse({ ...valid, exempt: { members: ['mona', ' mona '], codespaces: [] } }).exempt).toEqual({
      members: ['mona'],
      codespaces: [],
    });
  });

  it('refuses more than 500', () => {
    expect(errorsOf({ ...valid, exempt: { members: Array.from({ length: 501 }, (_, i) => `m${i}`) } })).toEqual({
      'exempt.members': 'At most 500',
    });
  });

  it('reads a text field of names separated by commas, spaces or lines', () => {
    expect(splitList('mona, hubot\n  octocat,,')).toEqual(['mona', 'hubot', 'octocat']);
  });
});

describe('the organisation’s webhook URL', () => {
  const check = (url: string, allowPrivate = false) => {
    const parsed = webhookUrlSchema({ allowPrivate }).safeParse(url);
    return parsed.success ? { ok: parsed.data } : { error: parsed.error.issues[0]!.message };
  };

  it('accepts an https URL of a public host, and an empty field clears it', () => {
    expect(check('https://hooks.slack.com/services/T000/B000/XXXX')).toEqual({ ok: 'https://hooks.slack.com/services/T000/B000/XXXX' });
    expect(check('https://8.8.8.8/hook')).toEqual({ ok: 'https://8.8.8.8/hook' });
    expect(check('')).toEqual({ ok: null });
  });

  it.each([
    ['not a url', 'Not a URL'],
    ['http://hooks.slack.com/x', 'Must start with https://'],
    ['ftp://example.com/x', 'Must start with https://'],
    ['https://user:pass@example.com/x', 'Must not contain a user name or password'],
    ['https://localhost/x', 'Points to loopback (localhost); webhooks go to public addresses only'],
    ['https://app.localhost/x', 'Points to loopback (localhost); webhooks go to public addresses only'],
    ['https://printer.local/x', 'Points to the local network (.local); webhooks go to public addresses only'],
    ['https://metadata.google.internal/x', 'Points to a private network (.internal); webhooks go to public addresses only'],
    ['https://jenkins/x', 'Points to the local network (“jenkins” has no domain); webhooks go to public addresses only'],
    ['https://127.0.0.1/x', 'Points to loopback (127.0.0.0/8, RFC 1122); webhooks go to public addresses only'],
    // The URL parser reads these as 127.0.0.1 too.
    ['https://2130706433/x', 'Points to loopback (127.0.0.0/8, RFC 1122); webhooks go to public addresses only'],
    ['https://0x7f.1/x', 'Points to loopback (127.0.0.0/8, RFC 1122); webhooks go to public addresses only'],
    ['https://0.0.0.0/x', 'Points to “this network” (0.0.0.0/8, RFC 1122); webhooks go to public addresses only'],
    ['https://10.1.2.3/x', 'Points to a private network (10.0.0.0/8, RFC 1918); webhooks go to public addresses only'],
    ['https://172.20.0.1/x', 'Points to a private network (172.16.0.0/12, RFC 1918); webhooks go to public addresses only'],
    ['https://192.168.1.1/x', 'Points to a private network (192.168.0.0/16, RFC 1918); webhooks go to public addresses only'],
    [
      'https://169.254.169.254/latest/meta-data',
      'Points to link-local space, where cloud metadata lives (169.254.0.0/16, RFC 3927); webhooks go to public addresses only',
    ],
    ['https://100.64.0.1/x', 'Points to carrier-grade NAT space (100.64.0.0/10, RFC 6598); webhooks go to public addresses only'],
    ['https://224.0.0.1/x', 'Points to multicast (224.0.0.0/4, RFC 5771); webhooks go to public addresses only'],
    ['https://255.255.255.255/x', 'Points to reserved space and broadcast (240.0.0.0/4, RFC 1112); webhooks go to public addresses only'],
    ['https://[::1]/x', 'Points to loopback (::1, RFC 4291); webhooks go to public addresses only'],
    ['https://[::]/x', 'Points to the unspecified address (::, RFC 4291); webhooks go to public addresses only'],
    ['https://[fd12:3456::1]/x', 'Points to a unique local (private) network (fc00::/7, RFC 4193); webhooks go to public addresses only'],
    ['https://[fe80::1]/x', 'Points to link-local space (fe80::/10, RFC 4291); webhooks go to public addresses only'],
    ['https://[::ffff:127.0.0.1]/x', 'Points to loopback (127.0.0.0/8, RFC 1122); webhooks go to public addresses only'],
    [
      'https://[::ffff:169.254.169.254]/x',
      'Points to link-local space, where cloud metadata lives (169.254.0.0/16, RFC 3927); webhooks go to public addresses only',
    ],
  ])('refuses %s', (url, error) => expect(check(url)).toEqual({ error }));

  it('accepts a private host when the deployment allows it, but still only https', () => {
    expect(check('https://10.1.2.3/x', true)).toEqual({ ok: 'https://10.1.2.3/x' });
    expect(check('https://[::1]:8443/x', true)).toEqual({ ok: 'https://[::1]:8443/x' });
    expect(check('http://10.1.2.3/x', true)).toEqual({ error: 'Must start with https://' });
  });
});
