import type { Bilingual } from '../../platform/errors.ts';
import type { EkycStatus } from './ekyc.models.ts';

const SELFIE_PROBLEMS = [
  'selfie_no_face',
  'selfie_face_too_small',
  'selfie_unreadable_image',
  'selfie_multiple_faces',
];

/** What the citizen should do next, in plain words, for each outcome. */
export function nextStep(status: EkycStatus, reasons: string[]): Bilingual {
  if (status === 'approved')
    return {
      vi: 'Xác thực thành công: tài khoản của bạn đã đạt định danh mức 2.',
      en: 'Verified: your account is now at identity level 2.',
    };
  if (status === 'review')
    return {
      vi: 'Hồ sơ cần cán bộ kiểm tra thêm, thường trong 1 ngày làm việc. Bạn sẽ nhận được thông báo kết quả.',
      en: 'An officer needs to check your case, usually within one working day. You will be notified of the outcome.',
    };
  if (reasons.some((r) => SELFIE_PROBLEMS.includes(r)))
    return {
      vi: 'Không nhận rõ khuôn mặt trong ảnh chân dung. Hãy chụp lại ở nơi đủ sáng, nhìn thẳng vào máy, không đeo kính râm hay khẩu trang, chỉ một người trong ảnh.',
      en: 'Your face could not be seen clearly in the selfie. Take it again in good light, looking at the camera, without sunglasses or mask, alone in the picture.',
    };
  return {
    vi: 'Khuôn mặt không khớp với ảnh trên thẻ CCCD. Hãy chụp lại cả thẻ và ảnh chân dung; nếu vẫn không được, hãy đến bộ phận một cửa gần nhất.',
    en: 'Your face does not match the photo on the ID card. Take both pictures again; if it still fails, visit the nearest one-stop office.',
  };
}
