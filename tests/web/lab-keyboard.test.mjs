// The lab's keyboard cross in Node (fast-check): any run of keys from anywhere on the map keeps the cross on
// the map and on the 0.01 grid its points are written in; the announced coordinates always have two decimals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';

import { coordinate, movedCursor } from '../../web/demos/lab-keyboard.js';
import { POINT_LIMIT } from '../../web/demos/lab-data.js';

const arrows = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

test('any run of arrow keys, with or without Shift, keeps the cross within the map on the 0.01 grid', () => {
  const start = fc.tuple(fc.double({ min: -POINT_LIMIT, max: POINT_LIMIT, noNaN: true }), fc.double({ min: -POINT_LIMIT, max: POINT_LIMIT, noNaN: true }));
  const keys = fc.array(fc.tuple(fc.constantFrom(...arrows), fc.boolean()), { maxLength: 200 });
  fc.assert(fc.property(start, keys, (from, run) => {
    let at = from;
    for (const [key, shift] of run) {
      at = movedCursor(at, key, shift, POINT_LIMIT);
      for (const v of at) {
        assert.ok(Math.abs(v) <= POINT_LIMIT, `${v} left the map`);
        assert.equal(v, Number(v.toFixed(2)));
      }
    }
  }));
});

test('each arrow moves one way by 0.05, with Shift 0.5; other keys do not move the cross', () => {
  assert.deepEqual(movedCursor([0, 0], 'ArrowRight', false, POINT_LIMIT), [0.05, 0]);
  assert.deepEqual(movedCursor([0, 0], 'ArrowUp', true, POINT_LIMIT), [0, 0.5]);
  assert.deepEqual(movedCursor([0.1, 0.2], 'ArrowLeft', false, POINT_LIMIT), [0.05, 0.2]);
  assert.deepEqual(movedCursor([1.3, -1.3], 'ArrowDown', true, POINT_LIMIT), [1.3, -1.5]);
  for (const key of ['Enter', ' ', 'Delete', 'a', 'Home', 'Tab', '']) assert.equal(movedCursor([0, 0], key, false, POINT_LIMIT), null);
});

test('coordinates read with two decimals and the typographic minus, never as −0.00', () => {
  assert.equal(coordinate(0.15), '0.15');
  assert.equal(coordinate(-0.35), '−0.35');
  assert.equal(coordinate(-0), '0.00');
  assert.equal(coordinate(-0.004), '0.00');
  fc.assert(fc.property(fc.double({ min: -POINT_LIMIT, max: POINT_LIMIT, noNaN: true }), (v) => {
    assert.match(coordinate(v), /^−?\d\.\d\d$/);
    assert.notEqual(coordinate(v), '−0.00');
  }));
});
