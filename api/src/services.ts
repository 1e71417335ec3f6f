import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { TokenSigner } from './platform/auth/tokens.ts';
import type { SmsProvider } from './modules/identity/sms.ts';
import { audit, initAuditModel } from './platform/audit.ts';
import { initIdentityModels, User } from './modules/identity/identity.models.ts';
import { initReferenceModels } from './modules/reference/reference.models.ts';
import { createOtpService } from './modules/identity/otp.service.ts';
import { createIdentityService } from './modules/identity/identity.service.ts';
import { createUsersService } from './modules/identity/users.service.ts';
import { createAdminService } from './modules/admin/admin.service.ts';
import { createReferenceService } from './modules/reference/reference.service.ts';
import { createCardService } from './modules/identity/card.service.ts';
import { createQrService } from './modules/identity/qr.service.ts';
import { createPasskeyService } from './modules/identity/passkeys.service.ts';
import { createDeviceRegistry } from './modules/identity/devices.ts';
import { createSessionService } from './modules/identity/sessions.service.ts';
import { initNotificationModels } from './modules/notifications/notifications.models.ts';
import { createNotificationService } from './modules/notifications/notifications.service.ts';
import { createFeedbackService } from './modules/feedback/feedback.service.ts';
import { createFeedbackHandling } from './modules/feedback/feedback.handling.ts';
import { createForwarding } from './modules/feedback/forwarding/forwarding.service.ts';
import { createProvinceWebhook } from './modules/feedback/forwarding/webhook.ts';
import { createFeedbackQueue } from './modules/feedback/queue.ts';
import { createPublicationService } from './modules/feedback/publication.ts';
import { createOpen311Keys } from './modules/open311/keys.ts';
import { createOpen311Service } from './modules/open311/open311.service.ts';
import { createFeedbackStaff } from './modules/feedback/staff.ts';
import { createFeedbackStats } from './modules/feedback/stats.ts';
import { createOfficerDepartments } from './modules/admin/departments.ts';
import { createOutlines } from './modules/reference/outlines.ts';
import { createModeration } from './modules/moderation/moderation.service.ts';
import { createZones } from './modules/work/zones.service.ts';
import { createCompanies } from './modules/work/companies.service.ts';
import { createWorkforceReports } from './modules/work/workforce.service.ts';
import { createWorkforceStats } from './modules/work/workforce.stats.ts';
import { createCvService } from './modules/work/cvs.service.ts';
import { createApplicationService } from './modules/work/applications.service.ts';
import { createMessageService } from './modules/work/messages.service.ts';
import { createPostingsService } from './modules/work/postings.service.ts';
import { createJobSearch } from './modules/work/search.service.ts';
import { createSealer } from './platform/crypto.ts';
import { initEkycModels } from './modules/ekyc/ekyc.models.ts';
import { createEkycService } from './modules/ekyc/ekyc.service.ts';
import { loadFaceEngine, faceEngineOptions } from './modules/ekyc/face/index.ts';
import { createCameraRegistry } from './modules/cameras/cameras.service.ts';
import { createCameraStatus } from './modules/cameras/status.ts';
import { createSnapshots } from './modules/cameras/snapshots.ts';
import { createCameraEvents } from './modules/cameras/events.ts';
import { createWallLayouts } from './modules/cameras/layouts.ts';
import { createCameraImport } from './modules/cameras/cameras.import.ts';
import { createCameraHealth } from './modules/cameras/health.ts';
import { createStreamGateway } from './modules/cameras/gateway/gateway.ts';

export interface CoreDeps {
  config: Config;
  sequelize: Sequelize;
  log: Logger;
  signer: TokenSigner;
  sms: SmsProvider;
}

/** Wire every domain's models and services once. Modules reach each other only through services. */
export function createServices(deps: CoreDeps) {
  initAuditModel(deps.sequelize);
  initIdentityModels(deps.sequelize);
  initReferenceModels(deps.sequelize);
  initEkycModels(deps.sequelize);
  initNotificationModels(deps.sequelize);
  const notifications = createNotificationService();
  // One moderation queue for every kind of listing: each domain registers its kind on it.
  const moderation = createModeration({ sequelize: deps.sequelize, notifications });
  const otp = createOtpService({
    sequelize: deps.sequelize,
    sms: deps.sms,
    log: deps.log,
    maxPerPhonePerHour: deps.config.OTP_MAX_PER_PHONE_PER_HOUR,
  });
  const devices = createDeviceRegistry(deps.sequelize);
  const sessions = createSessionService(deps);
  const identity = createIdentityService({ ...deps, otp, devices, sessions, notifications });
  const users = createUsersService({ sequelize: deps.sequelize, identity });
  const zones = createZones({ sequelize: deps.sequelize, config: deps.config });
  const sealer = createSealer(deps.config.encryptionKey);
  const cards = createCardService({ sequelize: deps.sequelize, sealer });
  const companies = createCompanies({
    sequelize: deps.sequelize,
    moderation,
    users,
    zones,
    notifications,
    cards,
  });
  const postings = createPostingsService({ sequelize: deps.sequelize, moderation });
  companies.onRenamed((id, t) => postings.refreshCompanySearchText(id, t));
  const admin = createAdminService({
    users,
    sessions,
    lookupUsers: async (ids) => {
      const rows = ids.length
        ? await User.findAll({ where: { id: ids }, attributes: ['id', 'phone', 'fullName'] })
        : [];
      return new Map(rows.map((u) => [u.id, { phone: u.phone, fullName: u.fullName }]));
    },
  });
  const reference = createReferenceService({ sequelize: deps.sequelize });
  const cvs = createCvService({ sequelize: deps.sequelize, sealer });
  const applications = createApplicationService({ sequelize: deps.sequelize, notifications, cvs, companies });
  const qr = createQrService({
    sequelize: deps.sequelize,
    signer: deps.signer,
    cards,
    ttlSeconds: deps.config.QR_TOKEN_TTL_SECONDS,
  });
  const ekyc = createEkycService({
    sequelize: deps.sequelize,
    sealer,
    config: deps.config,
    cards,
    reference,
    identity,
    notifications,
    // Loaded on first use: the ONNX sessions cost a few hundred ms and memory only when eKYC is used.
    faceEngine: () => loadFaceEngine(faceEngineOptions(deps.config)),
  });
  const passkeys = createPasskeyService({ sequelize: deps.sequelize, config: deps.config, identity });
  const feedback = createFeedbackService({ sequelize: deps.sequelize, config: deps.config, reference });
  const forwarding = createForwarding({ sequelize: deps.sequelize });
  const provinceWebhook = createProvinceWebhook({
    sequelize: deps.sequelize,
    notifications,
    secret: deps.config.provinceFeedbackSecret,
  });
  const feedbackHandling = createFeedbackHandling({ sequelize: deps.sequelize, notifications, forwarding });
  const open311Keys = createOpen311Keys({ sequelize: deps.sequelize, sealer, users });
  const open311 = createOpen311Service({
    sequelize: deps.sequelize,
    sealer,
    keys: open311Keys,
    feedback,
    reference,
  });
  // Traffic cameras. The live-stream gateway (one ffmpeg per watched camera) is attached to the HTTP server by
  // main.ts; it reaches the registry and the status sink lazily (they are created just below).
  const live = createStreamGateway({
    config: deps.config,
    log: deps.log,
    signer: deps.signer,
    status: { report: (id, r) => cameraStatus.report(id, r) },
    source: (id) => cameras.source(id),
    onView: ({ cameraId, userId, ip, userAgent }) =>
      void audit(
        { userId, ip, userAgent, requestId: randomUUID() },
        { action: 'camera.live.view', entityType: 'camera', entityId: cameraId },
      ).catch((err: unknown) => deps.log.warn({ err, cameraId }, 'audit of a live view failed')),
  });
  const cameraStatus = createCameraStatus({ sequelize: deps.sequelize, log: deps.log, live: () => live });
  const cameras = createCameraRegistry({
    sequelize: deps.sequelize,
    sealer,
    config: deps.config,
    live: () => live,
    stills: () => cameraSnapshots,
  });
  const cameraSnapshots = createSnapshots({
    ffmpegPath: deps.config.FFMPEG_PATH,
    maxAgeMs: deps.config.CAMERA_SNAPSHOT_MAX_AGE_MS,
    timeoutMs: deps.config.CAMERA_PROBE_TIMEOUT_MS,
    source: cameras.source,
    sink: cameraStatus,
    live: () => live,
  });
  return {
    /** Settings some routes read (e.g. the snapshot rate limit). */
    config: deps.config,
    sessions,
    cameras,
    cameraStatus,
    cameraSnapshots,
    cameraLive: live,
    cameraEvents: createCameraEvents({ sequelize: deps.sequelize }),
    cameraLayouts: createWallLayouts({ sequelize: deps.sequelize }),
    cameraImport: createCameraImport({ sequelize: deps.sequelize, registry: cameras }),
    cameraHealth: createCameraHealth({
      registry: cameras,
      snapshots: cameraSnapshots,
      live: () => live,
      intervalMs: deps.config.CAMERA_HEALTH_INTERVAL_MS,
      log: deps.log,
    }),
    moderation,
    zones,
    companies,
    postings,
    jobSearch: createJobSearch({ sequelize: deps.sequelize, industries: postings.industries }),
    otp,
    identity,
    users,
    admin,
    reference,
    cards,
    qr,
    ekyc,
    passkeys,
    notifications,
    feedback,
    feedbackHandling,
    feedbackPublication: createPublicationService({ sequelize: deps.sequelize }),
    open311Keys,
    open311,
    forwarding,
    provinceWebhook,
    feedbackQueue: createFeedbackQueue(deps.sequelize),
    feedbackStaff: createFeedbackStaff({ sequelize: deps.sequelize }),
    feedbackStats: createFeedbackStats({ sequelize: deps.sequelize }),
    officerDepartments: createOfficerDepartments({ sequelize: deps.sequelize }),
    cvs,
    applications,
    applicationMessages: createMessageService({ sequelize: deps.sequelize, notifications, applications }),
    workforceReports: createWorkforceReports({ sequelize: deps.sequelize }),
    workforceStats: createWorkforceStats({
      sequelize: deps.sequelize,
      vacancyAlert: deps.config.WORKFORCE_VACANCY_ALERT,
    }),
    outlines: createOutlines({
      communeFile: deps.config.COMMUNE_OUTLINES_FILE,
      provinceFile: deps.config.PROVINCE_BOUNDARY_FILE,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
