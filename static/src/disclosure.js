/* Familieportalen: show and hide a part of the page in place (a disclosure).
 *
 * The template has a link to a page of its own, marked `data-disclosure`, with htmx attributes
 * that load the page's part into an empty region:
 *
 *   <a href="/familier/1/sager/2" hx-get="/familier/1/sager/2" hx-target="#steps-2"
 *      hx-swap="innerHTML" data-disclosure>Se alle trin</a>
 *   <div id="steps-2"></div>
 *
 * Without JavaScript the link simply opens that page. With JavaScript it becomes a button with
 * aria-expanded and aria-controls (the WAI-ARIA disclosure pattern): htmx still does the loading,
 * once, on the first press; every press shows or hides the region. Being a real <button>, it
 * works with Enter and Space like a click. If the part cannot be loaded, the page opens instead.
 * No inline scripts and no eval, so the strict CSP holds. Load after htmx.js, with `defer`. */
(function () {
  'use strict';

  function enhance(link) {
    var region = document.querySelector(link.getAttribute('hx-target'));
    if (!region || !region.id || !window.htmx) {
      return; // the link keeps working as a link
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = link.className + ' portal-disclosure';
    button.textContent = link.textContent.trim();
    Array.prototype.forEach.call(link.attributes, function (attribute) {
      if (attribute.name.indexOf('hx-') === 0) {
        button.setAttribute(attribute.name, attribute.value);
      }
    });
    button.setAttribute('hx-trigger', 'click once');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', region.id);
    region.hidden = true;

    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      region.hidden = !open;
    });
    function openThePage() {
      window.location.assign(link.href);
    }
    button.addEventListener('htmx:responseError', openThePage);
    button.addEventListener('htmx:sendError', openThePage);

    link.replaceWith(button);
    window.htmx.process(button);
  }

  function enhanceWithin(root) {
    if (root.querySelectorAll) {
      Array.prototype.forEach.call(root.querySelectorAll('a[data-disclosure][hx-target]'), enhance);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { enhanceWithin(document); });
  } else {
    enhanceWithin(document);
  }
  // Disclosures inside content that htmx swaps in later.
  document.addEventListener('htmx:load', function (event) { enhanceWithin(event.target); });
})();
