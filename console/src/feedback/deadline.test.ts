import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/format';
import type { MessageKey } from '../i18n/vi';
import { ANSWER_MIN, actionReady } from './ActionDialogs';
import {
  allowedActions,
  deadlineColor,
  deadlineState,
  durationParts,
  formatDeadline,
  resolvedOnTime,
  STATUS_RGB,
  statusCss,
} from './deadline';
import { boundsOf } from '../components/geo';
import { FEEDBACK_STATUSES } from './queries';

const vi = (key: MessageKey, params?: Record<string, string | number>) => translate('vi', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const now = Date.parse('2026-11-27T03:00:00Z');
const at = (hours: number) => new Date(now + hours * 3600_000).toISOString();

describe('deadline clock', () => {
  it('follows the api rule: closed or undated none, within 48 h due soon, past overdue', () => {
    expect(deadlineState(null, 'accepted', now)).toBe('none');
    expect(deadlineState(at(-5), 'resolved', now)).toBe('none');
    expect(deadlineState(at(5), 'submitted', now)).toBe('none');
    expect(deadlineState(at(72), 'assigned', now)).toBe('ok');
    expect(deadlineState(at(48), 'assigned', now)).toBe('due_soon');
    expect(deadlineState(at(1), 'in_progress', now)).toBe('due_soon');
    expect(deadlineState(at(-0.01), 'in_progress', now)).toBe('overdue');
  });

  it('speaks Vietnamese first: time left or overdue in minutes, hours, then days', () => {
    expect(formatDeadline(vi, at(0.5), 'due_soon', now)).toBe('còn 30 phút');
    expect(formatDeadline(vi, at(5), 'due_soon', now)).toBe('còn 5 giờ');
    expect(formatDeadline(vi, at(24 * 4 + 3), 'ok', now)).toBe('còn 4 ngày');
    expect(formatDeadline(vi, at(-26), 'overdue', now)).toBe('quá hạn 26 giờ');
    expect(formatDeadline(vi, at(-24 * 3), 'overdue', now)).toBe('quá hạn 3 ngày');
    expect(formatDeadline(en, at(-24 * 3), 'overdue', now)).toBe('overdue by 3 days');
    expect(formatDeadline(vi, at(5), 'none', now)).toBe('');
    expect(durationParts(10_000)).toEqual({ unit: 'minutes', n: 1 });
  });

  it('tells whether a resolved report met its deadline', () => {
    expect(resolvedOnTime(at(1), at(0))).toBe(true);
    expect(resolvedOnTime(at(-1), at(0))).toBe(false);
    expect(resolvedOnTime(null, at(0))).toBeNull();
    expect(resolvedOnTime(at(1), null)).toBeNull();
  });

  it('is amber when due soon and red when overdue', () => {
    expect(deadlineColor('due_soon')).toBe('warning');
    expect(deadlineColor('overdue')).toBe('error');
    expect(deadlineColor('ok')).toBe('success');
    expect(deadlineColor('none')).toBe('default');
  });
});

describe('status colours', () => {
  it('gives every status its own colour', () => {
    const colours = FEEDBACK_STATUSES.map((s) => STATUS_RGB[s].join(','));
    expect(new Set(colours).size).toBe(FEEDBACK_STATUSES.length);
    expect(statusCss('resolved')).toBe('rgb(46, 125, 50)');
  });
});

describe('actions offered in the drawer', () => {
  const triage = ['console:access', 'feedback:triage'];
  const officer = ['console:access', 'feedback:handle'];
  it('offers triage actions to triage staff and handling to officers', () => {
    expect(allowedActions('submitted', triage)).toEqual(['accept', 'reject', 'duplicate']);
    expect(allowedActions('accepted', triage)).toEqual(['assign', 'reject', 'duplicate']);
    expect(allowedActions('assigned', officer)).toEqual(['start', 'resolve']);
    expect(allowedActions('in_progress', officer)).toEqual(['resolve']);
    expect(allowedActions('submitted', officer)).toEqual([]);
    expect(allowedActions('resolved', [...triage, 'feedback:handle'])).toEqual([]);
  });

  it('asks for what each action needs', () => {
    const v = { department: '', reason: '', answer: '', originalId: '', photo: null };
    expect(actionReady('accept', v, false)).toBe(true);
    expect(actionReady('assign', v, false)).toBe(false);
    expect(actionReady('assign', { ...v, department: 'sxd' }, false)).toBe(true);
    expect(actionReady('reject', { ...v, reason: ' abc ' }, false)).toBe(false);
    expect(actionReady('reject', { ...v, reason: 'Không thuộc thẩm quyền' }, false)).toBe(true);
    expect(actionReady('duplicate', { ...v, originalId: 'x' }, false)).toBe(true);
    const answer = 'x'.repeat(ANSWER_MIN);
    expect(actionReady('resolve', { ...v, answer }, false)).toBe(true);
    expect(actionReady('resolve', { ...v, answer }, true)).toBe(false);
    const photo = new File([new Uint8Array(3)], 'r.jpg');
    expect(actionReady('resolve', { ...v, answer, photo }, true)).toBe(true);
    expect(actionReady('resolve', { ...v, answer: 'short', photo }, true)).toBe(false);
  });
});

describe('map bounds', () => {
  it('covers every coordinate of polygons, multipolygons and collections', () => {
    const b = boundsOf({
      type: 'FeatureCollection',
      features: [
        {
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [108, 12.5],
                [108.5, 13],
                [108.2, 12.2],
                [108, 12.5],
              ],
            ],
          },
        },
        {
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [109.4, 13.6],
                  [109.3, 13.1],
                  [109.4, 13.6],
                ],
              ],
            ],
          },
        },
        {
          geometry: {
            type: 'GeometryCollection',
            geometries: [{ type: 'Point', coordinates: [107.5, 12.9] }],
          },
        },
        { geometry: null },
      ],
    });
    expect(b).toEqual([
      [107.5, 12.2],
      [109.4, 13.6],
    ]);
    expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
