import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Polls `condition` until it returns a truthy value; never a fixed sleep. */
export async function waitFor<T>(what: string, condition: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

export interface Desktop {
  /** `:N`, for the browsers' environment. */
  display: string;
  env: NodeJS.ProcessEnv;
  /** The "other application" to switch to. */
  xterm: string;
  xdotool(...args: string[]): Promise<string>;
  /** Visible top-level windows whose WM_CLASS matches (regex, as xdotool takes it). */
  windows(classPattern: string): Promise<string[]>;
  activeWindow(): Promise<string | null>;
  /** Gives `wid` the focus through the window manager and waits until X says it has it; returns when it had it. */
  activate(wid: string): Promise<number>;
  /** Real (XTEST) pointer motion inside `wid`, which must be the active window; returns when it happened. */
  moveIn(wid: string, step: number): Promise<number>;
  /** Real wheel notches at the pointer (5 = down, 4 = up). */
  wheel(direction: 'up' | 'down', notches?: number): Promise<void>;
  /** A real left click at (x, y) relative to `wid`. */
  clickIn(wid: string, x: number, y: number): Promise<void>;
  /** Real key strokes to the focused window (XTEST, so `wid` must be active: checked); returns when they were sent. */
  key(wid: string, ...keys: string[]): Promise<number>;
  type(wid: string, text: string): Promise<void>;
  geometry(wid: string): Promise<{ x: number; y: number; width: number; height: number }>;
  /** Puts a browser window where the scenarios want it: above the xterm, never over it. */
  place(wid: string): Promise<void>;
  close(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** Ends a child we started, politely then firmly; never by name. */
export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([exited(child).then(() => true), sleep(3000).then(() => false)]);
  if (!done) {
    child.kill('SIGKILL');
    await exited(child);
  }
}

/** Xvfb picks a free display itself (`-displayfd`): no race with other runs on the machine. */
async function startXvfb(): Promise<{ xvfb: ChildProcess; display: string }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp', '-noreset'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)));
  });
  return { xvfb, display: `:${number}` };
}

export async function startDesktop(): Promise<Desktop> {
  const children: ChildProcess[] = [];
  const { xvfb, display } = await startXvfb();
  children.push(xvfb);
  const env = { ...process.env, DISPLAY: display, XAUTHORITY: undefined } as NodeJS.ProcessEnv;
  delete env.XAUTHORITY;

  const xdotool = async (...args: string[]): Promise<string> => {
    // A timeout, because `windowactivate --sync` waits forever if the WM refuses.
    const { stdout } = await run('xdotool', args, { env, timeout: 15_000 });
    return stdout.trim();
  };
  const xprop = async (...args: string[]) => (await run('xprop', args, { env, timeout: 10_000 })).stdout;

  try {
    const openbox = spawn('openbox', ['--sm-disable'], { env, stdio: 'ignore' });
    children.push(openbox);
    // The WM is ready when it advertises itself on the root window (EWMH).
    await waitFor('openbox', async () => /window id # 0x/.test(await xprop('-root', '_NET_SUPPORTING_WM_CHECK')));

    // Below the browsers' windows (see `place`): a pointer left on it is not over a page when a browser window comes back.
    const xtermProcess = spawn('xterm', ['-class', 'OtherApp', '-title', 'other-app', '-geometry', '80x4+0+915', '-e', 'cat > /dev/null'], { env, stdio: 'ignore' });
    children.push(xtermProcess);
    const xterm = await waitFor('the xterm window', async () => (await windowsOf('OtherApp'))[0]);

    async function windowsOf(classPattern: string): Promise<string[]> {
      // xdotool exits 1 when nothing matches.
      const out = await xdotool('search', '--onlyvisible', '--class', classPattern).catch(() => '');
      return out.split('\n').filter(Boolean);
    }
    const activeWindow = async () => (await xdotool('getactivewindow').catch(() => '')) || null;
    const requireActive = async (wid: string) => {
      const active = await activeWindow();
      if (active !== wid) throw new Error(`input meant for window ${wid}, but ${active} has the focus`);
    };

    let moves = 0;
    const desktop: Desktop = {
      display,
      env,
      xterm,
      xdotool,
      windows: windowsOf,
      activeWindow,
      activate: async (wid) => {
        let done = Date.now();
        await waitFor(`focus on window ${wid}`, async () => {
          if ((await activeWindow()) === wid) return true;
          await xdotool('windowactivate', '--sync', wid).catch(() => undefined);
          done = Date.now();
          return (await activeWindow()) === wid;
        }, 20_000, 200);
        return done;
      },
      moveIn: async (wid, step) => {
        await requireActive(wid);
        const { width, height } = await desktop.geometry(wid);
        // Stay in the page area (below the toolbars); never the same point twice in a row, so every call is real motion.
        moves += 1;
        const x = Math.round(width * (0.3 + (0.4 * ((step * 7) % 10)) / 10)) + (moves % 7);
        const y = Math.round(height * (0.45 + (0.3 * ((step * 3) % 10)) / 10)) + (moves % 5);
        // The motion happens as xdotool ends (starting the process takes longer than the move).
        await xdotool('mousemove', '--window', wid, String(x), String(y));
        return Date.now();
      },
      wheel: async (direction, notches = 1) => {
        await xdotool('click', '--repeat', String(notches), direction === 'down' ? '5' : '4');
      },
      clickIn: async (wid, x, y) => {
        await requireActive(wid);
        await xdotool('mousemove', '--window', wid, String(x), String(y));
        await xdotool('click', '1');
      },
      key: async (wid, ...keys) => {
        // No --window: with it xdotool uses XSendEvent, which apps may ignore and which does not reset X idle.
        await requireActive(wid);
        await xdotool('key', '--clearmodifiers', ...keys);
        return Date.now();
      },
      type: async (wid, text) => {
        await requireActive(wid);
        await xdotool('type', '--delay', '40', text);
      },
      place: async (wid) => {
        await xdotool('windowsize', '--sync', wid, '1100', '820');
        await xdotool('windowmove', '--sync', wid, '200', '40');
      },
      geometry: async (wid) => {
        const out = await xdotool('getwindowgeometry', '--shell', wid);
        const v = (k: string) => Number(new RegExp(`^${k}=(-?\\d+)`, 'm').exec(out)?.[1] ?? NaN);
        return { x: v('X'), y: v('Y'), width: v('WIDTH'), height: v('HEIGHT') };
      },
      close: async () => {
        for (const child of children.reverse()) await stop(child);
      },
    };
    return desktop;
  } catch (error) {
    for (const child of children.reverse()) await stop(child);
    throw error;
  }
}
