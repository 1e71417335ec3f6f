import { DataTypes, Model, type Sequelize } from 'sequelize';

export class Commune extends Model {
  declare code: string;
  declare name: string;
  declare nameEn: string;
  declare type: 'ward' | 'commune';
  declare areaKm2: number | null;
  declare lat: number;
  declare lng: number;
  declare bbox: number[];
  declare mergedFrom: string;
}

export function initReferenceModels(sequelize: Sequelize): void {
  Commune.init(
    {
      code: { type: DataTypes.TEXT, primaryKey: true },
      name: { type: DataTypes.TEXT, allowNull: false },
      nameEn: { type: DataTypes.TEXT, allowNull: false },
      type: { type: DataTypes.TEXT, allowNull: false },
      areaKm2: { type: DataTypes.DOUBLE },
      lat: { type: DataTypes.DOUBLE, allowNull: false },
      lng: { type: DataTypes.DOUBLE, allowNull: false },
      bbox: { type: DataTypes.ARRAY(DataTypes.DOUBLE), allowNull: false },
      mergedFrom: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    },
    { sequelize, tableName: 'communes', underscored: true, timestamps: false },
  );
}
