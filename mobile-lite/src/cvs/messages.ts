/** Messages of the CV, "my applications" and message-thread screens, merged into i18n/vi.ts and en.ts. */
export const cvsVi = {
  'thread.title': 'Tin nhắn',
  'thread.empty': 'Chưa có tin nhắn nào.',
  'thread.me': 'Bạn',
  'thread.company': 'Nhà tuyển dụng',
  'thread.applicant': 'Ứng viên',
  'thread.label': 'Tin nhắn mới',
  'thread.counter': '{n}/{max} ký tự',
  'thread.send': 'Gửi tin nhắn',
  'thread.refresh': 'Tải lại tin nhắn',
  'thread.v.empty': 'Hãy nhập nội dung tin nhắn.',
  'thread.v.long': 'Tin nhắn dài quá {max} ký tự. Hãy rút gọn lại.',
  'thread.closed': 'Hồ sơ đã được rút nên không thể nhắn tin thêm.',
} as const satisfies Record<string, string>;

export const cvsEn: Record<keyof typeof cvsVi, string> = {
  'thread.title': 'Messages',
  'thread.empty': 'No messages yet.',
  'thread.me': 'You',
  'thread.company': 'Employer',
  'thread.applicant': 'Applicant',
  'thread.label': 'New message',
  'thread.counter': '{n}/{max} characters',
  'thread.send': 'Send message',
  'thread.refresh': 'Reload messages',
  'thread.v.empty': 'Please type a message.',
  'thread.v.long': 'The message is longer than {max} characters. Please shorten it.',
  'thread.closed': 'The application was withdrawn, so no more messages can be sent.',
};
