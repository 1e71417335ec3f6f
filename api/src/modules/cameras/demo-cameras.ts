import type { Transaction } from 'sequelize';
import type { CameraRegistry } from './cameras.service.ts';
import { splitRtspUrl } from './rtsp.ts';

interface DemoCamera {
  code: string;
  name: string;
  lat: number;
  lng: number;
  communeCode: string;
  address: string;
  direction: string;
  tags: string[];
}

/**
 * Eight demo cameras at real crossings and roads of Buôn Ma Thuột, the Đắk Lắk highlands and Tuy Hòa – Sông Cầu
 * (approximate positions). Their feeds are the local test cameras: rtsp://127.0.0.1:<TEST_CAMERAS_PORT + i>/live,
 * which `npm start` runs in development when GStreamer is installed.
 */
export const DEMO_CAMERAS: DemoCamera[] = [
  {
    code: 'bmt-nga-sau',
    name: 'Ngã Sáu Buôn Ma Thuột',
    lat: 12.68075,
    lng: 108.03795,
    communeCode: '24133',
    address: 'Vòng xoay Ngã Sáu, Quảng trường 10/3, Buôn Ma Thuột',
    direction: 'Toàn cảnh vòng xoay',
    tags: ['nút giao', 'trung tâm'],
  },
  {
    code: 'bmt-nguyen-tat-thanh-le-duan',
    name: 'Nguyễn Tất Thành × Lê Duẩn',
    lat: 12.67968,
    lng: 108.03925,
    communeCode: '24133',
    address: 'Đường Nguyễn Tất Thành, Buôn Ma Thuột',
    direction: 'Hướng về Ngã Sáu',
    tags: ['nút giao', 'trung tâm'],
  },
  {
    code: 'bmt-phan-boi-chau',
    name: 'Phan Bội Châu (khu trường học)',
    lat: 12.68602,
    lng: 108.04215,
    communeCode: '24133',
    address: 'Đường Phan Bội Châu, Buôn Ma Thuột',
    direction: 'Hướng về Ngã Sáu',
    tags: ['trường học', 'trung tâm'],
  },
  {
    code: 'ql14-hoa-phu',
    name: 'QL14 gần KCN Hòa Phú',
    lat: 12.61482,
    lng: 107.96015,
    communeCode: '24175',
    address: 'Quốc lộ 14, xã Hòa Phú',
    direction: 'Hướng về Buôn Ma Thuột',
    tags: ['quốc lộ', 'khu công nghiệp'],
  },
  {
    code: 'ql26-ea-kar',
    name: 'QL26 qua trung tâm Ea Kar',
    lat: 12.80495,
    lng: 108.45612,
    communeCode: '24373',
    address: 'Quốc lộ 26, xã Ea Kar',
    direction: 'Hướng về Buôn Ma Thuột',
    tags: ['quốc lộ'],
  },
  {
    code: 'th-tran-hung-dao-le-loi',
    name: 'Trần Hưng Đạo × Lê Lợi, Tuy Hòa',
    lat: 13.09196,
    lng: 109.30748,
    communeCode: '22015',
    address: 'Ngã tư Trần Hưng Đạo – Lê Lợi, phường Tuy Hòa',
    direction: 'Hướng về biển',
    tags: ['nút giao', 'trung tâm'],
  },
  {
    code: 'ql1-song-cau',
    name: 'QL1 qua Sông Cầu',
    lat: 13.45563,
    lng: 109.22382,
    communeCode: '22051',
    address: 'Quốc lộ 1, phường Sông Cầu',
    direction: 'Hướng về Quy Nhơn',
    tags: ['quốc lộ'],
  },
  {
    code: 'ql29-song-hinh',
    name: 'QL29 qua Sông Hinh',
    lat: 12.86312,
    lng: 108.95571,
    communeCode: '22207',
    address: 'Quốc lộ 29, xã Sông Hinh',
    direction: 'Hướng về Ea Kar',
    tags: ['quốc lộ'],
  },
];

/** Citizens see no `demo` flag: the name says it. */
export const DEMO_SUFFIX = ' (Dữ liệu mẫu)';

/** Insert the demo cameras (demo = true) in the seed's transaction; returns how many. */
export async function seedDemoCameras(registry: CameraRegistry, testCamerasPort: number, t: Transaction) {
  for (const [i, c] of DEMO_CAMERAS.entries())
    await registry.insert(
      {
        ...c,
        name: c.name + DEMO_SUFFIX,
        demo: true,
        secret: splitRtspUrl(`rtsp://127.0.0.1:${testCamerasPort + i}/live`),
      },
      null,
      t,
    );
  return DEMO_CAMERAS.length;
}
