// The window's size and position, remembered in userData/window-state.json and put back
// on a display that is there now: a window saved on a monitor since unplugged comes back
// centred on the primary display, never off screen.
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './files/jsonStore';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of a window must be on a display for its saved place to count as visible. */
const MIN_VISIBLE = { width: 120, height: 48 } as const;

const int = z.number().int().min(-100_000).max(100_000);
const WindowStateJson = z.object({
  bounds: z.object({ x: int, y: int, width: int.min(1), height: int.min(1) }),
  maximized: z.boolean()
});

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

const centred = (width: number, height: number, area: Rect): Rect => ({
  x: Math.round(area.x + (area.width - width) / 2),
  y: Math.round(area.y + (area.height - height) / 2),
  width,
  height
});

/**
 * Where to put a window: the saved bounds if enough of them (the title bar included) is on
 * one of `workAreas`, moved and shrunk to fit that display; otherwise the saved or default
 * size centred on the first work area (the primary display).
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  const fit = (size: number, min: number, room: number) => Math.max(Math.min(size, room), Math.min(min, room));
  if (!saved) {
    const width = fit(DEFAULT_SIZE.width, MIN_SIZE.width, primary.width);
    const height = fit(DEFAULT_SIZE.height, MIN_SIZE.height, primary.height);
    return { bounds: centred(width, height, primary), maximized: false };
  }
  const { bounds } = saved;
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, 32) };
  let best: { area: Rect; visible: number } | null = null;
  for (const area of workAreas) {
    const seen = overlap(bounds, area);
    const bar = overlap(titleBar, area);
    if (!seen || !bar || bar.width < Math.min(MIN_VISIBLE.width, bounds.width)) continue;
    if (seen.height < Math.min(MIN_VISIBLE.height, bounds.height)) continue;
    const visible = seen.width * seen.height;
    if (!best || visible > best.visible) best = { area, visible };
  }
  if (!best) {
    const width = fit(bounds.width, MIN_SIZE.width, primary.width);
    const height = fit(bounds.height, MIN_SIZE.height, primary.height);
    return { bounds: centred(width, height, primary), maximized: saved.maximized };
  }
  const area = best.area;
  const width = fit(bounds.width, MIN_SIZE.width, area.width);
  const height = fit(bounds.height, MIN_SIZE.height, area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

/** A second window opens a little below and to the right of the one before, inside the display. */
export function cascade(bounds: Rect, step: number, workArea: Rect): Rect {
  let x = bounds.x + step;
  let y = bounds.y + step;
  if (x + bounds.width > workArea.x + workArea.width) x = workArea.x;
  if (y + bounds.height > workArea.y + workArea.height) y = workArea.y;
  return { ...bounds, x, y };
}

export class WindowStateStore {
  constructor(private readonly file: string) {}

  load(): Promise<WindowState | undefined> {
    return readJsonFile(this.file, WindowStateJson);
  }

  async save(state: WindowState): Promise<void> {
    const parsed = WindowStateJson.safeParse({
      bounds: {
        x: Math.round(state.bounds.x),
        y: Math.round(state.bounds.y),
        width: Math.round(state.bounds.width),
        height: Math.round(state.bounds.height)
      },
      maximized: state.maximized
    });
    if (parsed.success) await writeJsonFile(this.file, parsed.data);
  }
}
