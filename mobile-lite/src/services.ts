/**
 * Every service of Đắk Lắk ID, in the order the home screen shows them.
 * `status: 'soon'` opens the "not available yet" screen — never a fake page.
 * `icon` is the `d` of a 24×24 stroked SVG path (drawn with round caps and joins).
 */
export type ServiceStatus = 'available' | 'soon';

export interface Service {
  readonly id: string;
  readonly name: { readonly vi: string; readonly en: string };
  readonly status: ServiceStatus;
  /** Hash route of an available service. */
  readonly route?: string;
  readonly icon: string;
}

export const services: readonly Service[] = [
  {
    id: 'accounts',
    name: { vi: 'Tài khoản & định danh', en: 'Account & eKYC' },
    status: 'available',
    route: '#/profile',
    icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-6 8-6s8 2 8 6',
  },
  {
    id: 'public-services',
    name: { vi: 'Dịch vụ công', en: 'Public services' },
    status: 'soon',
    icon: 'M3 10h18M12 3l9 5H3zM5 10v8M9.7 10v8M14.3 10v8M19 10v8M3 21h18',
  },
  {
    id: 'feedback',
    name: { vi: 'Phản ánh hiện trường', en: 'Report an issue' },
    status: 'available',
    route: '#/feedback',
    icon: 'M4 4h16v12H9l-5 4zM12 7.5v4M12 14v.01',
  },
  {
    id: 'jobs',
    name: { vi: 'Việc làm', en: 'Jobs' },
    status: 'available',
    route: '#/jobs',
    icon: 'M3 8h18v12H3zM9 8V5h6v3M3 13h18',
  },
  {
    id: 'cvs',
    name: { vi: 'Hồ sơ xin việc', en: 'CVs' },
    status: 'available',
    route: '#/jobs/cvs',
    icon: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  },
  {
    id: 'employer',
    name: { vi: 'Nhà tuyển dụng', en: 'Employers' },
    status: 'available',
    route: '#/employer',
    icon: 'M3 21h18M5 21V7l7-4 7 4v14M9 9h.01M15 9h.01M9 13h.01M15 13h.01M10 21v-4h4v4',
  },
  {
    id: 'rentals',
    name: { vi: 'Nhà trọ', en: 'Rentals' },
    status: 'soon',
    icon: 'M3 11l9-7 9 7M5 9.5V20h14V9.5M10 20v-6h4v6',
  },
  {
    id: 'classifieds',
    name: { vi: 'Rao vặt', en: 'Classifieds' },
    status: 'soon',
    icon: 'M3 12V4h8l10 10-8 8zM7.5 8h.01',
  },
  {
    id: 'vouchers',
    name: { vi: 'Ưu đãi', en: 'Vouchers' },
    status: 'soon',
    icon: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zM14 7v2M14 11v2M14 15v2',
  },
  {
    id: 'coaches',
    name: { vi: 'Xe khách', en: 'Coaches' },
    status: 'soon',
    icon: 'M5 3h14v14H5zM5 10h14M7 17v3M17 17v3M8.5 13.5h.01M15.5 13.5h.01',
  },
  {
    id: 'messages',
    name: { vi: 'Tin nhắn', en: 'Messages' },
    status: 'soon',
    icon: 'M3 6h18v12H3zM3 6l9 7 9-7',
  },
  {
    id: 'traffic-cameras',
    name: { vi: 'Camera giao thông', en: 'Traffic cameras' },
    status: 'available',
    route: '#/cameras',
    icon: 'M3 6l14-3 2 7-14 3zM10 12l1 4H5M5 13v8',
  },
  {
    id: 'places',
    name: { vi: 'Địa điểm', en: 'Places' },
    status: 'soon',
    icon: 'M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11zM12 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  },
  {
    id: 'electricity',
    name: { vi: 'Tiền điện', en: 'Electricity bill' },
    status: 'soon',
    icon: 'M13 2L4 14h7l-1 8 9-12h-7z',
  },
  {
    id: 'social-insurance',
    name: { vi: 'Bảo hiểm xã hội', en: 'Social insurance' },
    status: 'soon',
    icon: 'M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6zM12 9v6M9 12h6',
  },
  {
    id: 'admissions',
    name: { vi: 'Tuyển sinh', en: 'School admissions' },
    status: 'soon',
    icon: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6',
  },
  {
    id: 'tax',
    name: { vi: 'Thuế', en: 'Tax' },
    status: 'soon',
    icon: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 15l6-6M9.5 9.5h.01M14.5 14.5h.01',
  },
  {
    id: 'environment',
    name: { vi: 'Môi trường', en: 'Environment' },
    status: 'soon',
    icon: 'M5 20c0-9 6-15 15-15 0 9-6 15-15 15zM5 20l8-8',
  },
  {
    id: 'agriculture',
    name: { vi: 'Nông nghiệp', en: 'Agriculture' },
    status: 'soon',
    icon: 'M12 21V11M12 11C12 7 9 5 5 5c0 4 3 6 7 6zM12 14c0-4 3-6 7-6 0 4-3 6-7 6zM6 21h12',
  },
];

export function findService(id: string): Service | undefined {
  return services.find((s) => s.id === id);
}

/** Where a tile leads: the service's own screen, or the "not available yet" screen. */
export function serviceHref(service: Service): string {
  return service.status === 'available' && service.route ? service.route : `#/service/${service.id}`;
}
