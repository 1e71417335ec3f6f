import { DataTypes, Model, type Sequelize } from 'sequelize';

export class User extends Model {
  declare id: string;
  declare phone: string;
  declare fullName: string;
  declare passwordHash: string | null;
  declare status: 'active' | 'disabled';
  declare identityLevel: number;
  declare failedLogins: number;
  declare lockedUntil: Date | null;
  declare lastLoginAt: Date | null;
  declare createdAt: Date;
  declare updatedAt: Date;
  declare roles?: UserRole[];
}

export class UserRole extends Model {
  declare userId: string;
  declare role: string;
  declare grantedBy: string | null;
  declare grantedAt: Date;
}

export class OtpCode extends Model {
  declare id: string;
  declare phone: string;
  declare purpose: 'register' | 'login' | 'reset';
  declare codeHash: string;
  declare attempts: number;
  declare expiresAt: Date;
  declare consumedAt: Date | null;
  declare ip: string | null;
  declare createdAt: Date;
}

export class RefreshToken extends Model {
  declare id: string;
  declare familyId: string;
  declare userId: string;
  declare tokenHash: string;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  declare revokedAt: Date | null;
  declare ip: string | null;
  declare userAgent: string | null;
  declare createdAt: Date;
}

/** A citizen's declared ID card: the number sealed (AES-256-GCM) and keyed-hashed for uniqueness. */
export class CitizenIdentity extends Model {
  declare userId: string;
  declare cccdHash: string;
  declare cccdSealed: string;
  declare cccdMasked: string;
  declare fullName: string;
  declare dateOfBirth: string;
  declare sex: 'male' | 'female';
  declare birthProvinceCode: string;
  declare addressSealed: string | null;
  declare issuedOn: string | null;
  declare source: 'manual' | 'qr';
  declare declaredAt: Date;
  declare faceEmbeddingSealed: string | null;
}

/** Something about an account an officer must look at (e.g. a CCCD number already used elsewhere). */
export class IdentityFlag extends Model {
  declare id: string;
  declare userId: string;
  declare kind: string;
  declare otherUserId: string | null;
  declare details: Record<string, unknown>;
  declare createdAt: Date;
  declare resolvedAt: Date | null;
}

/** A WebAuthn credential (passkey): sign-in with the phone's fingerprint or face unlock. */
export class Passkey extends Model {
  declare id: string;
  declare userId: string;
  declare publicKey: Buffer;
  declare counter: number;
  declare transports: string[];
  declare deviceType: string;
  declare backedUp: boolean;
  declare name: string;
  declare createdAt: Date;
  declare lastUsedAt: Date | null;
}

export function initIdentityModels(sequelize: Sequelize): void {
  const uuidPk = { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 };
  User.init(
    {
      id: uuidPk,
      phone: { type: DataTypes.TEXT, allowNull: false, unique: true },
      fullName: { type: DataTypes.TEXT, allowNull: false },
      passwordHash: { type: DataTypes.TEXT },
      status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
      identityLevel: { type: DataTypes.SMALLINT, allowNull: false, defaultValue: 0 },
      failedLogins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lockedUntil: { type: DataTypes.DATE },
      lastLoginAt: { type: DataTypes.DATE },
    },
    { sequelize, tableName: 'users', underscored: true },
  );
  UserRole.init(
    {
      userId: { type: DataTypes.UUID, primaryKey: true },
      role: { type: DataTypes.TEXT, primaryKey: true },
      grantedBy: { type: DataTypes.UUID },
      grantedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    },
    { sequelize, tableName: 'user_roles', underscored: true, timestamps: false },
  );
  OtpCode.init(
    {
      id: uuidPk,
      phone: { type: DataTypes.TEXT, allowNull: false },
      purpose: { type: DataTypes.TEXT, allowNull: false },
      codeHash: { type: DataTypes.TEXT, allowNull: false },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      consumedAt: { type: DataTypes.DATE },
      ip: { type: DataTypes.TEXT },
    },
    { sequelize, tableName: 'otp_codes', underscored: true, updatedAt: false },
  );
  RefreshToken.init(
    {
      id: uuidPk,
      familyId: { type: DataTypes.UUID, allowNull: false },
      userId: { type: DataTypes.UUID, allowNull: false },
      tokenHash: { type: DataTypes.TEXT, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      usedAt: { type: DataTypes.DATE },
      revokedAt: { type: DataTypes.DATE },
      ip: { type: DataTypes.TEXT },
      userAgent: { type: DataTypes.TEXT },
    },
    { sequelize, tableName: 'refresh_tokens', underscored: true, updatedAt: false },
  );
  CitizenIdentity.init(
    {
      userId: { type: DataTypes.UUID, primaryKey: true },
      cccdHash: { type: DataTypes.TEXT, allowNull: false, unique: true },
      cccdSealed: { type: DataTypes.TEXT, allowNull: false },
      cccdMasked: { type: DataTypes.TEXT, allowNull: false },
      fullName: { type: DataTypes.TEXT, allowNull: false },
      dateOfBirth: { type: DataTypes.DATEONLY, allowNull: false },
      sex: { type: DataTypes.TEXT, allowNull: false },
      birthProvinceCode: { type: DataTypes.TEXT, allowNull: false },
      addressSealed: { type: DataTypes.TEXT },
      issuedOn: { type: DataTypes.DATEONLY },
      source: { type: DataTypes.TEXT, allowNull: false },
      declaredAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      faceEmbeddingSealed: { type: DataTypes.TEXT },
    },
    {
      sequelize,
      tableName: 'citizen_identities',
      underscored: true,
      createdAt: false,
      updatedAt: 'updatedAt',
    },
  );
  IdentityFlag.init(
    {
      id: uuidPk,
      userId: { type: DataTypes.UUID, allowNull: false },
      kind: { type: DataTypes.TEXT, allowNull: false },
      otherUserId: { type: DataTypes.UUID },
      details: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      resolvedAt: { type: DataTypes.DATE },
    },
    { sequelize, tableName: 'identity_flags', underscored: true, updatedAt: false },
  );
  Passkey.init(
    {
      id: { type: DataTypes.TEXT, primaryKey: true },
      userId: { type: DataTypes.UUID, allowNull: false },
      publicKey: { type: DataTypes.BLOB, allowNull: false },
      counter: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 },
      transports: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      deviceType: { type: DataTypes.TEXT, allowNull: false },
      backedUp: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      name: { type: DataTypes.TEXT, allowNull: false },
      lastUsedAt: { type: DataTypes.DATE },
    },
    { sequelize, tableName: 'passkeys', underscored: true, updatedAt: false },
  );
  User.hasMany(UserRole, { foreignKey: 'userId', as: 'roles' });
  UserRole.belongsTo(User, { foreignKey: 'userId' });
}
