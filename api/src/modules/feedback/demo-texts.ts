/**
 * Texts of the demo feedback (demo data only): titles, descriptions and answers per category, written the
 * way citizens and departments of the province write them. `{place}` is replaced by an address and commune.
 */
export interface DemoTexts {
  items: Array<{ title: string; description: string }>;
  answers: string[];
}

export const DEMO_TEXTS: Record<string, DemoTexts> = {
  public_admin: {
    items: [
      {
        title: 'Hồ sơ cấp đổi giấy chứng nhận quyền sử dụng đất quá hạn',
        description:
          'Tôi nộp hồ sơ cấp đổi giấy chứng nhận quyền sử dụng đất tại bộ phận một cửa {place} đã hơn 30 ngày, quá hạn ghi trên giấy hẹn nhưng chưa được trả kết quả, hỏi thì cán bộ chỉ bảo chờ.',
      },
      {
        title: 'Bộ phận một cửa thường xuyên vắng cán bộ buổi chiều',
        description:
          'Nhiều buổi chiều đến bộ phận tiếp nhận và trả kết quả {place} không có cán bộ trực, người dân phải về rồi quay lại nhiều lần.',
      },
      {
        title: 'Yêu cầu nộp thêm giấy tờ không có trong thủ tục',
        description:
          'Khi làm thủ tục đăng ký khai sinh cho con tại {place}, cán bộ yêu cầu nộp thêm bản photo sổ hộ khẩu có công chứng, trong khi thủ tục công khai không yêu cầu giấy này.',
      },
      {
        title: 'Dịch vụ công trực tuyến báo lỗi khi nộp hồ sơ',
        description:
          'Tôi nộp hồ sơ chứng thực trực tuyến cho {place} nhưng hệ thống báo lỗi ở bước thanh toán phí, đã thử nhiều lần trong 3 ngày vẫn không được.',
      },
      {
        title: 'Chậm chi trả trợ cấp cho người cao tuổi',
        description:
          'Mẹ tôi trên 80 tuổi, thuộc diện hưởng trợ cấp xã hội tại {place}, nhưng đã hai tháng nay chưa nhận được tiền trợ cấp, không rõ lý do.',
      },
    ],
    answers: [
      'Bộ phận một cửa đã kiểm tra, hồ sơ bị chậm do phải xác minh nguồn gốc đất. Kết quả đã được trả cho công dân ngày hôm nay; cán bộ liên quan đã được nhắc nhở rút kinh nghiệm.',
      'UBND xã đã bố trí lịch trực cố định cả ngày tại bộ phận một cửa và công khai số điện thoại đường dây nóng của lãnh đạo xã.',
      'Đã hướng dẫn cán bộ chỉ yêu cầu đúng thành phần hồ sơ theo quy định; công dân đã được giải quyết thủ tục, không phải nộp thêm giấy tờ.',
    ],
  },
  environment: {
    items: [
      {
        title: 'Rác thải tập kết ven đường lâu ngày không thu gom',
        description:
          'Bãi rác tự phát ở {place} tồn tại hơn hai tuần, bốc mùi hôi thối, ruồi muỗi nhiều, ảnh hưởng sức khỏe người dân xung quanh.',
      },
      {
        title: 'Cơ sở chế biến cà phê xả nước thải ra suối',
        description:
          'Một cơ sở chế biến cà phê gần {place} xả nước thải chưa qua xử lý ra suối, nước có màu đen và mùi chua nồng, cá chết nổi trắng.',
      },
      {
        title: 'Khói đốt rác, đốt rẫy gây ô nhiễm khu dân cư',
        description:
          'Tối nào cũng có người đốt rác và phụ phẩm nông nghiệp tại {place}, khói bay vào nhà dân, trẻ nhỏ bị ho kéo dài.',
      },
      {
        title: 'Khai thác cát trái phép trên sông',
        description:
          'Ban đêm có ghe hút cát hoạt động trên sông đoạn qua {place}, bờ sông bị sạt lở, đe dọa đất sản xuất của người dân.',
      },
      {
        title: 'Trại chăn nuôi heo gây mùi hôi',
        description:
          'Trại heo gần khu dân cư {place} không xử lý chất thải đúng cách, mùi hôi nồng nặc nhất là vào buổi chiều tối.',
      },
    ],
    answers: [
      'Đơn vị thu gom đã dọn sạch điểm tập kết rác, lắp biển cấm đổ rác và bổ sung lịch thu gom 2 lần/tuần tại khu vực.',
      'Đoàn kiểm tra đã lập biên bản, lấy mẫu nước thải và đình chỉ hoạt động xả thải của cơ sở; đã xử phạt vi phạm hành chính theo quy định.',
      'Chính quyền địa phương đã tuyên truyền, nhắc nhở các hộ và tổ chức tổ tự quản giám sát việc đốt rác trong khu dân cư.',
    ],
  },
  traffic: {
    items: [
      {
        title: 'Ổ gà lớn giữa đường gây nguy hiểm',
        description:
          'Mặt đường tại {place} có nhiều ổ gà sâu, trời mưa đọng nước không nhìn thấy, đã có người đi xe máy bị ngã.',
      },
      {
        title: 'Đèn tín hiệu giao thông tại ngã tư không hoạt động',
        description:
          'Đèn tín hiệu tại ngã tư {place} bị tắt từ nhiều ngày nay, giờ cao điểm xe cộ ùn tắc, rất dễ xảy ra va chạm.',
      },
      {
        title: 'Biển báo giao thông bị che khuất',
        description:
          'Biển báo hạn chế tốc độ trên đường {place} bị cây xanh che khuất hoàn toàn, lái xe không quan sát được.',
      },
      {
        title: 'Cầu tạm xuống cấp, lan can bị gãy',
        description:
          'Cây cầu tạm ở {place} có lan can bị gãy, mặt cầu lún, học sinh đi học qua đây hằng ngày rất nguy hiểm.',
      },
      {
        title: 'Đường sạt lở sau mưa lớn chưa được khắc phục',
        description:
          'Sau đợt mưa lớn vừa rồi, taluy dương tại {place} sạt lở lấn ra nửa mặt đường, chưa có biển cảnh báo.',
      },
    ],
    answers: [
      'Đơn vị quản lý đường bộ đã vá toàn bộ ổ gà trên đoạn đường, đặt biển cảnh báo trong thời gian chờ thảm lại mặt đường.',
      'Đã thay bộ điều khiển đèn tín hiệu bị hỏng, đèn hoạt động bình thường trở lại; cảnh sát giao thông hỗ trợ phân luồng trong thời gian sửa chữa.',
      'Đã cắt tỉa cây xanh, di dời biển báo ra vị trí dễ quan sát theo đúng quy chuẩn báo hiệu đường bộ.',
    ],
  },
  urban_order: {
    items: [
      {
        title: 'Lấn chiếm vỉa hè để buôn bán',
        description:
          'Các hộ kinh doanh tại {place} bày hàng hóa, để xe kín vỉa hè, người đi bộ phải đi xuống lòng đường.',
      },
      {
        title: 'Xây dựng không phép trên đất nông nghiệp',
        description:
          'Một công trình nhà ở đang được xây dựng trên đất trồng cây lâu năm tại {place}, không thấy treo giấy phép xây dựng.',
      },
      {
        title: 'Đèn chiếu sáng công cộng bị hỏng',
        description:
          'Cả đoạn đường dài khoảng 500 m tại {place} không có đèn chiếu sáng từ hơn một tháng nay, buổi tối rất tối và mất an toàn.',
      },
      {
        title: 'Quảng cáo rao vặt dán tràn lan lên cột điện',
        description:
          'Giấy quảng cáo khoan cắt bê tông, cho vay tiền dán dày đặc trên cột điện, tường nhà ở {place}, gây mất mỹ quan đô thị.',
      },
      {
        title: 'Cống thoát nước bị tắc gây ngập khi mưa',
        description:
          'Hố ga và cống thoát nước tại {place} bị rác lấp kín, mỗi trận mưa nước tràn vào nhà dân hai bên đường.',
      },
      {
        title: 'Tiếng ồn karaoke quá giờ quy định',
        description:
          'Quán karaoke tại {place} hát to đến sau 23 giờ nhiều đêm liền, ảnh hưởng đến giấc ngủ của người già và trẻ nhỏ.',
      },
    ],
    answers: [
      'Tổ quản lý trật tự đô thị đã ra quân giải tỏa lấn chiếm vỉa hè, lập biên bản các hộ tái phạm và duy trì kiểm tra định kỳ.',
      'Đội quản lý đô thị đã kiểm tra hiện trường, lập biên bản đình chỉ thi công công trình xây dựng không phép và chuyển hồ sơ xử lý theo quy định.',
      'Đơn vị chiếu sáng công cộng đã thay bóng đèn và sửa đường dây, toàn tuyến đã sáng trở lại.',
      'Đã nạo vét hố ga, khơi thông cống thoát nước trên toàn tuyến; sẽ đưa vào kế hoạch nâng cấp hệ thống thoát nước năm tới.',
    ],
  },
  health: {
    items: [
      {
        title: 'Trạm y tế thiếu thuốc bảo hiểm y tế',
        description:
          'Đến trạm y tế {place} khám bảo hiểm y tế nhưng thường xuyên được báo hết thuốc, phải tự mua thuốc ở ngoài.',
      },
      {
        title: 'Thời gian chờ khám quá lâu tại bệnh viện',
        description:
          'Đưa người nhà đi khám tại bệnh viện gần {place}, chờ từ 6 giờ sáng đến 11 giờ mới được khám, không có hệ thống lấy số thứ tự.',
      },
      {
        title: 'Cơ sở kinh doanh thực phẩm không đảm bảo vệ sinh',
        description:
          'Quán ăn gần trường học ở {place} chế biến thức ăn trên vỉa hè, không che đậy, nghi ngờ dùng nguyên liệu không rõ nguồn gốc.',
      },
      {
        title: 'Đề nghị phun thuốc phòng sốt xuất huyết',
        description:
          'Khu dân cư {place} có 3 người mắc sốt xuất huyết trong tháng, muỗi rất nhiều, đề nghị ngành y tế phun hóa chất diệt muỗi.',
      },
    ],
    answers: [
      'Trung tâm y tế đã bổ sung cơ số thuốc bảo hiểm y tế cho trạm và chấn chỉnh việc dự trù thuốc hằng tháng.',
      'Bệnh viện đã đưa vào sử dụng hệ thống lấy số tự động và mở thêm 2 bàn khám vào buổi sáng.',
      'Trung tâm Kiểm soát bệnh tật đã phun hóa chất diệt muỗi toàn khu vực và hướng dẫn người dân diệt lăng quăng.',
    ],
  },
  education: {
    items: [
      {
        title: 'Phòng học xuống cấp, mái tôn bị dột',
        description:
          'Các phòng học của điểm trường tại {place} có mái tôn thủng, mưa là dột, học sinh phải kê bàn tránh chỗ nước.',
      },
      {
        title: 'Thu các khoản ngoài quy định đầu năm học',
        description:
          'Trường ở {place} thu nhiều khoản đóng góp đầu năm học không có trong danh mục được phép thu, phụ huynh không được họp bàn.',
      },
      {
        title: 'Thiếu giáo viên tiếng Anh ở điểm trường',
        description:
          'Từ đầu năm học đến nay, học sinh điểm trường tại {place} không được học môn tiếng Anh vì chưa có giáo viên.',
      },
      {
        title: 'Đường vào trường lầy lội mùa mưa',
        description:
          'Đường đất vào điểm trường mầm non ở {place} lầy lội, phụ huynh chở con đi học bị ngã nhiều lần.',
      },
    ],
    answers: [
      'Phòng Giáo dục đã bố trí kinh phí sửa chữa mái phòng học; việc thay mái đã hoàn thành trước mùa mưa.',
      'Nhà trường đã dừng thu và hoàn trả các khoản thu không đúng quy định; hiệu trưởng đã bị kiểm điểm.',
      'Sở Giáo dục và Đào tạo đã điều động giáo viên tiếng Anh dạy liên trường, học sinh được học đủ chương trình từ tuần này.',
    ],
  },
  security: {
    items: [
      {
        title: 'Nhóm thanh niên tụ tập đua xe ban đêm',
        description:
          'Khoảng 22 giờ đến 1 giờ sáng, nhiều nhóm thanh niên tụ tập, nẹt pô, đua xe trên đường {place}, người dân rất bất an.',
      },
      {
        title: 'Trộm cắp tài sản xảy ra nhiều lần',
        description:
          'Trong tháng này khu dân cư {place} liên tiếp bị mất trộm xe máy và cà phê nhân phơi ngoài sân.',
      },
      {
        title: 'Nghi có hoạt động cờ bạc',
        description:
          'Một căn nhà tại {place} thường xuyên có nhiều người lạ ra vào ban đêm, nghi có tổ chức đánh bạc.',
      },
      {
        title: 'Tin nhắn lừa đảo giả danh cơ quan nhà nước',
        description:
          'Nhiều người dân ở {place} nhận được cuộc gọi giả danh công an yêu cầu cài ứng dụng lạ để "cập nhật định danh điện tử".',
      },
    ],
    answers: [
      'Công an xã đã tăng cường tuần tra vào ban đêm, tạm giữ phương tiện của các đối tượng đua xe và mời phụ huynh đến làm việc.',
      'Công an đã tiếp nhận, xác minh và điều tra vụ việc; đồng thời tăng cường tuần tra, hướng dẫn người dân phòng ngừa trộm cắp.',
      'Công an tỉnh đã cảnh báo phương thức lừa đảo trên các phương tiện thông tin và hướng dẫn người dân không cài ứng dụng lạ.',
    ],
  },
  other: {
    items: [
      {
        title: 'Đề nghị lắp đặt thêm điểm wifi công cộng',
        description:
          'Khu vực công viên và nhà văn hóa {place} đông người sinh hoạt nhưng chưa có wifi công cộng, đề nghị xem xét lắp đặt.',
      },
      {
        title: 'Mất điện thường xuyên không báo trước',
        description:
          'Khu vực {place} bị cắt điện nhiều lần trong tuần mà không có thông báo trước, ảnh hưởng đến sản xuất kinh doanh.',
      },
      {
        title: 'Nước sinh hoạt bị đục, có mùi',
        description:
          'Nước máy cấp cho các hộ ở {place} mấy ngày nay bị đục, có mùi clo nặng, người dân không dám sử dụng.',
      },
      {
        title: 'Sóng điện thoại yếu ở vùng sâu',
        description:
          'Thôn ở {place} gần như không có sóng điện thoại và internet, học sinh không học trực tuyến được.',
      },
    ],
    answers: [
      'Đơn vị cấp nước đã súc xả đường ống, kiểm tra chất lượng nước đạt quy chuẩn và thông báo cho người dân.',
      'Văn phòng UBND tỉnh đã chuyển kiến nghị đến doanh nghiệp viễn thông; trạm phát sóng mới sẽ được lắp đặt trong quý tới.',
      'Công ty điện lực đã giải trình nguyên nhân do sửa chữa lưới điện và cam kết thông báo lịch cắt điện trước ít nhất 5 ngày.',
    ],
  },
};

export const DEMO_REJECTIONS = [
  'Nội dung phản ánh không thuộc thẩm quyền giải quyết của tỉnh; đề nghị công dân liên hệ cơ quan có thẩm quyền.',
  'Nội dung phản ánh chưa rõ địa điểm và sự việc cụ thể; đề nghị bổ sung thông tin và gửi lại.',
  'Vụ việc đang được Tòa án nhân dân giải quyết theo thủ tục tố tụng, không tiếp nhận theo kênh phản ánh.',
  'Nội dung là khiếu nại quyết định hành chính; đề nghị thực hiện theo Luật Khiếu nại.',
];

export const DEMO_NOTES = [
  'Đã gọi điện xác minh với người phản ánh, thông tin chính xác.',
  'Chờ kết quả kiểm tra hiện trường của tổ công tác.',
  'Phối hợp với UBND xã để xử lý dứt điểm.',
  'Đã báo cáo lãnh đạo Sở, đề xuất bổ sung kinh phí.',
];

export const DEMO_REOPEN = 'Người dân mở lại: Sau vài ngày tình trạng tái diễn như cũ.';

export const DEMO_RATING_COMMENTS = [
  'Xử lý nhanh, cảm ơn cán bộ.',
  'Đã được khắc phục, rất hài lòng.',
  'Xử lý chậm nhưng có kết quả.',
  'Chưa triệt để, mới xử lý tạm thời.',
];

export const DEMO_STREETS = [
  'Đường Lê Duẩn',
  'Đường Nguyễn Tất Thành',
  'Đường Hùng Vương',
  'Đường Trần Phú',
  'Đường Phan Bội Châu',
  'Đường Y Jút',
  'Đường Hai Bà Trưng',
  'Quốc lộ 14',
  'Quốc lộ 26',
  'Quốc lộ 1A',
  'Tỉnh lộ 8',
];

export const DEMO_HAMLETS = [
  'Thôn 1',
  'Thôn 3',
  'Thôn 5',
  'Buôn Ko Tam',
  'Buôn Tơng Jú',
  'Tổ dân phố 4',
  'Tổ dân phố 7',
];

export const DEMO_CITIZENS = [
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Y Bhim Niê',
  'H’Linh Êban',
  'Võ Thị Hạnh',
  'Đặng Minh Khoa',
  'Bùi Thị Lan',
  'Ngô Quốc Minh',
];
