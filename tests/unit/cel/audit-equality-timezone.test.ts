// Fidelity audit: `==` on Kubernetes library values (their Equal methods answer `no such
// overload` for another Go type) and time zone names as time.LoadLocation finds them.
import { describe, expect, it } from 'vitest';
import { run } from './ext/eval-helper.js';
import { zoneOffset } from '../../../src/engine/cel/stdlib/timezone.js';
import { CelError } from '../../../src/engine/cel/values.js';

describe('== on Kubernetes values (pkg/cel/*.go Equal)', () => {
  it.each([
    // add/sub return *Quantity, which Quantity.Equal's other.(Quantity) rejects
    ["quantity('2') == quantity('1').add(1)", { error: 'no such overload' }],
    ["quantity('1').add(1) == quantity('2')", { value: true }],
    ["quantity('1').add(1) == quantity('1').add(1)", { error: 'no such overload' }],
    ["quantity('1Gi') == quantity('1024Mi')", { value: true }],
    // != is Equal(...) != True: never an error
    ["quantity('2') != quantity('1').add(1)", { value: true }],
    ["ip('1.2.3.4') == dyn('1.2.3.4')", { error: 'no such overload' }],
    ["dyn('1.2.3.4') == dyn(ip('1.2.3.4'))", { value: false }],
    ["cidr('10.0.0.0/8') == dyn(1)", { error: 'no such overload' }],
    ["semver('1.0.0') == dyn('1.0.0')", { error: 'no such overload' }],
    ["url('https://a') == url('https://a')", { value: true }],
    ["quantity('1') == null", { value: false }],
    // inside a list only a False element makes the lists unequal; `in` counts only True
    ["[quantity('1')] == [quantity('2').add(0)]", { value: true }],
    ["quantity('2') in [quantity('1').add(1)]", { value: false }],
    ["quantity('1').add(1) in [quantity('2')]", { value: true }],
    ["optional.of(quantity('1')) == optional.of(quantity('1').add(0))", { error: 'no such overload' }],
  ])('%s', (src, want) => {
    const r = run(src);
    expect(r).toEqual(want);
  });
});

describe('time zone names (time.LoadLocation)', () => {
  const at = 1704067200n; // 2024-01-01T00:00:00Z
  it.each(['America/New_York', 'Asia/Kolkata', 'US/Pacific', 'EST', 'Etc/GMT+5', 'Zulu', 'America/Argentina/Buenos_Aires', 'UTC', ''])(
    'knows %s',
    (z) => expect(zoneOffset(z, at)).not.toBeInstanceOf(CelError),
  );
  it.each(['america/new_york', 'Europe/LONDON', 'utc', 'est', 'PST', 'IST', 'SystemV/AST4', 'GMT+5'])('does not know %s', (z) => {
    const r = zoneOffset(z, at);
    expect(r).toBeInstanceOf(CelError);
    expect((r as CelError).message).toBe(`unknown time zone ${z}`);
  });
});
