// A thin wrapper around the real botframework-directlinejs client (what Botium and Web Chat use) that
// records every activity and status and lets a test wait for conditions instead of sleeping.
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';

// xhr2 cannot send a FormData body, which DirectLineJS builds for uploads; a browser would encode it
// as multipart/form-data, so do exactly that and hand xhr2 the bytes.
class BrowserLikeXMLHttpRequest extends XMLHttpRequest {
  send(body) {
    if (typeof FormData !== 'undefined' && body instanceof FormData) {
      const encoded = new Response(body);
      encoded.arrayBuffer().then((bytes) => {
        this.setRequestHeader('Content-Type', encoded.headers.get('content-type'));
        super.send(Buffer.from(bytes));
      });
      return;
    }
    super.send(body);
  }
}

// DirectLineJS looks these up as globals (it was written for browsers); Botium does the same in Node.
globalThis.WebSocket = WebSocket;
globalThis.XMLHttpRequest = BrowserLikeXMLHttpRequest;

const require = createRequire(import.meta.url);
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

export { ConnectionStatus, DirectLine };

const StatusNames = ['Uninitialized', 'Connecting', 'Online', 'ExpiredToken', 'FailedToConnect', 'Ended'];

export function describeActivity(a) {
  const text = a.text ? ` "${a.text.slice(0, 60)}"` : '';
  return `${a.id ?? '(no id)'} ${a.type} from=${a.from?.id}${text}`;
}

export class DirectLineClient {
  /** `prepare` runs before subscribing, which is when DirectLineJS starts the conversation (e.g. setUserId). */
  constructor(options, label = 'client', prepare = undefined) {
    this.label = label;
    this.dl = new DirectLine(options);
    prepare?.(this.dl);
    this.activities = [];
    this.statuses = [];
    this.errors = [];
    this.waiters = new Set();
    this.statusSubscription = this.dl.connectionStatus$.subscribe((status) => {
      this.statuses.push(status);
      this.#check();
    });
    this.activitySubscription = this.dl.activity$.subscribe({
      next: (activity) => {
        this.activities.push(activity);
        this.#check();
      },
      error: (error) => {
        this.errors.push(error);
        this.#check();
      },
    });
  }

  get conversationId() { return this.dl.conversationId; }

  get status() { return this.dl.connectionStatus$.getValue(); }

  #check() {
    for (const waiter of [...this.waiters]) {
      waiter.poll();
    }
  }

  /** Resolves with the first value `probe` returns that is not undefined/false; probe runs on every event. */
  until(description, probe, timeoutMs = 20_000) {
    return new Promise((resolve, reject) => {
      const waiter = {
        poll: () => {
          let value;
          try {
            value = probe();
          } catch (error) {
            finish();
            reject(error);
            return;
          }
          if (value !== undefined && value !== false && value !== null) {
            finish();
            resolve(value);
          }
        },
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`[${this.label}] timed out after ${timeoutMs} ms waiting for ${description}; `
          + `status ${StatusNames[this.status]} (seen ${this.statuses.map((s) => StatusNames[s]).join(' > ')}), `
          + `errors ${this.errors.map(String).join('; ') || 'none'}, received:\n  `
          + (this.activities.map(describeActivity).join('\n  ') || '(nothing)')));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      waiter.poll();
    });
  }

  waitForStatus(status, timeoutMs) {
    return this.until(`connection status ${StatusNames[status]}`, () => this.statuses.includes(status), timeoutMs);
  }

  waitForActivity(description, predicate, timeoutMs) {
    return this.until(description, () => this.activities.find(predicate), timeoutMs);
  }

  post(activity) {
    return new Promise((resolve, reject) => {
      this.dl.postActivity(activity).subscribe({ next: resolve, error: reject });
    });
  }

  close() {
    this.activitySubscription.unsubscribe();
    this.statusSubscription.unsubscribe();
    try {
      this.dl.end();
    } catch {
      // end() throws when the conversation had already ended
    }
  }
}

/** The payload of a JWT, without checking it (what DirectLineJS and Web Chat do with jwt-decode). */
export function jwtPayload(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}
