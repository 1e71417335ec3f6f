import type { Messages } from './vi';

/** English. Must have exactly the keys of vi.ts (the type and a test both check). */
export const en: Messages = {
  'app.name': 'Đắk Lắk ID',
  'app.tagline': 'Digital citizen of Đắk Lắk province',
  'app.offline': 'You are offline. Some features need a connection.',
  'app.skipToContent': 'Skip to main content',

  'lang.other': 'Tiếng Việt',
  'lang.otherCode': 'vi',
  'lang.switchLabel': 'Switch language to Vietnamese',

  'nav.home': 'Home',
  'nav.back': 'Back',
  'nav.login': 'Sign in',
  'nav.register': 'Register',
  'nav.account': 'Account',

  'home.title': 'Services',
  'home.hello': 'Hello!',
  'home.helloUser': 'Hello, {name}',
  'home.intro': "One account for the province's digital citizen services.",
  'home.createAccount': 'Create an account',
  'home.openAccount': 'View account',
  'home.soon': 'Soon',

  'soon.title': 'Not available yet — this service is being built',
  'soon.body': '“{name}” cannot be used yet. It will arrive in a later update.',
  'soon.home': 'Back to home',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not exist in the app.',

  'field.phone': 'Phone number',
  'field.phoneHint': 'For example: 0912 345 678',
  'field.otp': 'Verification code (6 digits)',
  'field.otpHint': 'The code was sent to {phone} and is valid for {minutes} minutes.',
  'field.fullName': 'Full name',
  'field.password': 'Password',
  'field.newPassword': 'New password',
  'field.passwordHint': 'At least 8 characters, with letters and digits.',
  'field.showPassword': 'Show password',

  'otp.send': 'Send code',
  'otp.resend': 'Send the code again',
  'otp.resendIn': 'Send again in {seconds} s',
  'otp.changePhone': 'Change phone number',

  'register.title': 'Create an account',
  'register.intro': 'Enter your phone number to receive a verification code by text message.',
  'register.submit': 'Create account',
  'register.haveAccount': 'Already have an account?',

  'login.title': 'Sign in',
  'login.submit': 'Sign in',
  'login.forgot': 'Forgot password?',
  'login.noAccount': 'No account yet?',
  'login.passwordChanged': 'Your password was changed. Please sign in with the new password.',
  'login.sessionExpired': 'Your session has expired. Please sign in again.',

  'reset.title': 'Forgot password',
  'reset.intro': 'Enter your registered phone number to receive a code, then choose a new password.',
  'reset.submit': 'Change password',

  'profile.title': 'My account',
  'profile.phone': 'Phone number',
  'profile.fullName': 'Full name',
  'profile.memberSince': 'Member since {date}',
  'profile.editName': 'Edit name',
  'profile.save': 'Save',
  'profile.cancel': 'Cancel',
  'profile.saved': 'Your name was saved.',
  'profile.identity': 'Identity level',
  'profile.identityCurrent': 'You are at level {level}: {label}.',
  'profile.logout': 'Sign out',
  'profile.retry': 'Try again',

  'identity.0': 'Phone number verified',
  'identity.1': 'Citizen ID (CCCD) declared',
  'identity.2': 'Face verified',
  'identity.levelN': 'Level {level}',
  'identity.done': 'Reached',
  'identity.todo': 'Not yet',

  'validation.phone': 'Invalid phone number. Enter it like 0912 345 678.',
  'validation.otp': 'The verification code has exactly 6 digits.',
  'validation.password': 'The password needs at least 8 characters, with letters and digits.',
  'validation.fullName': 'Please enter your full name.',
  'validation.passwordRequired': 'Please enter your password.',

  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.unknown': 'Something went wrong. Please try again.',
  'error.checkFields': 'Please correct the fields marked below.',
  'error.title': 'Error',

  'common.loading': 'Loading…',
  'common.sending': 'Sending…',
};
