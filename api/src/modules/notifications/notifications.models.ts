import { DataTypes, Model, type Sequelize } from 'sequelize';

export class Notification extends Model {
  declare id: string;
  declare userId: string;
  declare kind: string;
  declare titleVi: string;
  declare titleEn: string;
  declare bodyVi: string;
  declare bodyEn: string;
  declare link: string | null;
  declare entityType: string | null;
  declare entityId: string | null;
  declare createdAt: Date;
  declare readAt: Date | null;
}

export function initNotificationModels(sequelize: Sequelize): void {
  Notification.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      userId: { type: DataTypes.UUID, allowNull: false },
      kind: { type: DataTypes.TEXT, allowNull: false },
      titleVi: { type: DataTypes.TEXT, allowNull: false },
      titleEn: { type: DataTypes.TEXT, allowNull: false },
      bodyVi: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      bodyEn: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      link: { type: DataTypes.TEXT },
      entityType: { type: DataTypes.TEXT },
      entityId: { type: DataTypes.TEXT },
      readAt: { type: DataTypes.DATE },
    },
    { sequelize, tableName: 'notifications', underscored: true, updatedAt: false },
  );
}
