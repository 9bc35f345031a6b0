/* Familieportalen: our only script besides DKFDS and htmx. No inline scripts (strict CSP).
 * Load after dkfds.js, both with `defer`, so window.DKFDS exists when this runs. */
(function () {
  'use strict';

  function onReady() {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      startDkfds(window.DKFDS);
    }
    watchIdleTime();
  }

  /* DKFDS.init() starts every character limit (.form-limit) with DKFDS's built-in Danish texts.
   * The textarea macro puts the page's own words on the group instead (data-text-left and
   * data-text-too-many, with {value} for the number): keep those groups from DKFDS.init() and
   * start them with those words. */
  function startDkfds(dkfds) {
    var limits = Array.prototype.slice.call(document.querySelectorAll('.form-limit[data-text-left]'));
    limits.forEach(function (group) { group.classList.remove('form-limit'); });
    try {
      dkfds.init();
    } finally {
      limits.forEach(function (group) {
        group.classList.add('form-limit');
        if (typeof dkfds.CharacterLimit === 'function') {
          var left = group.getAttribute('data-text-left');
          var over = group.getAttribute('data-text-too-many');
          new dkfds.CharacterLimit(group, {
            character_remaining: left,
            characters_remaining: left,
            character_too_many: over,
            characters_too_many: over
          }).init();
        }
      });
    }
  }

  /* Warn before the idle logout and let the user stay (WCAG 2.2.1). The server keeps the real
   * clock: the page says how many seconds it will still wait (data-idle-seconds), and every
   * answer to a logged-in request repeats that in a header, so htmx requests restart the count.
   * Without JavaScript the next page explains the logout. */
  var IDLE_HEADER = 'X-Session-Idle-Seconds';

  function watchIdleTime() {
    var dialog = document.getElementById('idle-warning');
    if (!dialog) {
      return;
    }
    var idle = parseInt(dialog.getAttribute('data-idle-seconds'), 10);
    var warnBefore = parseInt(dialog.getAttribute('data-warning-seconds'), 10) || 0;
    if (isNaN(idle)) {
      return;
    }
    var form = dialog.querySelector('form');
    var timeoutUrl = dialog.getAttribute('data-timeout-url');
    var warnTimer, logoutTimer, focusBefore;

    function schedule(seconds) {
      clearTimeout(warnTimer);
      clearTimeout(logoutTimer);
      warnTimer = setTimeout(showWarning, Math.max(seconds - warnBefore, 0) * 1000);
      logoutTimer = setTimeout(endSession, seconds * 1000);
    }

    // The server has just counted activity: hide the warning and count from its new deadline.
    function restartFrom(headerValue) {
      var seconds = parseInt(headerValue, 10);
      if (isNaN(seconds)) {
        return false;
      }
      if (!dialog.hidden) {
        dialog.hidden = true;
        if (focusBefore && document.contains(focusBefore)) {
          focusBefore.focus();
        }
      }
      schedule(seconds);
      return true;
    }

    function goToTimeoutPage() {
      window.location.assign(timeoutUrl);
    }

    function endSession() {
      fetch(dialog.getAttribute('data-expire-url'), {
        method: 'POST',
        body: new FormData(form),
        credentials: 'same-origin'
      }).then(goToTimeoutPage, goToTimeoutPage);
    }

    function showWarning() {
      focusBefore = document.activeElement;
      dialog.hidden = false;
      dialog.querySelector('[data-keep-alive]').focus();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        // Only a renewed session carries the header; an ended one answers 401 (or, if the
        // form itself expired, an error page): either way the user is logged out.
        if (!(response.ok && !response.redirected && restartFrom(response.headers.get(IDLE_HEADER)))) {
          goToTimeoutPage();
        }
      }, function () {
        form.submit(); // no answer at all: let the browser try the plain form
      });
    });

    document.addEventListener('htmx:afterRequest', function (event) {
      var xhr = event.detail && event.detail.xhr;
      if (xhr) {
        restartFrom(xhr.getResponseHeader(IDLE_HEADER));
      }
    });
    schedule(idle);
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
