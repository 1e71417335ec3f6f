import { describe, expect, it } from 'vitest';
import { newDeviceStep, passkeyDeviceName, passkeyProblem, resendIn, triesLeftOf } from './login';

describe('new phone sign-in', () => {
  it('reads the code step with its resend delay', () => {
    expect(
      newDeviceStep('new_device_otp_required', { code: 'new_device_otp_required', resendAfter: 42 }),
    ).toEqual({ kind: 'otp', resendAfter: 42, codeSent: true });
    expect(newDeviceStep('new_device_otp_required', {})).toEqual({
      kind: 'otp',
      resendAfter: 60,
      codeSent: true,
    });
  });

  it('knows when no code was texted because the number’s hourly quota is spent', () => {
    expect(newDeviceStep('new_device_otp_required', { resendAfter: 2891, codeSent: false })).toEqual({
      kind: 'otp',
      resendAfter: 2891,
      codeSent: false,
    });
  });

  it('counts a long wait before another code in minutes, a short one in seconds', () => {
    expect(resendIn(42)).toEqual(['otp.resendIn', { seconds: 42 }]);
    expect(resendIn(119)).toEqual(['otp.resendIn', { seconds: 119 }]);
    expect(resendIn(2891)).toEqual(['otp.resendInMinutes', { minutes: 49 }]);
  });

  it('reads the selfie step with its ticket', () => {
    const ticket = '6f1c2d3e-0000-4000-8000-000000000001';
    expect(newDeviceStep('new_device_selfie_required', { ticket, expiresInMinutes: 10 })).toEqual({
      kind: 'selfie',
      ticket,
      minutes: 10,
    });
    expect(newDeviceStep('new_device_selfie_required', {})).toBeNull();
  });

  it('anything else is not a new-phone step', () => {
    expect(newDeviceStep('invalid_credentials', {})).toBeNull();
    expect(newDeviceStep(undefined, undefined)).toBeNull();
  });

  it('reads the tries left after a refused selfie', () => {
    expect(triesLeftOf({ triesLeft: 2 })).toBe(2);
    expect(triesLeftOf({ triesLeft: 0 })).toBe(0);
    expect(triesLeftOf({})).toBeNull();
  });
});

describe('passkeys', () => {
  it('sorts ceremony failures', () => {
    expect(passkeyProblem({ name: 'NotAllowedError' })).toBe('cancelled');
    expect(passkeyProblem({ name: 'AbortError' })).toBe('cancelled');
    expect(passkeyProblem({ name: 'InvalidStateError' })).toBe('exists');
    expect(passkeyProblem({ name: 'Error', code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' })).toBe(
      'exists',
    );
    expect(passkeyProblem(new TypeError('x'))).toBe('failed');
    expect(passkeyProblem(null)).toBe('failed');
  });

  it('names the device', () => {
    expect(
      passkeyDeviceName(
        'Mozilla/5.0 (Linux; Android 13; SM-A145F Build/TP1A.220624.014) AppleWebKit/537.36 Chrome/120 Mobile',
      ),
    ).toBe('Android SM-A145F');
    expect(passkeyDeviceName('Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/120 Mobile')).toBe(
      'Android',
    );
    expect(passkeyDeviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe('iPhone');
    expect(passkeyDeviceName('Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/130')).toBe('Linux');
    expect(passkeyDeviceName('')).toBe('Passkey');
  });
});
