import { describe, expect, it } from 'vitest';
import { notificationRoute } from './NotificationBell';

describe('notification bell', () => {
  it('opens a report notification on the feedback page, nothing else', () => {
    const id = '5b1f7a2e-8c1d-4e7f-9a3b-2c4d6e8f0a1b';
    expect(notificationRoute({ entityType: 'feedback', entityId: id })).toBe(`/feedback/${id}`);
    expect(notificationRoute({ entityType: 'ekyc_case', entityId: id })).toBeNull();
    expect(notificationRoute({ entityType: 'feedback', entityId: '../admin' })).toBeNull();
    expect(notificationRoute({ entityType: null, entityId: null })).toBeNull();
  });
});
