import { Op, type Sequelize } from 'sequelize';
import type { Config } from '../../config.ts';
import { audit } from '../../platform/audit.ts';
import { EkycCase, EkycImage } from './ekyc.models.ts';

export function createRetention({ sequelize, config }: { sequelize: Sequelize; config: Config }) {
  /** Delete the raw images of cases decided more than EKYC_IMAGE_RETENTION_DAYS ago; keep decisions and scores. */
  return async function purgeImages(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - config.EKYC_IMAGE_RETENTION_DAYS * 86400_000);
    return sequelize.transaction(async (t) => {
      const due = await EkycCase.findAll({
        where: { decidedAt: { [Op.lt]: cutoff }, imagesDeletedAt: null },
        attributes: ['id'],
        transaction: t,
      });
      if (!due.length) return 0;
      const ids = due.map((d) => d.id);
      await EkycImage.destroy({ where: { caseId: ids }, transaction: t });
      await EkycCase.update({ imagesDeletedAt: now }, { where: { id: ids }, transaction: t });
      await audit(
        { userId: null, ip: null, userAgent: null, requestId: 'retention' },
        {
          action: 'ekyc.images_purged',
          entityType: 'ekyc_case',
          details: { cases: ids.length, cutoff: cutoff.toISOString() },
        },
        t,
      );
      return ids.length;
    });
  };
}
