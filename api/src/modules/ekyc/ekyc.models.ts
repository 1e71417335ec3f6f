import { DataTypes, Model, type Sequelize } from 'sequelize';

export type EkycStatus = 'approved' | 'rejected' | 'review';
export type ImageKind = 'card_front' | 'card_back' | 'selfie' | 'card_face' | 'selfie_face';

export class EkycCase extends Model {
  declare id: string;
  declare userId: string;
  declare status: EkycStatus;
  declare decidedBy: 'auto' | 'officer' | null;
  declare reviewerId: string | null;
  declare reasons: string[];
  declare similarity: number | null;
  declare acceptThreshold: number;
  declare rejectThreshold: number;
  declare cccdHash: string;
  declare cccdMasked: string;
  declare declaredSealed: string;
  declare qrSealed: string | null;
  declare communeCode: string | null;
  declare cardEmbeddingSealed: string | null;
  declare decisionReason: string | null;
  declare timings: Record<string, unknown>;
  declare createdAt: Date;
  declare decidedAt: Date | null;
  declare imagesDeletedAt: Date | null;
}

export class EkycImage extends Model {
  declare caseId: string;
  declare kind: ImageKind;
  declare contentType: string;
  declare sizeBytes: number;
  declare sealed: Buffer;
}

export function initEkycModels(sequelize: Sequelize): void {
  EkycCase.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      userId: { type: DataTypes.UUID, allowNull: false },
      status: { type: DataTypes.TEXT, allowNull: false },
      decidedBy: { type: DataTypes.TEXT },
      reviewerId: { type: DataTypes.UUID },
      reasons: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      similarity: { type: DataTypes.DOUBLE },
      acceptThreshold: { type: DataTypes.DOUBLE, allowNull: false },
      rejectThreshold: { type: DataTypes.DOUBLE, allowNull: false },
      cccdHash: { type: DataTypes.TEXT, allowNull: false },
      cccdMasked: { type: DataTypes.TEXT, allowNull: false },
      declaredSealed: { type: DataTypes.TEXT, allowNull: false },
      qrSealed: { type: DataTypes.TEXT },
      communeCode: { type: DataTypes.TEXT },
      cardEmbeddingSealed: { type: DataTypes.TEXT },
      decisionReason: { type: DataTypes.TEXT },
      timings: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      decidedAt: { type: DataTypes.DATE },
      imagesDeletedAt: { type: DataTypes.DATE },
    },
    { sequelize, tableName: 'ekyc_cases', underscored: true, updatedAt: false },
  );
  EkycImage.init(
    {
      caseId: { type: DataTypes.UUID, primaryKey: true },
      kind: { type: DataTypes.TEXT, primaryKey: true },
      contentType: { type: DataTypes.TEXT, allowNull: false },
      sizeBytes: { type: DataTypes.INTEGER, allowNull: false },
      sealed: { type: DataTypes.BLOB, allowNull: false },
    },
    { sequelize, tableName: 'ekyc_images', underscored: true, timestamps: false },
  );
}
