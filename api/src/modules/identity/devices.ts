import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Request } from 'express';
import { sha256 } from '../../platform/auth/tokens.ts';
import { z } from '../../platform/zod.ts';

/** The header the apps send; documented on every sign-in route. */
export const DeviceHeader = z.object({
  'x-device-id': z
    .string()
    .regex(/^[\w-]{16,100}$/)
    .optional()
    .describe('A random id the app keeps for this phone or browser (only its hash is stored)'),
});

/**
 * Phones an account has signed in from. The app sends a random id it keeps (`x-device-id`); only its
 * hash is stored. A sign-in from an unknown phone needs a code by SMS, and for a level-2 account a
 * new selfie matched to the card portrait.
 */
export function deviceHashOf(req: Request): string | null {
  const id = req.get('x-device-id');
  return id && /^[\w-]{16,100}$/.test(id) ? sha256(`device:${id}`) : null;
}

export function createDeviceRegistry(sequelize: Sequelize) {
  /** 'bootstrap' when the account knows no device yet (the first phone is trusted by its SMS code at sign-up). */
  async function status(
    userId: string,
    deviceHash: string | null,
  ): Promise<'known' | 'unknown' | 'bootstrap'> {
    const rows = await sequelize.query<{ device_hash: string }>(
      'SELECT device_hash FROM known_devices WHERE user_id = :userId',
      {
        replacements: { userId },
        type: QueryTypes.SELECT,
      },
    );
    if (rows.length === 0) return 'bootstrap';
    return deviceHash && rows.some((r) => r.device_hash === deviceHash) ? 'known' : 'unknown';
  }

  /**
   * Records a sign-in from this phone. Answers 'new' when it joins phones the account already had (its owner is
   * told), 'first' for the account's first phone, 'known' for a phone seen before, 'none' without a device id.
   */
  async function remember(
    userId: string,
    deviceHash: string | null,
    label: string | null,
    t?: Transaction,
  ): Promise<'new' | 'first' | 'known' | 'none'> {
    if (!deviceHash) return 'none';
    const [row] = await sequelize.query<{ inserted: boolean; others: number }>(
      `WITH others AS (SELECT count(*)::int AS n FROM known_devices WHERE user_id = :userId AND device_hash <> :deviceHash)
       INSERT INTO known_devices (user_id, device_hash, label) VALUES (:userId, :deviceHash, :label)
       ON CONFLICT (user_id, device_hash) DO UPDATE SET last_seen = now()
       RETURNING (xmax = 0) AS inserted, (SELECT n FROM others) AS others`,
      {
        replacements: { userId, deviceHash, label: label?.slice(0, 200) ?? null },
        type: QueryTypes.SELECT,
        transaction: t,
      },
    );
    if (!row?.inserted) return 'known';
    return row.others > 0 ? 'new' : 'first';
  }

  return { status, remember };
}

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;
