/** Vietnamese — the default language. Every key here must exist in en.ts (checked by a test). */
export const vi = {
  'app.name': 'Đắk Lắk ID',
  'app.tagline': 'Công dân số tỉnh Đắk Lắk',
  'app.offline': 'Bạn đang ngoại tuyến. Một số chức năng cần có mạng.',
  'app.skipToContent': 'Bỏ qua, tới nội dung chính',

  'lang.other': 'English',
  'lang.otherCode': 'en',
  'lang.switchLabel': 'Chuyển ngôn ngữ sang tiếng Anh',

  'nav.home': 'Trang chủ',
  'nav.back': 'Quay lại',
  'nav.login': 'Đăng nhập',
  'nav.register': 'Đăng ký',
  'nav.account': 'Tài khoản',

  'home.title': 'Dịch vụ',
  'home.hello': 'Xin chào!',
  'home.helloUser': 'Xin chào, {name}',
  'home.intro': 'Một tài khoản cho các dịch vụ công dân số của tỉnh.',
  'home.createAccount': 'Tạo tài khoản',
  'home.openAccount': 'Xem tài khoản',
  'home.soon': 'Sắp có',

  'soon.title': 'Chưa hoạt động — dịch vụ đang được xây dựng',
  'soon.body': '«{name}» chưa dùng được. Dịch vụ sẽ có trong một bản cập nhật sau.',
  'soon.home': 'Về trang chủ',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Đường dẫn này không có trong ứng dụng.',

  'field.phone': 'Số điện thoại',
  'field.phoneHint': 'Ví dụ: 0912 345 678',
  'field.otp': 'Mã xác thực (6 chữ số)',
  'field.otpHint': 'Mã đã gửi tới {phone}, có hiệu lực trong {minutes} phút.',
  'field.fullName': 'Họ và tên',
  'field.password': 'Mật khẩu',
  'field.newPassword': 'Mật khẩu mới',
  'field.passwordHint': 'Ít nhất 8 ký tự, có cả chữ và số.',
  'field.showPassword': 'Hiện mật khẩu',

  'otp.send': 'Gửi mã',
  'otp.resend': 'Gửi lại mã',
  'otp.resendIn': 'Gửi lại mã sau {seconds} giây',
  'otp.changePhone': 'Đổi số điện thoại',

  'register.title': 'Đăng ký tài khoản',
  'register.intro': 'Nhập số điện thoại của bạn để nhận mã xác thực qua tin nhắn.',
  'register.submit': 'Tạo tài khoản',
  'register.haveAccount': 'Đã có tài khoản?',

  'login.title': 'Đăng nhập',
  'login.submit': 'Đăng nhập',
  'login.forgot': 'Quên mật khẩu?',
  'login.noAccount': 'Chưa có tài khoản?',
  'login.passwordChanged': 'Đã đổi mật khẩu. Mời bạn đăng nhập bằng mật khẩu mới.',
  'login.sessionExpired': 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',

  'reset.title': 'Quên mật khẩu',
  'reset.intro': 'Nhập số điện thoại đã đăng ký để nhận mã xác thực, sau đó đặt mật khẩu mới.',
  'reset.submit': 'Đổi mật khẩu',

  'profile.title': 'Tài khoản của tôi',
  'profile.phone': 'Số điện thoại',
  'profile.fullName': 'Họ và tên',
  'profile.memberSince': 'Tham gia từ {date}',
  'profile.editName': 'Sửa tên',
  'profile.save': 'Lưu',
  'profile.cancel': 'Huỷ',
  'profile.saved': 'Đã lưu họ và tên.',
  'profile.identity': 'Mức định danh',
  'profile.identityCurrent': 'Bạn đang ở mức {level}: {label}.',
  'profile.logout': 'Đăng xuất',
  'profile.retry': 'Thử lại',

  'identity.0': 'Đã xác thực số điện thoại',
  'identity.1': 'Đã khai báo CCCD',
  'identity.2': 'Đã xác thực khuôn mặt',
  'identity.levelN': 'Mức {level}',
  'identity.done': 'Đã đạt',
  'identity.todo': 'Chưa đạt',

  'validation.phone': 'Số điện thoại không hợp lệ. Hãy nhập dạng 0912 345 678.',
  'validation.otp': 'Mã xác thực gồm đúng 6 chữ số.',
  'validation.password': 'Mật khẩu cần ít nhất 8 ký tự, có cả chữ và số.',
  'validation.fullName': 'Vui lòng nhập họ và tên.',
  'validation.passwordRequired': 'Vui lòng nhập mật khẩu.',

  'error.network': 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
  'error.unknown': 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  'error.checkFields': 'Vui lòng sửa các ô được đánh dấu bên dưới.',
  'error.title': 'Có lỗi',

  'common.loading': 'Đang tải…',
  'common.sending': 'Đang gửi…',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
