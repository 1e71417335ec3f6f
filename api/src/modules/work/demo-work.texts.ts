// Texts of the demo Work data (demo-work.ts). Every company name ends with DEMO_SUFFIX so it reads as demo data.

export const DEMO_SUFFIX = ' (Dữ liệu mẫu)';

export interface DemoCompany {
  name: string;
  industry: string;
  size: '10-49' | '50-199' | '200-999' | '1000+';
  /** Preferred zone code; null = outside industrial zones. */
  zone: string | null;
  headcount: number;
  womenShare: number;
  /** Typical share of open positions: a few companies run above the 15 % alert line. */
  vacancy: number;
  wageBand: 'lt5' | '5to8' | '8to12' | '12to20';
  contact: string;
  jobs: string[];
}

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    name: 'Công ty TNHH May mặc Tây Nguyên',
    industry: 'C',
    size: '1000+',
    zone: 'kcn-hoa-phu',
    headcount: 1200,
    womenShare: 0.78,
    vacancy: 0.12,
    wageBand: '5to8',
    contact: 'Nguyễn Thị Hoa',
    jobs: ['garment', 'garment', 'qc', 'warehouse', 'electric'],
  },
  {
    name: 'Công ty CP Chế biến Cà phê Buôn Ma Thuột',
    industry: 'C',
    size: '200-999',
    zone: 'kcn-hoa-phu',
    headcount: 420,
    womenShare: 0.45,
    vacancy: 0.08,
    wageBand: '5to8',
    contact: 'Trần Văn Bình',
    jobs: ['coffee', 'coffee', 'forklift', 'warehouse', 'qc'],
  },
  {
    name: 'Công ty TNHH Gỗ nội thất Ea Tam',
    industry: 'C',
    size: '200-999',
    zone: 'ccn-tan-an-1',
    headcount: 310,
    womenShare: 0.3,
    vacancy: 0.18,
    wageBand: '5to8',
    contact: 'Lê Minh Tuấn',
    jobs: ['wood', 'wood', 'forklift', 'electric', 'driver'],
  },
  {
    name: 'Công ty TNHH Cơ khí Tân An',
    industry: 'C',
    size: '50-199',
    zone: 'ccn-tan-an-2',
    headcount: 140,
    womenShare: 0.12,
    vacancy: 0.1,
    wageBand: '8to12',
    contact: 'Phạm Quốc Hùng',
    jobs: ['welder', 'electric', 'mechanic', 'warehouse', 'qc'],
  },
  {
    name: 'Công ty CP Thủy sản Hòa Hiệp',
    industry: 'C',
    size: '200-999',
    zone: 'kcn-hoa-hiep',
    headcount: 650,
    womenShare: 0.7,
    vacancy: 0.2,
    wageBand: '5to8',
    contact: 'Võ Thị Thu',
    jobs: ['seafood', 'seafood', 'qc', 'forklift', 'electric'],
  },
  {
    name: 'Công ty TNHH Điện tử An Phú',
    industry: 'C',
    size: '1000+',
    zone: 'kcn-an-phu',
    headcount: 1500,
    womenShare: 0.65,
    vacancy: 0.09,
    wageBand: '8to12',
    contact: 'Đặng Thanh Sơn',
    jobs: ['electronics', 'electronics', 'electric', 'qc', 'warehouse'],
  },
  {
    name: 'Công ty TNHH Logistics Phú Yên',
    industry: 'H',
    size: '50-199',
    zone: 'kcn-an-phu',
    headcount: 95,
    womenShare: 0.2,
    vacancy: 0.14,
    wageBand: '8to12',
    contact: 'Huỳnh Văn Lợi',
    jobs: ['warehouse', 'warehouse', 'driver', 'forklift', 'office'],
  },
  {
    name: 'Công ty CP Nông sản Krông Năng',
    industry: 'C',
    size: '50-199',
    zone: 'kcn-phu-xuan',
    headcount: 180,
    womenShare: 0.55,
    vacancy: 0.22,
    wageBand: 'lt5',
    contact: 'Y Khim Niê',
    jobs: ['coffee', 'farm', 'farm', 'driver', 'warehouse'],
  },
  {
    name: 'Công ty TNHH Bao bì Hòa Phú',
    industry: 'C',
    size: '200-999',
    zone: 'kcn-hoa-phu',
    headcount: 260,
    womenShare: 0.4,
    vacancy: 0.07,
    wageBand: '5to8',
    contact: 'Bùi Thị Mai',
    jobs: ['packaging', 'packaging', 'mechanic', 'qc', 'forklift'],
  },
  {
    name: 'Công ty CP Năng lượng xanh Đắk Lắk',
    industry: 'D',
    size: '50-199',
    zone: 'kcn-hoa-tam',
    headcount: 70,
    womenShare: 0.15,
    vacancy: 0.11,
    wageBand: '12to20',
    contact: 'Ngô Đức Anh',
    jobs: ['electric', 'electric', 'mechanic', 'office', 'driver'],
  },
  {
    name: 'Hợp tác xã Dịch vụ Nông nghiệp Cư Kuin',
    industry: 'A',
    size: '10-49',
    zone: null,
    headcount: 35,
    womenShare: 0.5,
    vacancy: 0.16,
    wageBand: 'lt5',
    contact: 'H’Hen Niê',
    jobs: ['farm', 'farm', 'driver', 'office', 'warehouse'],
  },
  {
    name: 'Công ty TNHH Siêu thị Ban Mê',
    industry: 'G',
    size: '50-199',
    zone: null,
    headcount: 120,
    womenShare: 0.68,
    vacancy: 0.1,
    wageBand: '5to8',
    contact: 'Đỗ Thị Yến',
    jobs: ['sales', 'sales', 'warehouse', 'office', 'driver'],
  },
];

export interface JobText {
  title: string;
  description: string;
  requirements: string;
  salary: [number, number];
  shifts: string[];
  benefits: string[];
}

export const JOB_TEXTS: Record<string, JobText> = {
  garment: {
    title: 'Công nhân may công nghiệp',
    description:
      'May các công đoạn áo sơ mi, quần âu xuất khẩu theo chuyền. Được đào tạo lại tay nghề, làm việc trong nhà xưởng có điều hòa.',
    requirements: 'Nữ/nam 18–40 tuổi, biết may máy 1 kim là lợi thế; chưa biết nghề được đào tạo.',
    salary: [6_500_000, 9_000_000],
    shifts: ['day'],
    benefits: ['BHXH, BHYT', 'Cơm trưa', 'Xe đưa đón'],
  },
  qc: {
    title: 'Nhân viên kiểm tra chất lượng (QC)',
    description: 'Kiểm tra sản phẩm trên chuyền và thành phẩm, ghi chép lỗi, phối hợp tổ trưởng xử lý.',
    requirements: 'Tốt nghiệp THPT trở lên, cẩn thận, mắt tốt.',
    salary: [7_000_000, 9_500_000],
    shifts: ['day'],
    benefits: ['BHXH, BHYT', 'Thưởng chuyên cần'],
  },
  warehouse: {
    title: 'Nhân viên kho',
    description: 'Nhập, xuất hàng, sắp xếp kho, kiểm kê định kỳ và cập nhật số liệu trên phần mềm.',
    requirements: 'Tốt nghiệp THPT, biết vi tính cơ bản, sức khỏe tốt.',
    salary: [6_500_000, 8_500_000],
    shifts: ['day', 'night'],
    benefits: ['BHXH, BHYT', 'Phụ cấp ca đêm'],
  },
  electric: {
    title: 'Kỹ thuật viên điện',
    description: 'Vận hành, bảo trì hệ thống điện nhà xưởng và máy móc; xử lý sự cố điện trong ca.',
    requirements: 'Trung cấp/cao đẳng điện công nghiệp, có chứng chỉ an toàn điện.',
    salary: [9_000_000, 13_000_000],
    shifts: ['day', 'night'],
    benefits: ['BHXH, BHYT', 'Phụ cấp độc hại', 'Thưởng tháng 13'],
  },
  coffee: {
    title: 'Công nhân chế biến cà phê',
    description: 'Vận hành dây chuyền sơ chế, rang xay và đóng gói cà phê nhân, cà phê bột.',
    requirements: 'Nam/nữ 18–45 tuổi, chịu khó; không cần kinh nghiệm.',
    salary: [6_000_000, 8_000_000],
    shifts: ['day'],
    benefits: ['BHXH, BHYT', 'Cơm ca'],
  },
  forklift: {
    title: 'Lái xe nâng',
    description: 'Lái xe nâng bốc xếp hàng trong kho và khu vực xuất hàng, kiểm tra xe hằng ngày.',
    requirements: 'Có chứng chỉ vận hành xe nâng, 1 năm kinh nghiệm.',
    salary: [8_000_000, 11_000_000],
    shifts: ['day', 'night'],
    benefits: ['BHXH, BHYT', 'Phụ cấp ca đêm'],
  },
  wood: {
    title: 'Công nhân chế biến gỗ',
    description: 'Cắt, bào, chà nhám, lắp ráp sản phẩm gỗ nội thất xuất khẩu.',
    requirements: 'Nam 18–45 tuổi, sức khỏe tốt; có kinh nghiệm là lợi thế.',
    salary: [6_500_000, 9_500_000],
    shifts: ['day'],
    benefits: ['BHXH, BHYT', 'Nhà trọ hỗ trợ'],
  },
  driver: {
    title: 'Tài xế xe tải',
    description: 'Giao hàng từ nhà máy đến kho và khách hàng trong tỉnh và các tỉnh lân cận.',
    requirements: 'Bằng lái C trở lên, 2 năm kinh nghiệm, thông thạo đường Tây Nguyên – duyên hải.',
    salary: [10_000_000, 14_000_000],
    shifts: ['day'],
    benefits: ['BHXH, BHYT', 'Phụ cấp chuyến'],
  },
  welder: {
    title: 'Thợ hàn',
    description: 'Hàn kết cấu thép, khung máy nông nghiệp theo bản vẽ.',
    requirements: 'Biết hàn que, hàn MIG; có chứng chỉ nghề là lợi thế.',
    salary: [9_000_000, 13_000_000],
    shifts: ['day'],
    benefits: ['BHXH, BHYT', 'Bảo hộ lao động'],
  },
  mechanic: {
    title: 'Thợ bảo trì cơ khí',
    description: 'Bảo trì, sửa chữa máy móc sản xuất, thay thế phụ tùng theo kế hoạch.',
    requirements: 'Trung cấp cơ khí trở lên, 1 năm kinh nghiệm.',
    salary: [8_500_000, 12_000_000],
    shifts: ['day', 'night'],
    benefits: ['BHXH, BHYT', 'Thưởng tháng 13'],
  },
  seafood: {
    title: 'Công nhân chế biến thủy sản',
    description: 'Sơ chế, phân loại, cấp đông cá ngừ và hải sản xuất khẩu.',
    requirements: 'Nữ/nam 18–45 tuổi, chịu được môi trường lạnh; được đào tạo.',
    salary: [6_500_000, 9_000_000],
    shifts: ['day', 'night'],
    benefits: ['BHXH, BHYT', 'Cơm ca', 'Phụ cấp môi trường lạnh'],
  },
  electronics: {
    title: 'Công nhân lắp ráp điện tử',
    description: 'Lắp ráp, kiểm tra linh kiện bo mạch trên chuyền trong phòng sạch.',
    requirements: 'Nữ 18–35 tuổi, tốt nghiệp THCS trở lên, mắt tốt.',
    salary: [7_000_000, 9_500_000],
    shifts: ['day', 'night'],
    benefits: ['BHXH, BHYT', 'Xe đưa đón', 'Ký túc xá'],
  },
  office: {
    title: 'Nhân viên hành chính – nhân sự',
    description: 'Chấm công, làm hồ sơ BHXH, tuyển dụng và hỗ trợ hành chính văn phòng.',
    requirements: 'Cao đẳng/đại học, thành thạo tin học văn phòng.',
    salary: [7_000_000, 10_000_000],
    shifts: ['day'],
    benefits: ['BHXH, BHYT', 'Nghỉ thứ Bảy'],
  },
  farm: {
    title: 'Nhân viên kỹ thuật nông nghiệp',
    description:
      'Hướng dẫn nông hộ liên kết chăm sóc cà phê, sầu riêng theo quy trình; thu mua và ghi chép nhật ký vườn.',
    requirements: 'Trung cấp nông nghiệp trở lên, có xe máy, biết tiếng Ê Đê là lợi thế.',
    salary: [7_000_000, 10_000_000],
    shifts: ['day'],
    benefits: ['BHXH, BHYT', 'Phụ cấp xăng xe'],
  },
  packaging: {
    title: 'Công nhân vận hành máy in bao bì',
    description: 'Vận hành máy in, máy cắt, máy dán túi; kiểm tra chất lượng bản in.',
    requirements: 'Nam 18–40 tuổi; có kinh nghiệm vận hành máy là lợi thế.',
    salary: [7_000_000, 10_000_000],
    shifts: ['day', 'night'],
    benefits: ['BHXH, BHYT', 'Phụ cấp ca đêm'],
  },
  sales: {
    title: 'Nhân viên bán hàng siêu thị',
    description: 'Tư vấn khách hàng, sắp xếp hàng hóa, thu ngân theo ca.',
    requirements: 'Tốt nghiệp THPT, giao tiếp tốt, làm được ca xoay.',
    salary: [5_500_000, 7_500_000],
    shifts: ['morning', 'evening'],
    benefits: ['BHXH, BHYT', 'Thưởng doanh số'],
  },
};

export const DEMO_CVS = [
  {
    title: 'Công nhân may, 3 năm kinh nghiệm',
    salary: 8_000_000,
    skills: ['May máy 1 kim', 'Vắt sổ', 'Đọc tiêu chuẩn kỹ thuật'],
    summary: 'Đã làm chuyền may áo sơ mi, muốn làm gần nhà ở Buôn Ma Thuột.',
  },
  {
    title: 'Kỹ thuật viên điện công nghiệp',
    salary: 11_000_000,
    skills: ['Điện công nghiệp', 'PLC cơ bản', 'An toàn điện bậc 3'],
    summary: 'Tốt nghiệp cao đẳng điện, 2 năm bảo trì điện nhà máy chế biến.',
  },
  {
    title: 'Nhân viên kho – lái xe nâng',
    salary: 9_000_000,
    skills: ['Xe nâng', 'Excel', 'Kiểm kê'],
    summary: 'Có chứng chỉ xe nâng, quen quản lý kho theo FIFO.',
  },
  {
    title: 'Lao động phổ thông',
    salary: 6_500_000,
    skills: ['Chịu khó', 'Làm ca'],
    summary: 'Mới tốt nghiệp THPT, sẵn sàng học việc.',
  },
];
