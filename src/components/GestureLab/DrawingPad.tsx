/**
 * Where the reader makes a gesture: a canvas drawn on with a mouse, a finger or a pen (Pointer
 * Events), or with the keyboard (arrow keys move a pen, Space lifts or lowers it, Enter finishes),
 * or, on a phone that has one, a recording of the motion sensor (DeviceMotionEvent).
 * Each finished gesture is handed to `onStroke` as a list of points.
 */
import React, { useCallback, useEffect, useId, useRef, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import type { Point } from '@site/code/gesture/features';
import styles from './styles.module.css';

/** The canvas's own resolution; CSS scales it to the space available. */
const SIZE = 320;
const STEP = 10;
const BIG_STEP = 30;
/** Motion recordings stop on their own after this long. */
const MOTION_MAX_MS = 5000;
/** No reading within this long: the device has no sensor the page can read. */
const MOTION_WAIT_MS = 1500;

export type StrokeSource = 'pointer' | 'keyboard' | 'motion';

type Props = {
  onStroke: (points: Point[], source: StrokeSource) => void;
  /** Messages about the motion sensor (missing, refused, silent). */
  onMessage: (message: string) => void;
  /** What the next drawing will be used for, shown under the canvas's name. */
  purpose: string;
};

type MotionPermission = { requestPermission?: () => Promise<'granted' | 'denied' | 'default'> };

export default function DrawingPad({ onStroke, onMessage, purpose }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const stroke = useRef<Point[]>([]);
  const drawing = useRef(false);
  const cursor = useRef<Point>({ x: SIZE / 2, y: SIZE / 2 });
  const [penDown, setPenDown] = useState(false);
  const [keyboard, setKeyboard] = useState(false);
  const [penNote, setPenNote] = useState('');
  const [motion, setMotion] = useState(false);
  /** Ends a motion recording quietly (when the lab goes away) … */
  const motionStop = useRef<(() => void) | null>(null);
  /** … or hands what it recorded on (the Stop button). */
  const stopMotion = useRef<(() => void) | null>(null);
  const help = useId();

  const redraw = useCallback(() => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    const ink = getComputedStyle(c).color;
    g.clearRect(0, 0, SIZE, SIZE);
    g.strokeStyle = ink;
    g.fillStyle = ink;
    g.lineWidth = 4;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    const points = stroke.current;
    if (points.length > 0) {
      g.beginPath();
      g.moveTo(points[0].x, points[0].y);
      for (const p of points.slice(1)) g.lineTo(p.x, p.y);
      if (points.length === 1) g.lineTo(points[0].x + 0.1, points[0].y);
      g.stroke();
    }
    if (keyboard) {
      // The keyboard pen: a ring, filled while it is down.
      g.lineWidth = 2;
      g.beginPath();
      g.arc(cursor.current.x, cursor.current.y, 7, 0, 2 * Math.PI);
      if (penDown) g.fill();
      else g.stroke();
    }
  }, [keyboard, penDown]);

  useEffect(redraw, [redraw]);
  useEffect(() => () => motionStop.current?.(), []);

  const finish = (source: StrokeSource) => {
    const points = stroke.current;
    drawing.current = false;
    setPenDown(false);
    if (points.length > 0) onStroke(points.slice(), source);
  };

  const at = (event: React.PointerEvent<HTMLCanvasElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * SIZE) / rect.width, y: ((event.clientY - rect.top) * SIZE) / rect.height };
  };

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    setKeyboard(false);
    drawing.current = true;
    stroke.current = [at(event)];
    redraw();
  };
  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    // A fast pen reports several positions per frame: keep them all.
    const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
    if (events.length > 0) {
      const rect = event.currentTarget.getBoundingClientRect();
      for (const e of events)
        stroke.current.push({ x: ((e.clientX - rect.left) * SIZE) / rect.width, y: ((e.clientY - rect.top) * SIZE) / rect.height });
    } else {
      stroke.current.push(at(event));
    }
    redraw();
  };
  const onPointerUp = () => {
    if (drawing.current) finish('pointer');
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLCanvasElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (!keyboard) setKeyboard(true);
    if (event.key in moves) {
      event.preventDefault();
      const [dx, dy] = moves[event.key];
      const clamp = (v: number) => Math.min(SIZE - 8, Math.max(8, v));
      cursor.current = { x: clamp(cursor.current.x + dx), y: clamp(cursor.current.y + dy) };
      if (penDown) stroke.current.push({ ...cursor.current });
      redraw();
    } else if (event.key === ' ') {
      event.preventDefault();
      const down = !penDown;
      if (down) {
        if (!drawing.current) stroke.current = [];
        drawing.current = true;
        stroke.current.push({ ...cursor.current });
      }
      setPenDown(down);
      setPenNote(
        down
          ? translate({ id: 'gesture.pad.penDown', message: 'Pen down: the arrow keys draw.' })
          : translate({ id: 'gesture.pad.penUp', message: 'Pen up: the arrow keys move without drawing. Enter finishes the gesture.' }),
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (drawing.current) finish('keyboard');
      else
        onMessage(
          translate({
            id: 'gesture.pad.nothingDrawn',
            message: 'Nothing drawn yet: press Space to put the pen down, then move it with the arrow keys.',
          }),
        );
    } else if (event.key === 'Escape' && drawing.current) {
      event.preventDefault();
      drawing.current = false;
      stroke.current = [];
      setPenDown(false);
      setPenNote(translate({ id: 'gesture.pad.discarded', message: 'Drawing discarded.' }));
      redraw();
    }
  };

  const startMotion = async () => {
    if (typeof window.DeviceMotionEvent === 'undefined') {
      onMessage(
        translate({
          id: 'gesture.motion.unsupported',
          message: 'This browser gives the page no motion sensor (it has no DeviceMotionEvent). Draw on the canvas instead.',
        }),
      );
      return;
    }
    const permission = window.DeviceMotionEvent as unknown as MotionPermission;
    if (typeof permission.requestPermission === 'function') {
      // iOS asks the reader, and only in answer to a tap.
      try {
        const answer = await permission.requestPermission();
        if (answer !== 'granted') {
          onMessage(
            translate({
              id: 'gesture.motion.denied',
              message:
                'Motion access was not allowed, so nothing was recorded. Draw on the canvas instead, or allow motion access and try again.',
            }),
          );
          return;
        }
      } catch (error) {
        onMessage(
          translate(
            { id: 'gesture.motion.failed', message: 'The motion sensor could not be used ({reason}). Draw on the canvas instead.' },
            { reason: (error as Error).message },
          ),
        );
        return;
      }
    }
    const readings: Point[] = [];
    const listener = (event: DeviceMotionEvent) => {
      const a = event.acceleration?.x != null ? event.acceleration : event.accelerationIncludingGravity;
      // Screen coordinates: x to the right, y downwards (the sensor's y points up).
      if (a?.x != null && a.y != null) readings.push({ x: a.x, y: -a.y });
    };
    window.addEventListener('devicemotion', listener);
    setMotion(true);
    onMessage(
      translate({
        id: 'gesture.motion.recording',
        message: 'Recording the motion sensor: move the device through your gesture, then press Stop.',
      }),
    );
    const stop = (silent: boolean) => {
      window.removeEventListener('devicemotion', listener);
      clearTimeout(silence);
      clearTimeout(limit);
      motionStop.current = null;
      setMotion(false);
      if (silent) return;
      if (readings.length === 0) {
        onMessage(
          translate({
            id: 'gesture.motion.silent',
            message:
              'No motion readings arrived: this device seems to have no motion sensor the page can read (most laptops have none). Draw on the canvas instead.',
          }),
        );
        return;
      }
      stroke.current = [];
      redraw();
      onStroke(readings, 'motion');
    };
    const silence = setTimeout(() => readings.length === 0 && stop(false), MOTION_WAIT_MS);
    const limit = setTimeout(() => stop(false), MOTION_MAX_MS);
    motionStop.current = () => stop(true);
    stopMotion.current = () => stop(false);
  };
  return (
    <div className={styles.pad}>
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        className={styles.canvas}
        tabIndex={0}
        // eslint-disable-next-line jsx-a11y/no-interactive-element-to-noninteractive-role -- a drawing surface worked with the keyboard (arrows, Space, Enter): "application" lets screen readers pass those keys to it
        role="application"
        aria-label={translate({ id: 'gesture.pad.label', message: 'Drawing area: {purpose}' }, { purpose })}
        aria-describedby={help}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        onBlur={() => setKeyboard(false)}
      />
      <p id={help} className={styles.help}>
        {translate({
          id: 'gesture.pad.help',
          message:
            'Draw one gesture in one stroke with a mouse, a finger or a pen. With the keyboard: focus the drawing area, press Space to put the pen down, move it with the arrow keys (Shift for bigger steps), press Enter when the gesture is finished (Escape discards it).',
        })}
      </p>
      <p className="sr-only" aria-live="polite">
        {penNote}
      </p>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => (motion ? stopMotion.current?.() : void startMotion())}
      >
        {motion
          ? translate({ id: 'gesture.motion.stop', message: 'Stop motion recording' })
          : translate({ id: 'gesture.motion.record', message: 'Record with the motion sensor' })}
      </button>
    </div>
  );
}
