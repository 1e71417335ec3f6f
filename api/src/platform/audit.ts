import { DataTypes, Model, Op, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';

export interface AuditActor {
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export class AuditRecord extends Model {
  declare id: string;
  declare at: Date;
  declare actorId: string | null;
  declare action: string;
  declare entityType: string;
  declare entityId: string | null;
  declare ip: string | null;
  declare userAgent: string | null;
  declare requestId: string | null;
  declare details: Record<string, unknown>;
}

export function initAuditModel(sequelize: Sequelize): void {
  AuditRecord.init(
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      actorId: { type: DataTypes.UUID, field: 'actor_id' },
      action: { type: DataTypes.TEXT, allowNull: false },
      entityType: { type: DataTypes.TEXT, allowNull: false, field: 'entity_type' },
      entityId: { type: DataTypes.TEXT, field: 'entity_id' },
      ip: { type: DataTypes.TEXT },
      userAgent: { type: DataTypes.TEXT, field: 'user_agent' },
      requestId: { type: DataTypes.TEXT, field: 'request_id' },
      details: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
    },
    { sequelize, tableName: 'audit_log', timestamps: false },
  );
}

/** Write one audit record; pass the transaction of the change so both land or neither. */
export async function audit(actor: AuditActor, entry: AuditEntry, transaction?: Transaction): Promise<void> {
  await AuditRecord.create(
    {
      actorId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      ip: actor.ip,
      userAgent: actor.userAgent,
      requestId: actor.requestId,
      details: entry.details ?? {},
    },
    { transaction },
  );
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function listAudit(q: AuditQuery): Promise<{ rows: AuditRecord[]; count: number }> {
  const where: WhereOptions = {};
  const w = where as Record<string | symbol, unknown>;
  if (q.actorId) w.actorId = q.actorId;
  if (q.action) w.action = { [Op.like]: q.action.endsWith('*') ? `${q.action.slice(0, -1)}%` : q.action };
  if (q.entityType) w.entityType = q.entityType;
  if (q.entityId) w.entityId = q.entityId;
  if (q.from || q.to) w.at = { ...(q.from ? { [Op.gte]: q.from } : {}), ...(q.to ? { [Op.lte]: q.to } : {}) };
  return AuditRecord.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}
