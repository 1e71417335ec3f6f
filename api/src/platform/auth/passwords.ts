import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2 (a const enum, which isolated modules cannot import).
const ARGON2ID = 2;

// OWASP's argon2id recommendation: m = 19 MiB, t = 2, p = 1.
const PASSWORD_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// One-time codes live 5 minutes and allow 5 tries: a lighter cost keeps sign-up fast.
const OTP_OPTIONS = { algorithm: ARGON2ID, memoryCost: 4096, timeCost: 2, parallelism: 1 };

export const hashPassword = (plain: string) => hash(plain, PASSWORD_OPTIONS);
export const hashOtp = (code: string) => hash(code, OTP_OPTIONS);

export async function verifySecret(digest: string, plain: string): Promise<boolean> {
  try {
    return await verify(digest, plain);
  } catch {
    return false;
  }
}

/** A real hash of nothing, verified when the account does not exist so timing does not reveal it. */
let dummy: Promise<string> | undefined;
export async function burnVerifyTime(plain: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-0');
  await verifySecret(await dummy, plain);
}
