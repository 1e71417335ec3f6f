import { describe, expect, it } from 'vitest';
import { cameraProblem, detectorClass, firstText } from './scan';

describe('scanning helpers', () => {
  it('finds the BarcodeDetector only where the browser has one', () => {
    class FakeDetector {
      detect() {
        return Promise.resolve([]);
      }
    }
    expect(detectorClass({ BarcodeDetector: FakeDetector })).toBe(FakeDetector);
    expect(detectorClass({})).toBeUndefined();
    expect(detectorClass({ BarcodeDetector: 'nope' })).toBeUndefined();
  });

  it('tells a refused permission from a missing or busy camera', () => {
    expect(cameraProblem(new DOMException('denied', 'NotAllowedError'))).toBe('denied');
    expect(cameraProblem({ name: 'SecurityError' })).toBe('denied');
    expect(cameraProblem(new DOMException('none', 'NotFoundError'))).toBe('camera');
    expect(cameraProblem(new DOMException('busy', 'NotReadableError'))).toBe('camera');
    expect(cameraProblem('weird')).toBe('camera');
  });

  it('takes the first code that carries text', () => {
    expect(firstText([])).toBeNull();
    expect(firstText([{ rawValue: '' }, { rawValue: '  ' }])).toBeNull();
    expect(firstText([{ rawValue: '' }, { rawValue: 'eyJ.abc.def' }, { rawValue: 'x' }])).toBe('eyJ.abc.def');
  });
});
