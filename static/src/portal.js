/* Familieportalen: our only script besides DKFDS and htmx. No inline scripts (strict CSP).
 * Load after dkfds.js, both with `defer`, so window.DKFDS exists when this runs. */
(function () {
  'use strict';

  function onReady() {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      window.DKFDS.init();
    }
    watchIdleTime();
  }

  /* Warn before the idle logout and let the user stay (WCAG 2.2.1). The server keeps the real
   * clock; this only mirrors it. Without JavaScript the next page explains the logout. */
  function watchIdleTime() {
    var body = document.body;
    var idle = parseInt(body.getAttribute('data-idle-seconds'), 10);
    var warnBefore = parseInt(body.getAttribute('data-warning-seconds'), 10);
    var dialog = document.getElementById('idle-warning');
    if (!idle || !dialog) {
      return;
    }
    var form = dialog.querySelector('form');
    var warnTimer, logoutTimer;

    function schedule() {
      clearTimeout(warnTimer);
      clearTimeout(logoutTimer);
      warnTimer = setTimeout(showWarning, Math.max(idle - warnBefore, 0) * 1000);
      logoutTimer = setTimeout(endSession, idle * 1000);
    }

    function endSession() {
      var done = function () {
        window.location.assign(body.getAttribute('data-timeout-url'));
      };
      fetch(body.getAttribute('data-expire-url'), {
        method: 'POST',
        body: new FormData(form),
        credentials: 'same-origin'
      }).then(done, done);
    }

    function showWarning() {
      dialog.hidden = false;
      dialog.querySelector('[data-keep-alive]').focus();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { 'HX-Request': 'true' },
        credentials: 'same-origin'
      }).then(function (response) {
        if (response.ok) {
          dialog.hidden = true;
          schedule();
        } else {
          form.submit();
        }
      });
    });
    schedule();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', onReady);
  } else {
    onReady();
  }

  // <button type="button" data-print>Udskriv</button> opens the browser's print dialog.
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-print]') : null;
    if (button) {
      event.preventDefault();
      window.print();
    }
  });
})();
