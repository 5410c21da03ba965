// Starts the built IqTriageBot host as a child process on a free local port, with its own data
// folder and Direct Line secret, and can stop and restart it on the same port and data.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const defaultDll = join(repoRoot, 'src', 'IqTriageBot.Host', 'bin', 'Release', 'net10.0', 'IqTriageBot.Host.dll');
const startTimeoutMs = 60_000;
const stopTimeoutMs = 15_000;
const maxLogChars = 200_000;

// Every host ever started by this process; killed on exit so a failing test never leaves one behind.
const running = new Set();
function killAll() {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killAll);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    killAll();
    process.exit(code);
  });
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

export class Host {
  constructor({ name = 'e2e', dll = process.env.IQ_HOST_DLL || defaultDll } = {}) {
    this.dll = resolve(dll);
    // The dll's own folder wins when it carries wwwroot/ (a publish output); a build output does not.
    this.contentRoot = existsSync(join(dirname(this.dll), 'wwwroot'))
      ? dirname(this.dll)
      : join(repoRoot, 'src', 'IqTriageBot.Host');
    this.dataDir = mkdtempSync(join(tmpdir(), `iqtriage-${name}-`));
    this.secret = randomBytes(24).toString('base64url');
    this.port = 0;
    this.child = null;
    this.log = '';
    this.starts = 0;
  }

  get baseUrl() { return `http://127.0.0.1:${this.port}`; }

  get domain() { return `${this.baseUrl}/v3/directline`; }

  /** Host output with the secret masked, for failure messages. */
  output() {
    return this.log.split(this.secret).join('***');
  }

  async start() {
    if (!existsSync(this.dll)) {
      throw new Error(`Host dll not found at ${this.dll}; build it (dotnet build -c Release) or set IQ_HOST_DLL.`);
    }
    if (!this.port) {
      this.port = await freePort();
    }

    // A restart reuses the port (pages keep their origin); retry briefly if the old socket lingers.
    let lastError;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.#spawnAndWait();
        this.starts++;
        return this;
      } catch (error) {
        lastError = error;
        await this.#kill('SIGKILL');
        if (!/address already in use/i.test(this.log)) {
          break;
        }
        await delay(500);
      }
    }
    throw lastError;
  }

  async #spawnAndWait() {
    this.log += `\n--- start #${this.starts + 1} on port ${this.port} ---\n`;
    const child = spawn('dotnet', [this.dll, '--urls', this.baseUrl, '--contentRoot', this.contentRoot], {
      cwd: this.contentRoot,
      env: {
        ...process.env,
        Storage__DataDirectory: this.dataDir,
        DirectLine__Secret: this.secret,
        Dialogs__Path: join(repoRoot, 'dialogs'),
        ASPNETCORE_ENVIRONMENT: 'Production',
        DOTNET_NOLOGO: '1',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    running.add(child);
    const append = (chunk) => {
      this.log += chunk.toString('utf8');
      if (this.log.length > maxLogChars) {
        this.log = this.log.slice(-maxLogChars);
      }
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const exited = new Promise((r) => child.once('exit', (code, signal) => {
      running.delete(child);
      r({ code, signal });
    }));
    this.exited = exited;

    const deadline = Date.now() + startTimeoutMs;
    let exit = null;
    exited.then((e) => { exit = e; });
    while (Date.now() < deadline) {
      if (exit) {
        throw new Error(`Host exited during start (code ${exit.code}, signal ${exit.signal}).\n${this.output()}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/api/webchat/config`, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) {
          await response.arrayBuffer();
          return;
        }
      } catch {
        // not listening yet
      }
      await delay(150);
    }
    throw new Error(`Host did not answer GET /api/webchat/config with 200 within ${startTimeoutMs / 1000} s.\n${this.output()}`);
  }

  async #kill(signal) {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      this.child = null;
      return;
    }
    child.kill(signal);
    const timedOut = await Promise.race([this.exited.then(() => false), delay(stopTimeoutMs).then(() => true)]);
    if (timedOut) {
      child.kill('SIGKILL');
      await this.exited;
    }
    this.child = null;
  }

  /** Stops the host: SIGTERM (graceful shutdown) by default, or 'SIGKILL' to simulate a crash. */
  async stop({ signal = 'SIGTERM' } = {}) {
    await this.#kill(signal);
  }

  /** Stops and starts again on the same port with the same data folder and secret. */
  async restart(options) {
    await this.stop(options);
    await this.start();
    return this;
  }

  /** Stops the host and removes its data folder (kept when E2E_KEEP_DATA is set). */
  async dispose() {
    await this.stop();
    if (!process.env.E2E_KEEP_DATA) {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

export async function startHost(options) {
  const host = new Host(options);
  try {
    await host.start();
  } catch (error) {
    await host.dispose();
    throw error;
  }
  return host;
}
