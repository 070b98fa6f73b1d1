/**
 * The scan progress bar: one line on stderr, redrawn in place. It is drawn only for a person watching
 * a terminal: stderr must be a TTY, and `CI` must be unset (CI logs keep every `\r` redraw as noise).
 * Piped or redirected output never contains it.
 * @module
 */
import type { ScanProgressEvent } from '@demarc/core';
import type { Io } from './output';

/** Whether to draw a progress bar for this output. */
export function wantsProgress(io: Io): boolean {
  const ci = io.env.CI;
  return io.stderr.isTTY === true && (ci === undefined || ci === '' || ci === '0' || ci === 'false');
}

/** A progress renderer: feed it scan events, then call `done()`. */
export interface Progress {
  /** Receives a scan progress event (must not throw). */
  readonly onEvent: (event: ScanProgressEvent) => void;
  /** Clears the bar. */
  readonly done: () => void;
}

const NO_PROGRESS: Progress = { onEvent: () => {}, done: () => {} };

/** Creates the progress bar for `io`, or a no-op when {@link wantsProgress} says no. */
export function createProgress(io: Io, width = 28): Progress {
  if (!wantsProgress(io)) return NO_PROGRESS;
  let total = 0;
  let lastDraw = 0;
  let drawn = false;
  const draw = (done: number, label: string): void => {
    const now = Date.now();
    // At most ~20 redraws a second: a terminal repaint per finished check would slow a large scan.
    if (done < total && now - lastDraw < 50) return;
    lastDraw = now;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    io.stderr.write(`\r\u001b[2K${bar} ${done}/${total} checks ${label}`.slice(0, 200));
    drawn = true;
  };
  return {
    onEvent(event) {
      if (event.type === 'scan-planned') {
        total = event.tasks;
        draw(0, '');
      } else if (event.type === 'check-finished') {
        total = event.total;
        draw(event.done, `${event.provider}/${event.scope}`);
      }
    },
    done() {
      if (drawn) io.stderr.write('\r\u001b[2K');
    },
  };
}
