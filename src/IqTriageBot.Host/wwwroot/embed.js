// Paste on any website to get a floating chat button:
//   <script src="https://YOUR-HOST/embed.js" data-lang="ar" data-label="Chat" async></script>
// The chat opens in an iframe served by this host, so the host page needs no other code or styles.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || document.getElementById('iqtriage-launcher')) {
    return;
  }

  var origin = new URL(script.src, window.location.href).origin;
  var lang = script.getAttribute('data-lang') || '';
  var label = script.getAttribute('data-label') || 'Chat';
  var frame = null;

  var button = document.createElement('button');
  button.id = 'iqtriage-launcher';
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'iqtriage-frame');
  button.style.cssText = 'position:fixed;bottom:20px;right:20px;z-index:2147483000;padding:14px 20px;border:0;' +
    'border-radius:28px;background:#0b4f8a;color:#fff;font:600 16px system-ui,sans-serif;cursor:pointer;' +
    'box-shadow:0 4px 14px rgba(0,0,0,.25)';

  button.addEventListener('click', function () {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.id = 'iqtriage-frame';
      frame.title = label;
      frame.src = origin + '/?embed=1' + (lang ? '&lang=' + encodeURIComponent(lang) : '');
      frame.style.cssText = 'position:fixed;bottom:84px;right:20px;z-index:2147483000;width:min(400px,calc(100vw - 40px));' +
        'height:min(620px,calc(100vh - 110px));border:1px solid #c8ced6;border-radius:10px;background:#fff;' +
        'box-shadow:0 8px 28px rgba(0,0,0,.25)';
      document.body.appendChild(frame);
      button.setAttribute('aria-expanded', 'true');
      return;
    }

    var open = frame.style.display !== 'none';
    frame.style.display = open ? 'none' : 'block';
    button.setAttribute('aria-expanded', open ? 'false' : 'true');
  });

  document.body.appendChild(button);
})();
