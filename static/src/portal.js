/* Familieportalen: our only script besides DKFDS and htmx. No inline scripts (strict CSP).
 * Load after dkfds.js, both with `defer`, so window.DKFDS exists when this runs. */
(function () {
  'use strict';

  function onReady() {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      window.DKFDS.init();
    }
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
