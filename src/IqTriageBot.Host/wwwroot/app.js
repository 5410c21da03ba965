// The chat page: gets a Direct Line token for one conversation from this host, keeps it in
// sessionStorage so a reload (or a server restart) resumes the same conversation, and switches
// Web Chat's locale and writing direction when the bot answers in another language.
(function () {
  'use strict';

  var SESSION_KEY = 'iqtriage.session';
  // Web Chat 4.18 has no interface strings of its own for these locales; ours are in locales/<locale>.json.
  var OWN_UI_STRINGS = ['fa-IR'];
  var uiStrings = {};
  var statusElement = document.getElementById('status');
  var params = new URLSearchParams(window.location.search);
  if (params.get('embed') === '1') {
    document.body.classList.add('embedded');
  }

  function showError(text) {
    statusElement.textContent = text;
    statusElement.hidden = false;
  }

  function readSession() {
    try {
      return JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  function writeSession(session) {
    try {
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch (e) {
      // Private browsing may refuse storage; the chat still works, it just will not survive a reload.
    }
  }

  function postJson(url, body) {
    return window.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function languageFor(config, locale) {
    var primary = String(locale || '').toLowerCase().split(/[-_]/)[0];
    for (var i = 0; i < config.languages.length; i++) {
      if (config.languages[i].code === primary) {
        return config.languages[i];
      }
    }
    return null;
  }

  function byCode(config, code) {
    for (var i = 0; i < config.languages.length; i++) {
      if (config.languages[i].code === code) {
        return config.languages[i];
      }
    }
    return null;
  }

  /** Loads (once) the interface strings for a locale Web Chat lacks; resolves when they are there. */
  function loadUiStrings(locale) {
    if (OWN_UI_STRINGS.indexOf(locale) < 0 || uiStrings[locale]) {
      return Promise.resolve();
    }
    return window.fetch('locales/' + locale + '.json')
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (strings) { if (strings) { uiStrings[locale] = strings; } })
      .catch(function () { /* English interface strings are the fallback */ });
  }

  function start(config) {
    var stored = readSession();
    var requested = (stored && stored.code && byCode(config, stored.code))
      || byCode(config, params.get('lang'))
      || languageFor(config, params.get('lang') || (stored && stored.locale) || window.navigator.language);
    var current = requested || languageFor(config, config.defaultLanguage);

    return postJson('api/webchat/token', stored ? { token: stored.token } : {}).then(function (session) {
      var domain = new URL('v3/directline', window.location.href).href;
      var options = {
        domain: domain,
        token: session.token,
        conversationStartProperties: { locale: current.locale }
      };
      if (session.resumed) {
        // Resume: DirectLineJS reconnects to this conversation and the history is replayed.
        options.conversationId = session.conversationId;
        options.watermark = '';
      }

      var directLine = window.WebChat.createDirectLine(options);
      writeSession({ token: session.token, conversationId: session.conversationId, locale: current.locale, code: current.code });

      var store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
              var activity = action.payload.activity;
              if (activity.type === 'message' && activity.from && activity.from.role === 'bot' && activity.locale) {
                // The reply names its catalog language (also for German in plain language, which shares de-DE).
                var triage = activity.channelData && activity.channelData.triage;
                var language = (triage && byCode(config, triage.language)) || languageFor(config, activity.locale);
                if (language && language.code !== current.code) {
                  current = language;
                  writeSession({ token: session.token, conversationId: session.conversationId, locale: current.locale, code: current.code });
                  loadUiStrings(current.locale).then(function () { window.setTimeout(render, 0); });
                }
              }
            }
            return next(action);
          };
        };
      });

      function render() {
        document.documentElement.lang = current.code.split('-')[0];
        document.documentElement.dir = current.dir;
        document.getElementById('title').textContent = current.title;
        document.getElementById('subtitle').textContent = current.subtitle;
        document.title = current.title;
        window.WebChat.renderWebChat({
          directLine: directLine,
          store: store,
          locale: current.locale,
          // Only for locales whose strings are ours: an object here would override every other language too.
          overrideLocalizedStrings: uiStrings[current.locale],
          // Web Chat only switches to right-to-left by itself for a few Arabic locales: always say it.
          dir: current.dir,
          styleOptions: {
            suggestedActionLayout: 'flow',
            suggestedActionsStackedLayoutButtonTextWrap: true,
            hideUploadButton: true,
            bubbleMaxWidth: 560,
            sendTimeout: 30000
          }
        }, document.getElementById('webchat'));
        var input = document.querySelector('[data-id="webchat-sendbox-input"]');
        if (input) {
          input.setAttribute('dir', 'auto');
        }
      }

      loadUiStrings(current.locale).then(render);
    });
  }

  if (!window.WebChat) {
    showError('The chat could not be loaded. Please reload the page.');
    return;
  }

  window.fetch('api/webchat/config')
    .then(function (response) { return response.json(); })
    .then(start)
    .catch(function () {
      showError('The chat service is not reachable right now. Please try again in a few minutes.');
    });
})();
