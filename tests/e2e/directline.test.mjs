// Drives the host's Direct Line 3.0 server with the real botframework-directlinejs client, in
// WebSocket and polling mode, with the secret (as Botium does) and with generated tokens.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConnectionStatus, DirectLineClient, jwtPayload } from './dlclient.mjs';
import { startHost } from './host.mjs';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));

const ArabicScript = /[\u0600-\u06FF]/;
// Every bot reply names the catalog texts it is made of in channelData.triage, so these tests identify
// replies without depending on their wording.
const keyOf = (a) => a.channelData?.triage?.keys?.[0];

let host;
let languageNames;
// Every conversation this file creates, with the client credentials that may read it.
const conversations = [];

before(async () => {
  host = await startHost({ name: 'directline' });
  const config = await (await fetch(`${host.baseUrl}/api/webchat/config`)).json();
  languageNames = config.languages.map((l) => l.name);
});

after(async () => {
  if (host) {
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'host-directline.log'), host.output());
    await host.dispose();
  }
});

const uid = () => randomBytes(6).toString('hex');
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isBotMessage = (a) => a.type === 'message' && a.from?.role !== 'user' && a.from?.id === 'iqtriagebot';
const sequenceOf = (id) => Number(id.split('|')[1]);

async function generateToken(body) {
  const response = await fetch(`${host.domain}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.secret}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.equal(response.status, 200, `tokens/generate answered ${response.status}`);
  const json = await response.json();
  assert.ok(json.conversationId && json.token && json.expires_in >= 1800, `tokens/generate body: ${JSON.stringify(Object.keys(json))}`);
  return json;
}

async function readHistory(conversationId, credential) {
  const all = [];
  let watermark = '';
  for (let page = 0; page < 50; page++) {
    const response = await fetch(`${host.domain}/conversations/${conversationId}/activities?watermark=${watermark}`, {
      headers: { Authorization: `Bearer ${credential}`, Accept: 'application/json' },
    });
    assert.equal(response.status, 200, `GET activities answered ${response.status}`);
    const set = await response.json();
    assert.ok(Array.isArray(set.activities), 'ActivitySet.activities must be an array');
    if (set.activities.length === 0) {
      return all;
    }
    all.push(...set.activities);
    watermark = set.watermark ?? watermark;
  }
  throw new Error('history did not end after 50 pages');
}

/**
 * Ids unique and of the form <conv>|NNNNNNN with rising numbers; timestamps strictly rising (or, with
 * strict false, never falling). Returns problems.
 */
function orderProblems(activities, conversationId, { strict = true } = {}) {
  const problems = [];
  const pattern = new RegExp(`^${escapeRegExp(conversationId)}\\|\\d{7}$`);
  const seen = new Set();
  let previous = null;
  for (const a of activities) {
    if (!pattern.test(a.id ?? '')) {
      problems.push(`id ${a.id} does not look like ${conversationId}|NNNNNNN`);
    }
    if (seen.has(a.id)) {
      problems.push(`id ${a.id} received twice`);
    }
    seen.add(a.id);
    if (previous) {
      if (sequenceOf(a.id) <= sequenceOf(previous.id)) {
        problems.push(`id ${a.id} arrived after ${previous.id}`);
      }
      const [before, now] = [Date.parse(previous.timestamp), Date.parse(a.timestamp)];
      if (Number.isNaN(now) || (strict ? now <= before : now < before)) {
        problems.push(`timestamp not ${strict ? 'strictly ' : ''}increasing: ${previous.id} ${previous.timestamp} then ${a.id} ${a.timestamp}`);
      }
    }
    previous = a;
  }
  return problems;
}

function assertNoProblems(problems) {
  assert.ok(problems.length === 0, `ordering problems:\n${problems.join('\n')}`);
}

function assertOrder(activities, conversationId, options) {
  assertNoProblems(orderProblems(activities, conversationId, options));
}

// Tests about other features tolerate equal timestamps; strictness is asserted by the language stories
// and the dedicated timestamp test, so one known problem is not reported by every test.
const tolerant = { strict: false };

/**
 * The language story: (first message when the user is unknown at start) greeting, language question
 * with one imBack per language, choosing "العربية", echo with the same clientActivityID, Arabic answer.
 */
async function languageStory({ webSocket, auth, locale }) {
  const label = `${webSocket ? 'websocket' : 'polling'}+${auth}`;
  const options = { domain: host.domain, webSocket, pollingInterval: 300, conversationStartProperties: { locale } };
  let userId;
  let generated;
  if (auth === 'secret') {
    options.secret = host.secret;
    userId = `botium-${uid()}`; // Botium sets from.id itself and never calls setUserId
  } else {
    generated = await generateToken();
    options.token = generated.token;
    userId = jwtPayload(generated.token).user;
    assert.match(userId, /^dl_/, 'a generated token carries the user id in its "user" claim');
  }

  const client = new DirectLineClient(options, label);
  const story = { label, client, userId, auth, webSocket };
  try {
    await client.waitForStatus(ConnectionStatus.Online);
    const conversationId = client.conversationId;
    story.conversationId = conversationId;
    assert.match(conversationId, /^[A-Za-z0-9_-]+$/, 'conversation ids must be URL-safe');
    if (generated) {
      assert.equal(conversationId, generated.conversationId, 'POST /conversations must use the conversation reserved by the token');
    }
    conversations.push({ conversationId, credential: () => (auth === 'secret' ? host.secret : client.dl.token) });
    const idPattern = new RegExp(`^${escapeRegExp(conversationId)}\\|\\d{7}$`);

    let firstEchoId = null;
    if (auth === 'secret') {
      // The user is unknown until the first message, so the greeting answers that message.
      const cid = `e2e-${uid()}`;
      firstEchoId = await client.post({ type: 'message', text: 'Hallo', locale, from: { id: userId }, channelData: { clientActivityID: cid } });
      assert.match(firstEchoId, idPattern);
      await client.waitForActivity('echo of the first message', (a) => a.channelData?.clientActivityID === cid);
    }

    const greeting = await client.waitForActivity('greeting', (a) => isBotMessage(a) && keyOf(a) === 'greeting');
    const question = await client.waitForActivity('language question with suggested actions',
      (a) => isBotMessage(a) && a.suggestedActions?.actions?.length > 0);
    assert.ok(client.activities.indexOf(greeting) < client.activities.indexOf(question), 'greeting comes before the language question');
    assert.equal(greeting.locale, locale);
    if (firstEchoId) {
      assert.equal(greeting.replyToId, firstEchoId, 'greeting answers the first message');
      assert.equal(question.replyToId, firstEchoId);
    }
    const actions = question.suggestedActions.actions;
    assert.deepEqual(actions.map((a) => a.title), languageNames, 'one button per language, in the configured order');
    for (const action of actions) {
      assert.equal(action.type, 'imBack');
      assert.equal(action.value, action.title, 'imBack value is the label itself');
    }
    if (question.suggestedActions.to?.length) {
      assert.ok(question.suggestedActions.to.includes(userId), 'suggestedActions.to must name this user, else Web Chat hides them');
    }
    // The client's own watermark covers everything received so far: greeting and question.
    story.watermarkBeforeChoice = client.dl.watermark;
    story.beforeChoiceIds = client.activities.map((a) => a.id);
    assert.ok(story.watermarkBeforeChoice, 'the client has a watermark after receiving activities');

    const cid = `e2e-${uid()}`;
    const id = await client.post({
      type: 'message', text: 'العربية', textFormat: 'plain', locale, from: { id: userId, name: 'e2e' },
      channelData: { clientActivityID: cid },
    });
    assert.match(id, idPattern, 'postActivity resolves with the new activity id');
    story.choiceId = id;

    const echo = await client.waitForActivity('echo of "العربية"', (a) => a.channelData?.clientActivityID === cid);
    assert.equal(echo.id, id, 'the echo carries the id returned by the POST');
    assert.equal(echo.from.id, userId, 'the echo is from this user (Web Chat draws it as the user bubble)');
    assert.equal(echo.text, 'العربية');
    assert.deepEqual(echo.channelData, { clientActivityID: cid }, 'channelData is passed through unchanged');

    const reply = await client.waitForActivity('Arabic reply', (a) => isBotMessage(a) && a.replyToId === id);
    assert.equal(reply.locale, 'ar-SA');
    assert.equal(keyOf(reply), 'language_set', `Arabic confirmation expected, got: ${reply.text}`);
    assert.deepEqual(reply.channelData.triage, { keys: ['language_set'], language: 'ar', dir: 'rtl' });
    assert.match(reply.text, ArabicScript);
    assert.equal(reply.recipient?.id, userId);
    assert.ok(client.activities.indexOf(echo) < client.activities.indexOf(reply), 'the echo arrives before the reply');
    story.replyId = reply.id;

    assert.ok(!client.statuses.includes(ConnectionStatus.FailedToConnect), 'never FailedToConnect');
    assert.deepEqual(client.errors, []);
    story.complete = true;
    // Reported by the caller after everything else, so one ordering problem does not hide the rest.
    story.orderProblems = orderProblems(client.activities, conversationId);
    return story;
  } finally {
    client.close();
  }
}

/** Reconnect with conversationId + watermark: only what came after the watermark is replayed. */
async function reconnectFromWatermark(story) {
  assert.ok(story?.complete, 'the conversation story did not complete');
  const options = { domain: host.domain, webSocket: story.webSocket, pollingInterval: 300, conversationId: story.conversationId, watermark: story.watermarkBeforeChoice };
  if (story.auth === 'secret') {
    options.secret = host.secret;
  } else {
    options.token = story.client.dl.token;
  }
  const client = new DirectLineClient(options, `${story.label} reconnect`);
  try {
    await client.waitForStatus(ConnectionStatus.Online);
    assert.equal(client.conversationId, story.conversationId);
    await client.waitForActivity('replayed Arabic reply', (a) => a.id === story.replyId);

    // A new message proves the connection is live; the stream is ordered, so any stray replay came before.
    const cid = `e2e-${uid()}`;
    const id = await client.post({ type: 'message', text: 'مرحبا', locale: 'ar-SA', from: { id: story.userId }, channelData: { clientActivityID: cid } });
    const reply = await client.waitForActivity('Arabic answer after reconnect', (a) => isBotMessage(a) && a.replyToId === id);
    assert.equal(reply.locale, 'ar-SA');
    // The conversation stands at the consent question, which "مرحبا" does not answer.
    assert.equal(keyOf(reply), 'reprompt.yesno', `Arabic re-prompt expected, got: ${reply.text}`);

    const received = client.activities.map((a) => a.id);
    const replayedOld = received.filter((x) => story.beforeChoiceIds.includes(x));
    assert.deepEqual(replayedOld, [], 'activities at or before the watermark must not be replayed');
    assert.equal(received[0], story.choiceId, 'replay starts right after the watermark');
    assert.ok(received.includes(story.replyId));
    assertOrder(client.activities, story.conversationId);
  } finally {
    client.close();
  }
}

const matrix = [
  { webSocket: true, auth: 'secret', locale: 'en-US' },
  { webSocket: false, auth: 'secret', locale: 'de-DE' },
  { webSocket: true, auth: 'token', locale: 'en-US' },
  { webSocket: false, auth: 'token', locale: 'de-DE' },
];

for (const variant of matrix) {
  const name = `${variant.webSocket ? 'WebSocket' : 'polling'} with ${variant.auth === 'secret' ? 'the secret (Botium style)' : 'a generated token'}`;
  describe(name, () => {
    let story;
    test('greeting, language buttons, echo and Arabic reply', async () => {
      story = await languageStory(variant);
      assertNoProblems(story.orderProblems);
    });
    test('reconnect with conversationId + watermark replays only later activities', async () => {
      await reconnectFromWatermark(story);
    });
  });
}

test('secret with a known user id: greeting and question arrive before the user writes', async () => {
  const userId = `user-${uid()}`;
  // setUserId makes DirectLineJS send {user:{id}} when it starts the conversation.
  const client = new DirectLineClient({ domain: host.domain, secret: host.secret, webSocket: true, conversationStartProperties: { locale: 'en-US' } },
    'secret+userId', (dl) => dl.setUserId(userId));
  try {
    await client.waitForStatus(ConnectionStatus.Online);
    conversations.push({ conversationId: client.conversationId, credential: () => host.secret });
    await client.waitForActivity('greeting', (a) => isBotMessage(a) && keyOf(a) === 'greeting' && a.locale === 'en-US');
    const question = await client.waitForActivity('language question', (a) => isBotMessage(a) && a.suggestedActions?.actions?.length > 0);
    assert.equal(question.replyToId, undefined, 'nothing to reply to yet');
    assert.equal(question.recipient?.id, userId, 'the question is addressed to the user');
    assert.deepEqual(question.suggestedActions.to, [userId]);
    assertOrder(client.activities, client.conversationId, tolerant);
  } finally {
    client.close();
  }
});

test('tokens/refresh returns a new working token for the same conversation and user', async () => {
  // A user id chosen by the site's backend travels inside the token.
  const user = `dl_e2e${uid()}`;
  const generated = await generateToken({ user: { id: user } });
  assert.equal(jwtPayload(generated.token).user, user);

  const refresh = (credential) => fetch(`${host.domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${credential}` } });
  const response = await refresh(generated.token);
  assert.equal(response.status, 200);
  const refreshed = await response.json();
  assert.equal(refreshed.conversationId, generated.conversationId);
  assert.notEqual(refreshed.token, generated.token, 'a new token');
  assert.ok(refreshed.expires_in >= 1800);
  assert.equal(jwtPayload(refreshed.token).user, user, 'the user travels with the token');

  // The refreshed token starts and uses the conversation with the real client.
  const client = new DirectLineClient({ domain: host.domain, token: refreshed.token, webSocket: true, conversationStartProperties: { locale: 'en-US' } }, 'refreshed token');
  try {
    await client.waitForStatus(ConnectionStatus.Online);
    assert.equal(client.conversationId, generated.conversationId);
    conversations.push({ conversationId: client.conversationId, credential: () => client.dl.token });
    await client.waitForActivity('question', (a) => isBotMessage(a) && a.suggestedActions?.actions?.length > 0);
    const cid = `e2e-${uid()}`;
    const id = await client.post({ type: 'message', text: 'English', from: { id: 'ignored' }, channelData: { clientActivityID: cid } });
    const echo = await client.waitForActivity('echo', (a) => a.channelData?.clientActivityID === cid);
    assert.equal(echo.from.id, user, 'from.id is forced to the token user');
    const reply = await client.waitForActivity('English confirmation', (a) => isBotMessage(a) && a.replyToId === id);
    assert.equal(keyOf(reply), 'language_set', reply.text);
    assert.equal(reply.locale, 'en-US');

    // A token from the refresh of the client's current token also works.
    const again = await refresh(client.dl.token);
    assert.equal(again.status, 200);
    const { token } = await again.json();
    assert.ok((await readHistory(generated.conversationId, token)).some((a) => a.id === reply.id));
  } finally {
    client.close();
  }

  assert.equal((await refresh(host.secret)).status, 400, 'a secret cannot be refreshed');
  const bad = await refresh('not-a-token');
  assert.ok([401, 403].includes(bad.status), `a bad token is refused (got ${bad.status})`);
});

test('upload: multipart activity + files is echoed with attachments whose contentUrl serves the same bytes', async () => {
  const generated = await generateToken();
  const user = jwtPayload(generated.token).user;
  const client = new DirectLineClient({ domain: host.domain, token: generated.token, webSocket: true }, 'upload');
  try {
    await client.waitForStatus(ConnectionStatus.Online);
    conversations.push({ conversationId: client.conversationId, credential: () => client.dl.token });
    await client.waitForActivity('question', (a) => isBotMessage(a) && a.suggestedActions?.actions?.length > 0);

    const text = Buffer.from('Zeugnis / شهادة / диплом\n', 'utf8');
    // 1x1 transparent PNG
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const cid = `e2e-${uid()}`;
    // The same multipart shape DirectLineJS builds in postMessageWithAttachments.
    const activity = {
      type: 'message', from: { id: user }, channelData: { clientActivityID: cid },
      attachments: [{ contentType: 'text/plain', name: 'note.txt' }, { contentType: 'image/png', name: 'pixel.png' }],
    };
    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }), 'blob');
    form.append('file', new Blob([text], { type: 'text/plain' }), 'note.txt');
    form.append('file', new Blob([png], { type: 'image/png' }), 'pixel.png');
    const response = await fetch(`${host.domain}/conversations/${client.conversationId}/upload?userId=${encodeURIComponent(user)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${client.dl.token}`, 'x-ms-bot-agent': 'DirectLine/3.0 (directlinejs 0.15.8)' },
      body: form,
    });
    assert.equal(response.status, 200, `upload answered ${response.status}: ${await response.clone().text()}`);
    const { id } = await response.json();
    assert.match(id, new RegExp(`^${escapeRegExp(client.conversationId)}\\|\\d{7}$`));

    const echo = await client.waitForActivity('echo of the upload', (a) => a.channelData?.clientActivityID === cid);
    assert.equal(echo.id, id);
    assert.equal(echo.from.id, user);
    assert.equal(echo.attachments?.length, 2, 'one attachment per file');
    const byName = Object.fromEntries(echo.attachments.map((a) => [a.name, a]));
    for (const [name, bytes, type] of [['note.txt', text, 'text/plain'], ['pixel.png', png, 'image/png']]) {
      const attachment = byName[name];
      assert.ok(attachment, `attachment ${name} present`);
      assert.equal(attachment.contentType, type);
      assert.ok(attachment.contentUrl.startsWith(`${host.baseUrl}/v3/directline/files/`), `contentUrl ${attachment.contentUrl}`);
      const file = await fetch(attachment.contentUrl);
      assert.equal(file.status, 200, `GET ${name}`);
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), bytes, `${name} is served byte for byte`);
    }
    assertOrder(client.activities, client.conversationId, tolerant);
  } finally {
    client.close();
  }
});

test('upload through DirectLineJS postActivity: the client fetches the attachment and posts multipart to /upload', async () => {
  // DirectLineJS downloads each attachment's contentUrl itself (in a browser a blob: URL), so serve one locally.
  const bytes = Buffer.from('%PDF-1.4\n% e2e Zeugnis شهادة\n', 'utf8');
  const files = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': bytes.length });
    response.end(bytes);
  });
  await new Promise((r) => files.listen(0, '127.0.0.1', r));
  const generated = await generateToken();
  const user = jwtPayload(generated.token).user;
  const client = new DirectLineClient({ domain: host.domain, token: generated.token, webSocket: false, pollingInterval: 300 }, 'postActivity upload');
  try {
    await client.waitForStatus(ConnectionStatus.Online);
    conversations.push({ conversationId: client.conversationId, credential: () => client.dl.token });
    const cid = `e2e-${uid()}`;
    const id = await client.post({
      type: 'message', from: { id: user }, channelData: { clientActivityID: cid },
      attachments: [{ contentType: 'application/pdf', contentUrl: `http://127.0.0.1:${files.address().port}/zeugnis.pdf`, name: 'zeugnis.pdf' }],
    });
    assert.match(id, new RegExp(`^${escapeRegExp(client.conversationId)}\\|\\d{7}$`), `postActivity resolved with ${id}`);
    const echo = await client.waitForActivity('echo of the upload', (a) => a.channelData?.clientActivityID === cid);
    assert.equal(echo.id, id);
    assert.equal(echo.attachments?.length, 1);
    assert.equal(echo.attachments[0].name, 'zeugnis.pdf');
    assert.equal(echo.attachments[0].contentType, 'application/pdf');
    const file = await fetch(echo.attachments[0].contentUrl);
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), bytes, 'served byte for byte');
    assertOrder(client.activities, client.conversationId, tolerant);
  } finally {
    client.close();
    files.close();
  }
});

test('wire timestamps strictly increase between back-to-back bot messages (100 conversations)', async () => {
  // Greeting and question are stored back to back, often within one millisecond.
  const problems = [];
  for (let i = 0; i < 100; i++) {
    const response = await fetch(`${host.domain}/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: `ts-${i}` }, locale: 'en-US' }),
    });
    assert.equal(response.status, 201);
    const { conversationId } = await response.json();
    problems.push(...orderProblems(await readHistory(conversationId, host.secret), conversationId));
  }
  assert.ok(problems.length === 0, `equal or falling timestamps on the wire (${problems.length} of 100 conversations):\n${problems.join('\n')}`);
});

test('a graceful stop does not hang on an open WebSocket stream', async () => {
  // Deploys and restarts stop the host with SIGTERM while browsers keep their streams open.
  const client = new DirectLineClient({ domain: host.domain, secret: host.secret, webSocket: true }, 'open stream', (dl) => dl.setUserId(`user-${uid()}`));
  let took;
  try {
    await client.waitForStatus(ConnectionStatus.Online);
    await client.waitForActivity('question', (a) => isBotMessage(a) && a.suggestedActions?.actions?.length > 0);
    const started = Date.now();
    await host.stop(); // SIGTERM; the harness falls back to SIGKILL after 15 s
    took = Date.now() - started;
  } finally {
    client.close();
    if (!host.child) {
      await host.start();
    }
  }
  assert.ok(took < 10_000, `SIGTERM took ${took} ms to stop the host while one Direct Line WebSocket was open `
    + '(the stream is not closed on shutdown, so the host waits for the whole shutdown timeout)');
});

describe('restart', () => {
  let story;

  test('a conversation survives a graceful restart and continues in Arabic (WebSocket and polling)', async () => {
    // Its ordering is asserted by the stories above; here only persistence matters.
    story = await languageStory({ webSocket: true, auth: 'token', locale: 'en-US' });
    const snapshot = new Map();
    for (const c of conversations) {
      snapshot.set(c.conversationId, await readHistory(c.conversationId, c.credential()));
    }

    await host.restart();

    for (const c of conversations) {
      assert.deepEqual(await readHistory(c.conversationId, c.credential()), snapshot.get(c.conversationId),
        `history of ${c.conversationId} is unchanged after the restart`);
    }

    const history = snapshot.get(story.conversationId);
    for (const webSocket of [true, false]) {
      // No watermark: the whole history is replayed, then the conversation goes on.
      const client = new DirectLineClient({ domain: host.domain, token: story.client.dl.token, conversationId: story.conversationId, webSocket, pollingInterval: 300 },
        `after restart ${webSocket ? 'websocket' : 'polling'}`);
      try {
        await client.waitForStatus(ConnectionStatus.Online);
        const last = history[history.length - 1];
        await client.waitForActivity('the last activity from before the restart', (a) => a.id === last.id);
        assert.deepEqual(client.activities.slice(0, history.length), history, 'full history replayed, unchanged');
        const cid = `e2e-${uid()}`;
        const id = await client.post({ type: 'message', text: 'لدي شهادة في الهندسة', locale: 'ar-SA', from: { id: story.userId }, channelData: { clientActivityID: cid } });
        await client.waitForActivity('echo after restart', (a) => a.channelData?.clientActivityID === cid && a.id === id);
        const reply = await client.waitForActivity('Arabic answer after restart', (a) => isBotMessage(a) && a.replyToId === id);
        assert.equal(reply.locale, 'ar-SA', 'the chosen language survived the restart');
        assert.equal(keyOf(reply), 'reprompt.yesno', reply.text);
        assertOrder(client.activities, story.conversationId, tolerant);
      } finally {
        client.close();
      }
    }
  });

  test('an open WebSocket client reconnects by itself after a restart and misses nothing', async () => {
    assert.ok(story?.complete, 'the previous test did not complete');
    // random: () => 0 makes DirectLineJS wait its minimum 3 s before reconnecting, instead of up to 15 s.
    const client = new DirectLineClient({ domain: host.domain, token: story.client.dl.token, conversationId: story.conversationId, webSocket: true, random: () => 0 },
      'live across restart');
    try {
      await client.waitForStatus(ConnectionStatus.Online);
      const history = await readHistory(story.conversationId, client.dl.token);
      await client.until('history replayed', () => client.activities.length >= history.length);
      const watermark = client.dl.watermark;

      await host.restart();

      const cid = `e2e-${uid()}`;
      const id = await client.post({ type: 'message', text: 'ما هي الخطوة التالية؟', from: { id: story.userId }, channelData: { clientActivityID: cid } });
      await client.waitForActivity('echo through the reconnected stream', (a) => a.id === id && a.channelData?.clientActivityID === cid, 30_000);
      const reply = await client.waitForActivity('Arabic answer through the reconnected stream', (a) => isBotMessage(a) && a.replyToId === id, 30_000);
      assert.equal(reply.locale, 'ar-SA');
      assert.notEqual(client.dl.watermark, watermark, 'the watermark moved on');
      assert.equal(client.status, ConnectionStatus.Online);
      assertOrder(client.activities, story.conversationId, tolerant);
    } finally {
      client.close();
    }
  });

  test('nothing is lost when the host is killed (SIGKILL) and started again', async () => {
    assert.ok(story?.complete, 'the previous test did not complete');
    const snapshot = new Map();
    for (const c of conversations) {
      snapshot.set(c.conversationId, await readHistory(c.conversationId, c.credential()));
    }
    await host.restart({ signal: 'SIGKILL' });
    for (const c of conversations) {
      assert.deepEqual(await readHistory(c.conversationId, c.credential()), snapshot.get(c.conversationId),
        `history of ${c.conversationId} is unchanged after a crash`);
    }
    const client = new DirectLineClient({ domain: host.domain, token: story.client.dl.token, conversationId: story.conversationId, webSocket: true }, 'after kill');
    try {
      await client.waitForStatus(ConnectionStatus.Online);
      const cid = `e2e-${uid()}`;
      const id = await client.post({ type: 'message', text: 'مرحبا', from: { id: story.userId }, channelData: { clientActivityID: cid } });
      const reply = await client.waitForActivity('Arabic answer after a crash', (a) => isBotMessage(a) && a.replyToId === id);
      assert.equal(reply.locale, 'ar-SA');
    } finally {
      client.close();
    }
  });
});
