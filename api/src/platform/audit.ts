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

/** Which records: every filter is optional; `action` is exact, or a prefix when it ends with `*`. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditQuery extends AuditFilter {
  page: number;
  pageSize: number;
}

function auditWhere(q: AuditFilter): WhereOptions {
  const where: WhereOptions = {};
  const w = where as Record<string | symbol, unknown>;
  if (q.actorId) w.actorId = q.actorId;
  if (q.action) w.action = { [Op.like]: q.action.endsWith('*') ? `${q.action.slice(0, -1)}%` : q.action };
  if (q.entityType) w.entityType = q.entityType;
  if (q.entityId) w.entityId = q.entityId;
  if (q.from || q.to) w.at = { ...(q.from ? { [Op.gte]: q.from } : {}), ...(q.to ? { [Op.lte]: q.to } : {}) };
  return where;
}

export async function listAudit(q: AuditQuery): Promise<{ rows: AuditRecord[]; count: number }> {
  return AuditRecord.findAndCountAll({
    where: auditWhere(q),
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

export function countAudit(q: AuditFilter): Promise<number> {
  return AuditRecord.count({ where: auditWhere(q) });
}

/**
 * Every matching record, newest first, `batchSize` at a time: each batch starts below the last id of the one
 * before (no OFFSET, so records written meanwhile neither repeat nor shift the pages).
 */
export async function* auditBatches(q: AuditFilter, batchSize = 2000): AsyncGenerator<AuditRecord[]> {
  let below: string | undefined;
  for (;;) {
    const where = auditWhere(q) as Record<string | symbol, unknown>;
    if (below !== undefined) where.id = { [Op.lt]: below };
    const rows = await AuditRecord.findAll({ where, order: [['id', 'DESC']], limit: batchSize });
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    below = rows[rows.length - 1]!.id;
  }
}
